package io.rollcall.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the audit trail's entries are kept beyond the log, e.g. a database. Recording
 * never blocks and never fails the change it records.
 */
@FunctionalInterface
public interface AuditSink {

	/** Keeps nothing beyond the log. */
	AuditSink NONE = (entry) -> {
	};

	/**
	 * Keeps an entry.
	 * @param entry the entry
	 */
	void record(Entry entry);

	/**
	 * One change in one source, as the audit trail keeps it.
	 *
	 * @param at when its outcome was known
	 * @param client who asked
	 * @param change the mutation, e.g. {@code removeUser}
	 * @param source the source id
	 * @param target what it changed, e.g. the email
	 * @param dryRun whether it was only checked
	 * @param status what happened
	 * @param code why, when not done
	 * @param message a readable account of what happened
	 */
	record Entry(Instant at, String client, String change, String source, String target, boolean dryRun,
			Change.Status status, @Nullable String code, @Nullable String message) {
	}

}
