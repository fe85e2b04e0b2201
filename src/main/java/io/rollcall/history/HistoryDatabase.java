package io.rollcall.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history database: a small pool, its schema migrated by Flyway on first use (and
 * again after it was unreachable), and every call run on a bounded scheduler of its own,
 * never on an event loop. A failure is a {@link HistoryUnavailableException} that names
 * no URL or credential; one line is logged when the database goes away, one when it is
 * back.
 */
public final class HistoryDatabase implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(HistoryDatabase.class);

	/** Connections, and so threads, the history may use at once. */
	private static final int POOL = 4;

	/** Calls waiting for a thread, beyond which they are refused. */
	private static final int QUEUE = 1000;

	/** How long a failed migration is not tried again. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final HikariDataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Scheduler scheduler;

	private final boolean postgres;

	private final Clock clock;

	private final AtomicBoolean migrated = new AtomicBoolean();

	private final AtomicReference<Instant> nextTry = new AtomicReference<>(Instant.MIN);

	private final AtomicReference<@Nullable String> problem = new AtomicReference<>();

	/**
	 * Opens the pool; nothing is connected until the first call.
	 * @param url the JDBC URL, H2 or PostgreSQL
	 * @param username the user, or null
	 * @param password the password, or null
	 * @param clock the clock retries are timed by
	 */
	public HistoryDatabase(String url, @Nullable String username, @Nullable String password, Clock clock) {
		this.clock = clock;
		this.postgres = url.startsWith("jdbc:postgresql:");
		HikariConfig config = new HikariConfig();
		config.setPoolName("rollcall-history");
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(POOL);
		config.setMinimumIdle(0);
		// Never fail start-up: reads do not need the database.
		config.setInitializationFailTimeout(-1);
		config.setConnectionTimeout(2000);
		config.setValidationTimeout(1000);
		this.dataSource = new HikariDataSource(config);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.setQueryTimeout(60);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.scheduler = Schedulers.newBoundedElastic(POOL, QUEUE, "rollcall-history");
	}

	/** Whether the database is PostgreSQL (else embedded H2). */
	boolean postgres() {
		return this.postgres;
	}

	/**
	 * Runs a call on the database.
	 * @param <T> what it answers
	 * @param call the call
	 * @return its answer, or {@link HistoryUnavailableException}
	 */
	<T> Mono<T> call(Function<JdbcTemplate, @Nullable T> call) {
		return Mono.fromCallable(() -> {
			ready();
			return call.apply(this.jdbc);
		}).subscribeOn(this.scheduler).onErrorMap(this::unavailable).doOnSuccess((ignored) -> back());
	}

	/**
	 * Runs calls in one transaction.
	 * @param <T> what they answer
	 * @param work the calls
	 * @return the answer, or {@link HistoryUnavailableException} (nothing kept)
	 */
	<T> Mono<T> inTransaction(Function<JdbcTemplate, @Nullable T> work) {
		return call((jdbc) -> this.transactions.execute((status) -> work.apply(jdbc)));
	}

	/**
	 * Streams rows a chunk at a time from one connection, never holding more than a
	 * chunk: for exports.
	 * @param <T> a row
	 * @param open opens the cursor on the connection
	 * @return the rows
	 */
	<T> Flux<T> stream(Function<Connection, Cursor<T>> open) {
		return Flux.<T, Cursor<T>>generate(() -> {
			ready();
			Connection connection = this.dataSource.getConnection();
			try {
				// PostgreSQL streams a result set only inside a transaction.
				connection.setAutoCommit(false);
				connection.setReadOnly(true);
				return open.apply(connection);
			}
			catch (RuntimeException | SQLException ex) {
				connection.close();
				throw ex;
			}
		}, (cursor, sink) -> {
			try {
				T next = cursor.next();
				if (next != null) {
					sink.next(next);
				}
				else {
					sink.complete();
				}
			}
			catch (SQLException ex) {
				sink.error(ex);
			}
			return cursor;
		}, Cursor::close).subscribeOn(this.scheduler).onErrorMap(this::unavailable);
	}

	/** The schema, migrated once per time the database is reached. */
	private void ready() {
		if (this.migrated.get()) {
			return;
		}
		synchronized (this) {
			if (this.migrated.get()) {
				return;
			}
			if (this.clock.instant().isBefore(this.nextTry.get())) {
				throw new HistoryUnavailableException(unreachable());
			}
			try {
				flyway(this.dataSource).migrate();
				this.migrated.set(true);
			}
			catch (RuntimeException ex) {
				this.nextTry.set(this.clock.instant().plus(RETRY_AFTER));
				throw ex;
			}
		}
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/history")
			.table("history_schema_version")
			.connectRetries(0)
			.load();
	}

	private Throwable unavailable(Throwable ex) {
		// A refusal of the data (a period already claimed) is an answer, not an outage.
		if (ex instanceof HistoryUnavailableException || ex instanceof DataIntegrityViolationException
				|| ex instanceof IllegalArgumentException) {
			return ex;
		}
		String reason = ex.getClass().getSimpleName() + ": " + rootMessage(ex);
		if (this.problem.getAndSet(reason) == null) {
			logger.warn("The history database cannot be used (" + reason
					+ "); queries and changes go on, history fields answer HISTORY_UNAVAILABLE");
		}
		// A later call runs the migration again: the database may have been replaced.
		if (isConnectionProblem(ex)) {
			this.migrated.set(false);
		}
		return new HistoryUnavailableException(unreachable());
	}

	private void back() {
		if (this.problem.getAndSet(null) != null) {
			logger.info("The history database is back");
		}
	}

	private static String unreachable() {
		return "The history database (rollcall.history.url) cannot be used now; queries and changes are not affected";
	}

	private static boolean isConnectionProblem(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLTransientConnectionException
					|| cause instanceof java.sql.SQLNonTransientConnectionException
					|| cause.getClass().getSimpleName().contains("Connection")) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		// A driver's message can quote its URL, and a URL can carry a password.
		message = message.replaceAll("jdbc:[^\\s'\"]*", "<url>").replaceAll("\\p{Cntrl}", " ");
		return (message.length() > 200) ? message.substring(0, 200) + "..." : message;
	}

	@Override
	public void close() {
		this.scheduler.dispose();
		this.dataSource.close();
	}

	/**
	 * Rows read one at a time from an open result set.
	 *
	 * @param <T> a row
	 */
	interface Cursor<T> extends AutoCloseable {

		/** The next row, or null after the last. */
		@Nullable T next() throws SQLException;

		@Override
		void close();

	}

}
