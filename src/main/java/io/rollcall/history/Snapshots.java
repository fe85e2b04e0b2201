package io.rollcall.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import io.rollcall.domain.Directory;
import io.rollcall.domain.Emails;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.Page;
import io.rollcall.domain.Part;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Snapshots of every source's accounts: taken (each source read as queries read it, a
 * failing one, or one served stale after a failed refresh, recorded as missing), listed,
 * read back, and kept as long as the retention says. After each snapshot what changed
 * since the one before is worked out, so that a review finds it ready.
 */
public final class Snapshots {

	private static final Log logger = LogFactory.getLog(Snapshots.class);

	/** Rows sent to the database at once. */
	private static final int BATCH = 1000;

	private final HistoryDatabase database;

	private final Directory directory;

	private final AccessDiffs diffs;

	private final Retention retention;

	private final Clock clock;

	/**
	 * @param database the history database
	 * @param directory the sources
	 * @param diffs what changed between snapshots
	 * @param retention how many snapshots are kept, or how long
	 * @param clock when snapshots are taken
	 */
	public Snapshots(HistoryDatabase database, Directory directory, AccessDiffs diffs, Retention retention,
			Clock clock) {
		this.database = database;
		this.directory = directory;
		this.diffs = diffs;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Takes a snapshot of every source.
	 * @param by who takes it
	 * @param period the period a scheduled snapshot claims, or null
	 * @return the snapshot; empty when another replica has taken this period's
	 */
	public Mono<Snapshot> take(String by, @Nullable Instant period) {
		RequestTrace trace = new RequestTrace();
		return Flux.fromIterable(this.directory.sourceIds())
			.flatMapSequential((id) -> this.directory.view(id, EnumSet.allOf(Part.class)))
			.collectList()
			// Read as queries read (through the cache); a list served stale is not
			// evidence.
			.contextWrite((context) -> context.put(RequestTrace.KEY, trace))
			.map((loaded) -> loaded.stream().map((source) -> stale(source, trace)).toList())
			.flatMap((loaded) -> this.database.inTransaction((jdbc) -> store(jdbc, by, period, loaded)))
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.flatMap((snapshot) -> keep().then(previousOf(snapshot.id())
				.flatMap((before) -> this.diffs.diff(before, snapshot.id()).then().onErrorResume((ex) -> {
					logger.warn("What changed since snapshot " + before + " was not worked out: " + ex.getMessage());
					return Mono.empty();
				}))).thenReturn(snapshot));
	}

	/** A source whose lists were served stale, as missing. */
	private static Directory.Loaded stale(Directory.Loaded source, RequestTrace trace) {
		Duration age = trace.stale().get(source.source());
		if (age == null || source.error() != null) {
			return source;
		}
		return new Directory.Loaded(source.source(), null,
				SourceException.answered(source.source(), SourceException.Code.SOURCE_UNAVAILABLE, "Source '"
						+ source.source() + "' could not be read; its lists are " + age.toSeconds() + "s old", 0,
						null));
	}

	private Snapshot store(JdbcTemplate jdbc, String by, @Nullable Instant period, List<Directory.Loaded> loaded) {
		Instant now = this.clock.instant();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO history_snapshot (taken_at, taken_by, period_start, account_count, complete) VALUES (?, ?, ?, 0, FALSE)",
					new String[] { "id" });
			insert.setObject(1, time(now));
			insert.setString(2, Columns.fit(by, 200));
			insert.setObject(3, (period != null) ? time(period) : null);
			return insert;
		}, key);
		long id = Objects.requireNonNull(key.getKey(), "the snapshot's id").longValue();
		List<Snapshot.SourcePart> parts = new ArrayList<>();
		int accounts = 0;
		for (Directory.Loaded source : loaded) {
			SourceView view = source.view();
			if (view == null || source.error() != null) {
				String code = (source.error() != null) ? source.error().code().name() : null;
				parts.add(new Snapshot.SourcePart(source.source(), false, 0, code));
				continue;
			}
			int count = storeAccounts(jdbc, id, source.source(), view);
			parts.add(new Snapshot.SourcePart(source.source(), true, count, null));
			accounts += count;
		}
		jdbc.batchUpdate(
				"INSERT INTO history_snapshot_source (snapshot_id, source_id, complete, account_count, code) VALUES (?, ?, ?, ?, ?)",
				parts, parts.size(), (statement, part) -> {
					statement.setLong(1, id);
					statement.setString(2, part.source());
					statement.setBoolean(3, part.complete());
					statement.setInt(4, part.accountCount());
					statement.setString(5, part.code());
				});
		boolean complete = parts.stream().allMatch(Snapshot.SourcePart::complete);
		jdbc.update("UPDATE history_snapshot SET account_count = ?, complete = ? WHERE id = ?", accounts, complete, id);
		return new Snapshot(id, now, by, accounts, complete, parts);
	}

	private static int storeAccounts(JdbcTemplate jdbc, long id, String source, SourceView view) {
		Map<String, User> users = new LinkedHashMap<>();
		// An id is one account, however many times a vendor lists it.
		view.users().forEach((user) -> users.putIfAbsent(Columns.fit(user.nativeId(), 1024), user));
		List<Map.Entry<String, User>> rows = new ArrayList<>(users.entrySet());
		List<String> accesses = new ArrayList<>(rows.size());
		rows.forEach((row) -> accesses.add(AccessJson.write(AccessJson.of(view, row.getValue()))));
		List<Integer> indexes = IntStream.range(0, rows.size()).boxed().toList();
		jdbc.batchUpdate(
				"INSERT INTO history_account (snapshot_id, source_id, native_id, email, display_name, active, digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
				indexes, BATCH, (statement, index) -> {
					User user = rows.get(index).getValue();
					statement.setLong(1, id);
					statement.setString(2, source);
					statement.setString(3, rows.get(index).getKey());
					statement.setString(4, Columns.cut(Emails.normalize(user.email()), 320));
					statement.setString(5, Columns.fit(user.displayName(), 512));
					statement.setObject(6, user.active());
					statement.setString(7, AccessJson.digest(user.active(), accesses.get(index)));
				});
		jdbc.batchUpdate("INSERT INTO history_access (snapshot_id, source_id, native_id, access) VALUES (?, ?, ?, ?)",
				indexes, BATCH, (statement, index) -> {
					statement.setLong(1, id);
					statement.setString(2, source);
					statement.setString(3, rows.get(index).getKey());
					statement.setString(4, accesses.get(index));
				});
		return rows.size();
	}

	/**
	 * The snapshot taken before another, if any.
	 * @param id the other snapshot
	 * @return the one before it, or empty
	 */
	public Mono<Long> previousOf(long id) {
		return this.database
			.call((jdbc) -> jdbc
				.query("SELECT MAX(id) FROM history_snapshot WHERE id < ?",
						(rs, n) -> (Long) rs.getObject(1, Long.class), id)
				.stream()
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null));
	}

	/**
	 * The newest snapshot, if any.
	 * @return its id, or empty
	 */
	public Mono<Long> newest() {
		return this.database.call((jdbc) -> jdbc
			.query("SELECT MAX(id) FROM history_snapshot", (rs, n) -> (Long) rs.getObject(1, Long.class))
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null));
	}

	/**
	 * Snapshots, newest first.
	 * @param first how many
	 * @param after the cursor of the last one already seen, or null
	 * @return the page
	 */
	public Mono<Page<Snapshot>> list(int first, @Nullable Long after) {
		return this.database.call((jdbc) -> {
			int total = Objects
				.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM history_snapshot", Integer.class), "a count");
			List<Snapshot> page = jdbc.query(
					"SELECT id, taken_at, taken_by, account_count, complete FROM history_snapshot WHERE id < ? ORDER BY id DESC LIMIT ?",
					(rs, n) -> snapshot(rs, List.of()), (after != null) ? after : Long.MAX_VALUE, first + 1);
			boolean more = page.size() > first;
			List<Snapshot> items = withSources(jdbc, page.subList(0, Math.min(first, page.size())));
			return new Page<>(items, items.stream().map((s) -> Long.toString(s.id())).toList(), more, after != null,
					total);
		});
	}

	/**
	 * A snapshot.
	 * @param id its id
	 * @return the snapshot, or empty when there is none with that id
	 */
	public Mono<Snapshot> get(long id) {
		return this.database.call((jdbc) -> {
			List<Snapshot> found = jdbc.query(
					"SELECT id, taken_at, taken_by, account_count, complete FROM history_snapshot WHERE id = ?",
					(rs, n) -> snapshot(rs, List.of()), id);
			return found.isEmpty() ? null : withSources(jdbc, found).get(0);
		});
	}

	/**
	 * A snapshot's id as a client writes it.
	 * @param text the id
	 * @param argument where it came from, for the error
	 * @return the id
	 * @throws InvalidInputException naming the argument
	 */
	public static long parseId(String text, String argument) {
		try {
			long id = Long.parseLong(text.trim());
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// Named below.
		}
		throw new InvalidInputException(argument, argument + " is not a snapshot id (Snapshot.id)");
	}

	/**
	 * The error for a snapshot that is not (or no longer) kept.
	 * @param id the snapshot asked for
	 * @param argument where it was asked for
	 * @return the error
	 */
	public static InvalidInputException missing(long id, String argument) {
		return new InvalidInputException(argument, "No snapshot " + id + " (" + argument
				+ "): it was never taken, or the retention (rollcall.history.keep) dropped it");
	}

	/**
	 * The two snapshots a diff compares: those asked for, else the newest and the one
	 * before it.
	 * @param from the older snapshot, or null for the one before {@code to}
	 * @param to the newer snapshot, or null for the newest
	 * @return the pair; either side null when there is no such snapshot yet
	 * @throws InvalidInputException (in the Mono) for a snapshot not kept, or a
	 * {@code from} not taken before {@code to}
	 */
	public Mono<Pair> pair(@Nullable Long from, @Nullable Long to) {
		Mono<Snapshot> newer = (to != null) ? get(to).switchIfEmpty(Mono.error(() -> missing(to, "to")))
				: newest().flatMap(this::get);
		return newer.flatMap((target) -> {
			Mono<Snapshot> older = (from != null) ? get(from).switchIfEmpty(Mono.error(() -> missing(from, "from")))
					: previousOf(target.id()).flatMap(this::get);
			return older
				.flatMap((source) -> (source.id() < target.id()) ? Mono.just(new Pair(source, target))
						: Mono.error(new InvalidInputException("from",
								"from must be a snapshot taken before to (" + target.id() + ")")))
				.defaultIfEmpty(new Pair(null, target));
		}).defaultIfEmpty(new Pair(null, null));
	}

	/**
	 * Two snapshots to compare.
	 *
	 * @param from the older, or null when there is none
	 * @param to the newer, or null when there is none
	 */
	public record Pair(@Nullable Snapshot from, @Nullable Snapshot to) {
	}

	/**
	 * A person's accounts as a snapshot holds them.
	 * @param id the snapshot
	 * @param email the person's address, normalized
	 * @return the accounts, by source and id
	 */
	public Mono<List<AccountRecord>> accountsOf(long id, String email) {
		return this.database.call((jdbc) -> jdbc.query(
				"SELECT a.source_id, a.native_id, a.email, a.display_name, a.active, x.access FROM history_account a JOIN history_access x ON x.snapshot_id = a.snapshot_id AND x.source_id = a.source_id AND x.native_id = a.native_id WHERE a.snapshot_id = ? AND a.email = ? ORDER BY a.source_id, a.native_id",
				(rs, n) -> account(rs), id, email));
	}

	/**
	 * Every account of a snapshot, a chunk at a time: for exports.
	 * @param id the snapshot
	 * @return the accounts, by source and id
	 */
	public Flux<AccountRecord> accounts(long id) {
		return this.database.stream((connection) -> Columns.cursor(connection,
				"SELECT a.source_id, a.native_id, a.email, a.display_name, a.active, x.access FROM history_account a JOIN history_access x ON x.snapshot_id = a.snapshot_id AND x.source_id = a.source_id AND x.native_id = a.native_id WHERE a.snapshot_id = ? ORDER BY a.source_id, a.native_id",
				(statement) -> statement.setLong(1, id), Snapshots::account));
	}

	static AccountRecord account(ResultSet rs) throws SQLException {
		return new AccountRecord(rs.getString("source_id"), rs.getString("native_id"), rs.getString("email"),
				rs.getString("display_name"), (Boolean) rs.getObject("active", Boolean.class),
				AccessJson.read(rs.getString("access")));
	}

	/** Deletes the snapshots the retention no longer keeps. */
	private Mono<Void> keep() {
		return this.database.call((jdbc) -> {
			if (this.retention.count() > 0) {
				jdbc.update(
						"DELETE FROM history_snapshot WHERE id IN (SELECT id FROM history_snapshot ORDER BY id DESC OFFSET ? ROWS)",
						this.retention.count());
			}
			Duration age = this.retention.age();
			if (age != null) {
				jdbc.update("DELETE FROM history_snapshot WHERE taken_at < ?", time(this.clock.instant().minus(age)));
			}
			return null;
		}).then();
	}

	/** The snapshots with their sources' parts, read in one query. */
	private static List<Snapshot> withSources(JdbcTemplate jdbc, List<Snapshot> snapshots) {
		if (snapshots.isEmpty()) {
			return snapshots;
		}
		Map<Long, List<Snapshot.SourcePart>> parts = new LinkedHashMap<>();
		jdbc.query("SELECT snapshot_id, source_id, complete, account_count, code FROM history_snapshot_source"
				+ " WHERE snapshot_id IN (" + String.join(", ", snapshots.stream().map((s) -> "?").toList())
				+ ") ORDER BY source_id", (ResultSet rs) -> {
					parts.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.add(new Snapshot.SourcePart(rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5)));
				}, snapshots.stream().map(Snapshot::id).toArray());
		return snapshots.stream()
			.map((snapshot) -> new Snapshot(snapshot.id(), snapshot.takenAt(), snapshot.takenBy(),
					snapshot.accountCount(), snapshot.complete(), parts.getOrDefault(snapshot.id(), List.of())))
			.toList();
	}

	private static Snapshot snapshot(ResultSet rs, List<Snapshot.SourcePart> parts) throws SQLException {
		return new Snapshot(rs.getLong("id"), rs.getObject("taken_at", OffsetDateTime.class).toInstant(),
				rs.getString("taken_by"), rs.getInt("account_count"), rs.getBoolean("complete"), parts);
	}

	static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * How long snapshots are kept: the newest {@code count}, or those younger than
	 * {@code age}.
	 */
	public record Retention(int count, @Nullable Duration age) {
	}

}
