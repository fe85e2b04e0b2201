package io.rollcall.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one change in one source.
 *
 * @param source the source id
 * @param status what happened
 * @param user the account after the change, when the vendor returns it; for a dry run,
 * the account as it is, since nothing changed
 * @param group the group after the change, when the vendor returns it; for a dry run, the
 * group as it is
 * @param code why, when not done
 * @param message a readable account of what happened
 * @param planned for a dry run, what the change would have made, kept apart from the
 * entities so that nothing seems changed
 * @param retryAfterSeconds when the source asked the gateway to wait, how long
 */
public record Change(String source, Status status, @Nullable User user, @Nullable Group group, @Nullable String code,
		@Nullable String message, @Nullable Planned planned, @Nullable Long retryAfterSeconds) {

	public Change {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(status, "status");
	}

	public static Change done(String source, @Nullable User user, @Nullable Group group, String message) {
		return new Change(source, Status.DONE, user, group, null, message, null, null);
	}

	/**
	 * A change checked and not made.
	 * @param source the source id
	 * @param user the account as the change would have left it, when the vendor says
	 * @param group the group as the change would have left it, when the vendor says
	 * @param message what would have happened
	 * @return the outcome, with nothing in place of the entities until
	 * {@link #withCurrent} names them as they are
	 */
	public static Change dryRun(String source, @Nullable User user, @Nullable Group group, String message) {
		return new Change(source, Status.DRY_RUN, null, null, null, message,
				(user != null || group != null) ? new Planned(user, group) : null, null);
	}

	/**
	 * The same outcome naming the entities as they are now: what a dry run answers in
	 * place of what it would have made.
	 * @param current the account as it is, or null
	 * @param currentGroup the group as it is, or null
	 * @return the outcome
	 */
	public Change withCurrent(@Nullable User current, @Nullable Group currentGroup) {
		return new Change(this.source, this.status, current, currentGroup, this.code, this.message, this.planned,
				this.retryAfterSeconds);
	}

	public static Change unsupported(String source, String message) {
		return new Change(source, Status.UNSUPPORTED, null, null, "UNSUPPORTED", message, null, null);
	}

	public static Change notFound(String source, String message) {
		return new Change(source, Status.NOT_FOUND, null, null, "NOT_FOUND", message, null, null);
	}

	/**
	 * A change the source refused or failed; the message says whether it may have
	 * happened.
	 */
	public static Change failed(SourceException error) {
		String message = error.getMessage();
		if (error.vendorMessage() != null) {
			message = message + ": " + error.vendorMessage();
		}
		if (error.outcomeUnknown()) {
			message = message + "; the outcome is unknown, check the source before trying again";
		}
		else if (error.status() == 0 || error.code() == SourceException.Code.SOURCE_RATE_LIMITED) {
			message = message + "; nothing was changed";
		}
		return new Change(error.source(), Status.FAILED, null, null, error.code().name(), message, null,
				error.retryAfterSeconds());
	}

	/**
	 * A refusal before anything was sent.
	 * @param source the source id
	 * @param code why
	 * @param message what the client should know
	 * @return the outcome
	 */
	public static Change refused(String source, String code, String message) {
		return new Change(source, Status.FAILED, null, null, code, message, null, null);
	}

	public boolean ok() {
		return this.status == Status.DONE || this.status == Status.DRY_RUN;
	}

	/**
	 * What a dry run would have made.
	 *
	 * @param account the account as it would be, or null
	 * @param group the group as it would be, or null
	 */
	public record Planned(@Nullable User account, @Nullable Group group) {
	}

	/**
	 * What happened to a change in one source.
	 */
	public enum Status {

		DONE, DRY_RUN, UNSUPPORTED, NOT_FOUND, FAILED

	}

}
