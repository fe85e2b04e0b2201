package io.rollcall.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.rollcall.domain.Page;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What changed between two snapshots: worked out once, in the database (which joins the
 * two snapshots' accounts on their digests and hands over only those that differ, so
 * memory stays bounded whatever their size), kept, and then read a page at a time with
 * filters. A source that is missing from either snapshot yields no changes; the diff says
 * it was left out.
 */
public final class AccessDiffs {

	private static final int BATCH = 1000;

	private static final String CHANGED = """
			SELECT t.native_id, t.email, t.display_name, t.active, f.native_id AS was_id, f.email AS was_email,
			       f.display_name AS was_name, f.active AS was_active
			FROM history_account t
			LEFT JOIN history_account f
			  ON f.snapshot_id = ? AND f.source_id = t.source_id AND f.native_id = t.native_id
			WHERE t.snapshot_id = ? AND t.source_id = ?
			  AND (f.native_id IS NULL OR f.digest <> t.digest)
			ORDER BY t.native_id""";

	private static final String REMOVED = """
			SELECT f.native_id, f.email, f.display_name, f.active
			FROM history_account f
			WHERE f.snapshot_id = ? AND f.source_id = ?
			  AND NOT EXISTS (SELECT 1 FROM history_account t
			                  WHERE t.snapshot_id = ? AND t.source_id = f.source_id AND t.native_id = f.native_id)
			ORDER BY f.native_id""";

	/** What an account added or removed is compared with: nothing. */
	private static final AccountRecord.Access NO_ACCESS = new AccountRecord.Access(List.of(), List.of(), List.of());

	private final HistoryDatabase database;

	private final Clock clock;

	/** Whether snapshots are compared by reading both in key order (else by a join). */
	private final boolean merge;

	public AccessDiffs(HistoryDatabase database, Clock clock) {
		this(database, clock, true);
	}

	AccessDiffs(HistoryDatabase database, Clock clock, boolean merge) {
		this.database = database;
		this.clock = clock;
		this.merge = merge;
	}

	/**
	 * The diff between two snapshots, worked out the first time it is asked for.
	 * @param from the older snapshot
	 * @param to the newer snapshot
	 * @return the diff's summary
	 */
	public Mono<Diff> diff(long from, long to) {
		return read(from, to).switchIfEmpty(this.database.inTransaction((jdbc) -> compute(jdbc, from, to))
			.onErrorResume(DuplicateKeyException.class, (ex) -> read(from, to)));
	}

