package io.rollcall.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * What every table of the history needs: values cut to their column's size, and cursors
 * that stream a result set.
 */
final class Columns {

	/** Rows a cursor fetches from the database at once. */
	private static final int FETCH = 500;

	private Columns() {
	}

	/** A value cut to a column's size. */
	static @Nullable String cut(@Nullable String value, int size) {
		return (value == null || value.length() <= size) ? value : value.substring(0, size);
	}

	/** The same, for a value that is always there. */
	static String fit(String value, int size) {
		return (value.length() <= size) ? value : value.substring(0, size);
	}

	/**
	 * Opens a cursor over a query's rows.
	 * @param <T> a row
	 * @param connection the connection, closed with the cursor
	 * @param sql the query
	 * @param binder sets its parameters
	 * @param mapper reads a row
	 * @return the cursor
	 */
	static <T> HistoryDatabase.Cursor<T> cursor(Connection connection, String sql, Binder binder, Mapper<T> mapper) {
		try {
			PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(FETCH);
			binder.bind(statement);
			ResultSet rows = statement.executeQuery();
			return new HistoryDatabase.Cursor<>() {

				@Override
				public @Nullable T next() throws SQLException {
					return rows.next() ? mapper.map(rows) : null;
				}

				@Override
				public void close() {
					try (connection; statement; rows) {
						connection.rollback();
					}
					catch (SQLException ex) {
						// Closing after the last row: nothing is left to do with it.
					}
				}

			};
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw new IllegalStateException(ex);
		}
	}

	/** Sets a statement's parameters. */
	@FunctionalInterface
	interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	/** Reads one row. */
	@FunctionalInterface
	interface Mapper<T> {

		T map(ResultSet row) throws SQLException;

	}

}
