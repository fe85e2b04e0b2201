package io.rollcall.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.rollcall.domain.AuditSink;
import io.rollcall.domain.Change;
import io.rollcall.domain.Page;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail in the history database. Every entry is queued and written in batches,
 * never holding up the change it records; while the database is unreachable entries wait
 * in memory (at most {@link #MAX_PENDING}) and are written once it is back. Beyond that
 * the oldest are dropped and the loss is logged as an error (the
 * {@code io.rollcall.audit} log still has each line).
 */
public final class AuditTrail implements AuditSink, AutoCloseable {

	private static final Log logger = LogFactory.getLog(AuditTrail.class);

	/** Entries kept in memory while the database cannot take them. */
	static final int MAX_PENDING = 10_000;

	private static final int BATCH = 500;

	private static final Duration RETRY = Duration.ofSeconds(2);

	private final HistoryDatabase database;

	private final ConcurrentLinkedDeque<Entry> pending = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicLong lost = new AtomicLong();

	private volatile @Nullable Disposable retry;

	public AuditTrail(HistoryDatabase database) {
		this.database = database;
	}

	@Override
	public void record(Entry entry) {
		this.pending.addLast(entry);
		if (this.size.incrementAndGet() > MAX_PENDING && this.pending.pollFirst() != null) {
			this.size.decrementAndGet();
			long total = this.lost.incrementAndGet();
			if (total == 1 || total % 1000 == 0) {
				logger.error(total + " audit entries could not be kept in the history database (unreachable, with "
						+ MAX_PENDING + " waiting); the io.rollcall.audit log has them");
			}
		}
		write();
	}

	/** Entries waiting to be written. */
	public int pending() {
		return this.size.get();
	}

	/** Writes what is waiting, one batch after another, unless a write is under way. */
	private void write() {
		if (!this.writing.compareAndSet(false, true)) {
			return;
		}
		List<Entry> batch = new ArrayList<>();
		for (Entry entry = this.pending.pollFirst(); entry != null; entry = this.pending.pollFirst()) {
			batch.add(entry);
			if (batch.size() == BATCH) {
				break;
			}
		}
		if (batch.isEmpty()) {
			this.writing.set(false);
			if (!this.pending.isEmpty()) {
				write();
			}
			return;
		}
		this.database.call((jdbc) -> jdbc.batchUpdate(
				"INSERT INTO history_audit (changed_at, client, mutation, source_id, target, dry_run, status, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				batch, BATCH, (statement, entry) -> {
					statement.setObject(1, Snapshots.time(entry.at()));
					statement.setString(2, Columns.cut(entry.client(), 200));
					statement.setString(3, Columns.cut(entry.change(), 64));
					statement.setString(4, Columns.cut(entry.source(), 64));
					statement.setString(5, Columns.cut(entry.target(), 1024));
					statement.setBoolean(6, entry.dryRun());
					statement.setString(7, entry.status().name());
					statement.setString(8, Columns.cut(entry.code(), 64));
					statement.setString(9, Columns.cut(entry.message(), 4000));
				}))
			.subscribe((written) -> {
				this.size.addAndGet(-batch.size());
				this.writing.set(false);
				write();
			}, (ex) -> {
				// Back at the front, in order, for the next try.
				for (int i = batch.size() - 1; i >= 0; i--) {
					this.pending.addFirst(batch.get(i));
				}
				this.writing.set(false);
				this.retry = Mono.delay(RETRY).subscribe((tick) -> write());
			});
	}

	/**
	 * Entries, newest first.
	 * @param filter which entries
	 * @param first how many
	 * @param after the cursor of the last entry already seen, or null
	 * @return the page
	 */
	public Mono<Page<Record>> list(Filter filter, int first, @Nullable Long after) {
		return this.database.call((jdbc) -> {
			List<Object> arguments = new ArrayList<>();
			String where = where(filter, arguments);
			int total = Objects
				.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM history_audit WHERE 1 = 1" + where,
						Integer.class, arguments.toArray()), "a count");
			arguments.add((after != null) ? after : Long.MAX_VALUE);
			arguments.add(first + 1);
			List<Record> rows = jdbc.query(
					"SELECT * FROM history_audit WHERE 1 = 1" + where + " AND id < ? ORDER BY id DESC LIMIT ?",
					(rs, n) -> record(rs), arguments.toArray());
			boolean more = rows.size() > first;
			List<Record> page = rows.subList(0, Math.min(first, rows.size()));
			return new Page<>(page, page.stream().map((row) -> Long.toString(row.id())).toList(), more, after != null,
					total);
		});
	}

	/**
	 * Every entry, newest first, a chunk at a time: for exports.
	 * @param filter which entries
	 * @return the entries
	 */
	public Flux<Record> stream(Filter filter) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		return this.database.stream((connection) -> Columns.cursor(connection,
				"SELECT * FROM history_audit WHERE 1 = 1" + where + " ORDER BY id DESC", (statement) -> {
					for (int i = 0; i < arguments.size(); i++) {
						statement.setObject(i + 1, arguments.get(i));
					}
				}, AuditTrail::record));
	}

	private static String where(Filter filter, List<Object> arguments) {
		StringBuilder where = new StringBuilder();
		if (filter.email() != null) {
			where.append(" AND LOWER(target) = ?");
			arguments.add(filter.email());
		}
		if (filter.source() != null) {
			where.append(" AND source_id = ?");
			arguments.add(filter.source());
		}
		if (filter.client() != null) {
			where.append(" AND client = ?");
			arguments.add(filter.client());
		}
		if (filter.since() != null) {
			where.append(" AND changed_at >= ?");
			arguments.add(Snapshots.time(filter.since()));
		}
		if (filter.until() != null) {
			where.append(" AND changed_at < ?");
			arguments.add(Snapshots.time(filter.until()));
		}
		return where.toString();
	}

	private static Record record(ResultSet rs) throws SQLException {
		return new Record(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
				rs.getString("client"), rs.getString("mutation"), rs.getString("source_id"), rs.getString("target"),
				rs.getBoolean("dry_run"), Change.Status.valueOf(rs.getString("status")), rs.getString("code"),
				rs.getString("message"));
	}

	@Override
	public void close() {
		Disposable pendingRetry = this.retry;
		if (pendingRetry != null) {
			pendingRetry.dispose();
		}
		if (!this.pending.isEmpty()) {
			logger.warn(this.pending.size() + " audit entries were not yet in the history database at shutdown; "
					+ "the io.rollcall.audit log has them");
		}
	}

	/**
	 * An entry as the trail keeps it.
	 *
	 * @param id its id, in the order entries were kept
	 * @param at when the change's outcome was known
	 * @param client who asked
	 * @param change the mutation
	 * @param source the source id
	 * @param target what it changed
	 * @param dryRun whether it was only checked
	 * @param status what happened
	 * @param code why, when not done
	 * @param message a readable account of what happened
	 */
	public record Record(long id, Instant at, String client, String change, String source, String target,
			boolean dryRun, Change.Status status, @Nullable String code, @Nullable String message) {
	}

	/**
	 * Which entries.
	 *
	 * @param email only changes to this address (any case), or null
	 * @param source only this source, or null
	 * @param client only this client, or null
	 * @param since only from this time, or null
	 * @param until only before this time, or null
	 */
	public record Filter(@Nullable String email, @Nullable String source, @Nullable String client,
			@Nullable Instant since, @Nullable Instant until) {

		public static final Filter NONE = new Filter(null, null, null, null, null);

	}

}
