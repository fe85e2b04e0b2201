package io.rollcall.domain;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The audit trail: a line under {@code io.rollcall.audit} per change in a source (also
 * kept by the {@link AuditSink}), and one summing up each bulk request. Values a client
 * chose are quoted on one line, so that no entry can forge another.
 */
public final class AuditLog {

	private static final Log audit = LogFactory.getLog("io.rollcall.audit");

	private final AuditSink sink;

	private final Clock clock;

	/**
	 * The audit trail.
	 * @param sink where entries are kept beyond the log
	 * @param clock the clock entries are timed by
	 */
	public AuditLog(AuditSink sink, Clock clock) {
		this.sink = sink;
		this.clock = clock;
	}

	/**
	 * One change in one source.
	 * @param what the mutation, e.g. {@code removeUser}
	 * @param target what it changed, e.g. the email
	 * @param change its outcome
	 * @param dryRun whether it was only checked
	 * @param actor who asked
	 */
	public void changed(String what, String target, Change change, boolean dryRun, String actor) {
		this.sink.record(new AuditSink.Entry(this.clock.instant(), actor, what, change.source(), target, dryRun,
				change.status(), change.code(), change.message()));
		if (audit.isInfoEnabled()) {
			audit.info("change=" + what + " source=" + change.source() + " target=\"" + oneLine(target) + "\" actor=\""
					+ oneLine(actor) + "\" dryRun=" + dryRun + " status=" + change.status()
					+ ((change.code() != null) ? " code=" + change.code() : "") + " message=\""
					+ oneLine(String.valueOf(change.message())) + "\"");
		}
	}

	/**
	 * A bulk request's summary, after its last change.
	 * @param what the mutation, e.g. {@code removeUsers}
	 * @param result its outcome
	 * @param sent how many changes were sent to sources
	 * @param dryRun whether it was only checked
	 * @param actor who asked
	 */
	public void bulk(String what, BulkResult result, int sent, boolean dryRun, String actor) {
		if (audit.isInfoEnabled()) {
			BulkResult.Totals totals = result.totals();
			audit.info("change=" + what + " size=" + result.asked() + " people=" + result.people().size() + " actor=\""
					+ oneLine(actor) + "\" dryRun=" + dryRun + " complete=" + result.complete() + " sent=" + sent
					+ " changes=" + totals.changes() + " done=" + totals.done() + " dryRuns=" + totals.dryRun()
					+ " unsupported=" + totals.unsupported() + " notFound=" + totals.notFound() + " failed="
					+ totals.failed());
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\p{Cntrl}\"]", " ");
	}

}