	private Mono<Diff> read(long from, long to) {
		return this.database.call((jdbc) -> {
			List<Diff> found = jdbc.query(
					"SELECT sources_left_out, change_count FROM history_diff WHERE from_id = ? AND to_id = ?",
					(rs, n) -> new Diff(from, to, leftOut(rs.getString(1)), rs.getInt(2)), from, to);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	private Diff compute(JdbcTemplate jdbc, long from, long to) {
		Map<String, Boolean> was = completeness(jdbc, from);
		Map<String, Boolean> is = completeness(jdbc, to);
		if (was.isEmpty() || is.isEmpty()) {
			throw new IllegalArgumentException("No snapshot " + (was.isEmpty() ? from : to));
		}
		TreeSet<String> sources = new TreeSet<>(was.keySet());
		sources.addAll(is.keySet());
		List<String> compared = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		for (String source : sources) {
			if (Boolean.TRUE.equals(was.get(source)) && Boolean.TRUE.equals(is.get(source))) {
				compared.add(source);
			}
			else {
				leftOut.add(source);
			}
		}
		jdbc.update(
				"INSERT INTO history_diff (from_id, to_id, computed_at, sources_left_out, change_count) VALUES (?, ?, ?, ?, 0)",
				from, to, Snapshots.time(this.clock.instant()), Columns.cut(String.join(",", leftOut), 4000));
		Batch batch = new Batch(jdbc, from, to);
		for (String source : compared) {
			List<Event> events = Objects.requireNonNull(jdbc.execute(
					(ConnectionCallback<Optional<List<Event>>>) (connection) -> merged(connection, from, to, source)),
					"a merge")
				.orElseGet(() -> joined(jdbc, from, to, source));
			// The access of only the accounts that differ, a chunk at a time.
			for (int start = 0; start < events.size(); start += BATCH) {
				List<Event> chunk = events.subList(start, Math.min(events.size(), start + BATCH));
				List<String> ids = chunk.stream()
					.filter((event) -> event.before() != null && event.after() != null)
					.map((event) -> Objects.requireNonNull(event.after()).nativeId())
					.toList();
				Map<String, String> before = ids.isEmpty() ? Map.of() : accesses(jdbc, from, source, ids);
				Map<String, String> after = ids.isEmpty() ? Map.of() : accesses(jdbc, to, source, ids);
				for (Event event : chunk) {
					Account older = event.before();
					Account newer = event.after();
					if (older == null && newer != null) {
						batch.add(Differences.account(newer.record(source, NO_ACCESS), true));
					}
					else if (older != null && newer == null) {
						batch.add(Differences.account(older.record(source, NO_ACCESS), false));
					}
					else if (older != null && newer != null) {
						Differences
							.of(older.record(source, access(before, older.nativeId())),
									newer.record(source, access(after, newer.nativeId())))
							.forEach(batch::add);
					}
				}
			}
		}
		int count = batch.flush();
		jdbc.update("UPDATE history_diff SET change_count = ? WHERE from_id = ? AND to_id = ?", count, from, to);
		return new Diff(from, to, leftOut, count);
	}

	/**
	 * The accounts of one source that differ, found by reading both snapshots' narrow
	 * rows in key order side by side: two index scans, no lookups.
	 * @return the differences in key order, or empty when the database's order is not the
	 * one compared by here (the join then finds them)
	 */
	private Optional<List<Event>> merged(Connection connection, long from, long to, String source) throws SQLException {
		String order = this.database.postgres() ? "native_id COLLATE \"C\"" : "native_id";
		Comparator<String> keys = this.database.postgres() ? AccessDiffs::byCodePoint : String::compareTo;
		String sql = "SELECT native_id, email, display_name, active, digest FROM history_account"
				+ " WHERE snapshot_id = ? AND source_id = ? ORDER BY " + order;
		try (PreparedStatement older = scan(connection, sql, from, source);
				PreparedStatement newer = scan(connection, sql, to, source);
				ResultSet was = older.executeQuery();
				ResultSet is = newer.executeQuery()) {
			List<Event> events = new ArrayList<>();
			Row before = Row.next(was, null, keys);
			Row after = Row.next(is, null, keys);
			while (before != Row.END || after != Row.END) {
				if (before == Row.OUT_OF_ORDER || after == Row.OUT_OF_ORDER) {
					return Optional.empty();
				}
				int side = (before == Row.END) ? 1 : (after == Row.END) ? -1
						: keys.compare(before.account().nativeId(), after.account().nativeId());
				if (side < 0) {
					events.add(new Event(before.account(), null));
					before = Row.next(was, before, keys);
				}
				else if (side > 0) {
					events.add(new Event(null, after.account()));
					after = Row.next(is, after, keys);
				}
				else {
					if (!before.digest().equals(after.digest())) {
						events.add(new Event(before.account(), after.account()));
					}
					before = Row.next(was, before, keys);
					after = Row.next(is, after, keys);
				}
			}
			return Optional.of(events);
		}
	}

	private static PreparedStatement scan(Connection connection, String sql, long snapshot, String source)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.setFetchSize(BATCH);
		statement.setLong(1, snapshot);
		statement.setString(2, source);
		return statement;
	}

	/** The same differences through the database's own join: slower, in any order. */
	private static List<Event> joined(JdbcTemplate jdbc, long from, long to, String source) {
		List<Event> events = new ArrayList<>();
		jdbc.query(CHANGED, (ResultSet rs) -> {
			Account after = account(rs, "native_id", "email", "display_name", "active");
			events.add(new Event((rs.getString("was_id") != null)
					? account(rs, "was_id", "was_email", "was_name", "was_active") : null, after));
		}, from, to, source);
		jdbc.query(REMOVED,
				(ResultSet rs) -> events
					.add(new Event(account(rs, "native_id", "email", "display_name", "active"), null)),
				from, source, to);
		return events;
	}

	/** Java's order of strings by code point: UTF-8's byte order, PostgreSQL's "C". */
	static int byCodePoint(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	/**
	 * An account in the older snapshot, the newer, or both (with different access).
	 *
	 * @param before the account in the older snapshot, or null when it was added
	 * @param after the account in the newer snapshot, or null when it was removed
	 */
	private record Event(@Nullable Account before, @Nullable Account after) {
	}

	/** One narrow row of a scan in key order, or where the scan stands. */
	private record Row(Account account, String digest) {

		static final Row END = new Row(new Account("", null, "", null), "");

		static final Row OUT_OF_ORDER = new Row(new Account("", null, "", null), "");

		/** The next row, END after the last, or OUT_OF_ORDER when keys do not rise. */
		static Row next(ResultSet rows, @Nullable Row previous, Comparator<String> keys) throws SQLException {
			if (!rows.next()) {
				return END;
			}
			Row row = new Row(AccessDiffs.account(rows, "native_id", "email", "display_name", "active"),
					rows.getString("digest"));
			if (previous != null && keys.compare(previous.account().nativeId(), row.account().nativeId()) >= 0) {
				return OUT_OF_ORDER;
			}
			return row;
		}

	}

	/**
	 * A page of a diff's changes, in the order they were found (by source, then account).
	 * @param diff the diff
	 * @param filter which changes
	 * @param first how many
	 * @param after the cursor of the last change already seen, or null
	 * @return the page
	 */
	public Mono<Page<AccessChange>> changes(Diff diff, Filter filter, int first, @Nullable Integer after) {
		return this.database.call((jdbc) -> {
			List<Object> arguments = new ArrayList<>(List.of(diff.from(), diff.to()));
			String where = where(filter, arguments);
			int total = Objects.requireNonNull(
					jdbc.queryForObject("SELECT COUNT(*) FROM history_change WHERE from_id = ? AND to_id = ?" + where,
							Integer.class, arguments.toArray()),
					"a count");
			arguments.add((after != null) ? after : -1);
			arguments.add(first + 1);
			List<Map.Entry<Integer, AccessChange>> rows = jdbc.query(
					"SELECT * FROM history_change WHERE from_id = ? AND to_id = ?" + where
							+ " AND seq > ? ORDER BY seq LIMIT ?",
					(rs, n) -> Map.entry(rs.getInt("seq"), change(rs)), arguments.toArray());
			boolean more = rows.size() > first;
			List<Map.Entry<Integer, AccessChange>> page = rows.subList(0, Math.min(first, rows.size()));
			return new Page<>(page.stream().map(Map.Entry::getValue).toList(),
					page.stream().map((row) -> Integer.toString(row.getKey())).toList(), more, after != null, total);
		});
	}

	/**
	 * Every change of a diff, a chunk at a time: for exports.
	 * @param diff the diff
	 * @return the changes
	 */
	public Flux<AccessChange> stream(Diff diff) {
		return this.database.stream((connection) -> Columns.cursor(connection,
				"SELECT * FROM history_change WHERE from_id = ? AND to_id = ? ORDER BY seq", (statement) -> {
					statement.setLong(1, diff.from());
					statement.setLong(2, diff.to());
				}, AccessDiffs::change));
	}

	private static String where(Filter filter, List<Object> arguments) {
		StringBuilder where = new StringBuilder();
		if (!filter.sources().isEmpty()) {
			where.append(" AND source_id IN (")
				.append(String.join(", ", filter.sources().stream().map((s) -> "?").toList()))
				.append(")");
			arguments.addAll(filter.sources());
		}
		if (filter.email() != null) {
			where.append(" AND email = ?");
			arguments.add(filter.email());
		}
		if (!filter.kinds().isEmpty()) {
			where.append(" AND kind IN (")
				.append(String.join(", ", filter.kinds().stream().map((k) -> "?").toList()))
				.append(")");
			filter.kinds().forEach((kind) -> arguments.add(kind.name()));
		}
		return where.toString();
	}

	private static Map<String, Boolean> completeness(JdbcTemplate jdbc, long snapshot) {
		Map<String, Boolean> sources = new TreeMap<>();
		jdbc.query("SELECT source_id, complete FROM history_snapshot_source WHERE snapshot_id = ?", (ResultSet rs) -> {
			sources.put(rs.getString(1), rs.getBoolean(2));
		}, snapshot);
		return sources;
	}

	private static Account account(ResultSet rs, String id, String email, String name, String active)
			throws SQLException {
		return new Account(rs.getString(id), rs.getString(email), rs.getString(name),
				(Boolean) rs.getObject(active, Boolean.class));
	}

	/** The access JSON of some accounts of one snapshot and source, by id. */
	private static Map<String, String> accesses(JdbcTemplate jdbc, long snapshot, String source, List<String> ids) {
		List<Object> arguments = new ArrayList<>(List.of(snapshot, source));
		arguments.addAll(ids);
		Map<String, String> accesses = new HashMap<>();
		jdbc.query(
				"SELECT native_id, access FROM history_access WHERE snapshot_id = ? AND source_id = ? AND native_id IN ("
						+ String.join(", ", ids.stream().map((id) -> "?").toList()) + ")",
				(ResultSet rs) -> {
					accesses.put(rs.getString(1), rs.getString(2));
				}, arguments.toArray());
		return accesses;
	}

	private static AccountRecord.Access access(Map<String, String> accesses, String id) {
		String json = accesses.get(id);
		if (json == null) {
			throw new IllegalStateException("Account " + id + " has no access row");
		}
		return AccessJson.read(json);
	}

	/** An account's narrow row, before its access is read (if it is). */
	private record Account(String nativeId, @Nullable String email, String displayName, @Nullable Boolean active) {

		AccountRecord record(String source, AccountRecord.Access access) {
			return new AccountRecord(source, this.nativeId, this.email, this.displayName, this.active, access);
		}

	}

	private static AccessChange change(ResultSet rs) throws SQLException {
		AccessChange.Kind kind = AccessChange.Kind.valueOf(rs.getString("kind"));
		String item = rs.getString("item_name");
		boolean role = kind == AccessChange.Kind.ROLE_ADDED || kind == AccessChange.Kind.ROLE_REMOVED;
		boolean group = kind == AccessChange.Kind.GROUP_ADDED || kind == AccessChange.Kind.GROUP_REMOVED;
		boolean project = kind == AccessChange.Kind.PROJECT_ADDED || kind == AccessChange.Kind.PROJECT_REMOVED
				|| kind == AccessChange.Kind.PERMISSIONS_CHANGED;
		return new AccessChange(kind, rs.getString("source_id"), rs.getString("native_id"), rs.getString("email"),
				rs.getString("display_name"), role ? item : null, group ? item : null, project ? item : null,
				permissions(rs.getString("permissions_before")), permissions(rs.getString("permissions_after")));
	}

	private static @Nullable List<String> permissions(@Nullable String joined) {
		if (joined == null) {
			return null;
		}
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
	}

	private static List<String> leftOut(String joined) {
		return joined.isEmpty() ? List.of() : List.of(joined.split(","));
	}

	/** Changes written to the database a batch at a time, numbered in order. */
	private static final class Batch {

		private final JdbcTemplate jdbc;

		private final long from;

		private final long to;

		private final List<AccessChange> pending = new ArrayList<>();

		private int written;

		Batch(JdbcTemplate jdbc, long from, long to) {
			this.jdbc = jdbc;
			this.from = from;
			this.to = to;
		}

		void add(AccessChange change) {
			this.pending.add(change);
			if (this.pending.size() >= BATCH) {
				flush();
			}
		}

		int flush() {
			List<Map.Entry<Integer, AccessChange>> numbered = new ArrayList<>();
			for (AccessChange change : this.pending) {
				numbered.add(Map.entry(this.written + numbered.size(), change));
			}
			this.jdbc.batchUpdate(
					"INSERT INTO history_change (from_id, to_id, seq, kind, source_id, native_id, email, display_name, item_name, permissions_before, permissions_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					numbered, BATCH, (statement, row) -> {
						AccessChange change = row.getValue();
						statement.setLong(1, this.from);
						statement.setLong(2, this.to);
						statement.setInt(3, row.getKey());
						statement.setString(4, change.kind().name());
						statement.setString(5, change.source());
						statement.setString(6, change.nativeId());
						statement.setString(7, change.email());
						statement.setString(8, Columns.cut(change.displayName(), 512));
						statement.setString(9, Columns.cut(change.item(), 512));
						statement.setString(10, joined(change.permissionsBefore()));
						statement.setString(11, joined(change.permissionsAfter()));
					});
			this.written += this.pending.size();
			this.pending.clear();
			return this.written;
		}

		private static @Nullable String joined(@Nullable List<String> permissions) {
			return (permissions != null) ? Columns.cut(String.join("\n", permissions), 4000) : null;
		}

	}

	/**
	 * A diff's summary.
	 *
	 * @param from the older snapshot
	 * @param to the newer snapshot
	 * @param sourcesLeftOut sources missing from either snapshot: no changes are listed
	 * for them
	 * @param changeCount its changes
	 */
	public record Diff(long from, long to, List<String> sourcesLeftOut, int changeCount) {

		public Diff {
			sourcesLeftOut = List.copyOf(sourcesLeftOut);
		}

	}

	/**
	 * Which changes to list.
	 *
	 * @param sources only these sources, or all when empty
	 * @param email only this account's address, normalized, or null
	 * @param kinds only these kinds, or all when empty
	 */
	public record Filter(List<String> sources, @Nullable String email, List<AccessChange.Kind> kinds) {

		public static final Filter NONE = new Filter(List.of(), null, List.of());

		public Filter {
			sources = List.copyOf(sources);
			kinds = List.copyOf(kinds);
		}

	}

}
