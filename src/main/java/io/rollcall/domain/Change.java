package io.rollcall.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one change in one source.
 *
 * @param source the source id
 * @param status what happened
 * @param user the account after the change, when the vendor returns it
 * @param group the group after the change, when the vendor returns it
 * @param code why, when not done
 * @param message a readable account of what happened
 */
public record Change(String source, Status status, @Nullable User user, @Nullable Group group, @Nullable String code,
		@Nullable String message) {

	public Change {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(status, "status");
	}

	public static Change done(String source, @Nullable User user, @Nullable Group group, String message) {
		return new Change(source, Status.DONE, user, group, null, message);
	}

	public static Change dryRun(String source, @Nullable User user, @Nullable Group group, String message) {
		return new Change(source, Status.DRY_RUN, user, group, null, message);
	}

	public static Change unsupported(String source, String message) {
		return new Change(source, Status.UNSUPPORTED, null, null, "UNSUPPORTED", message);
	}

	public static Change notFound(String source, String message) {
		return new Change(source, Status.NOT_FOUND, null, null, "NOT_FOUND", message);
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
		return new Change(error.source(), Status.FAILED, null, null, error.code().name(), message);
	}

	public boolean ok() {
		return this.status == Status.DONE || this.status == Status.DRY_RUN;
	}

	/**
	 * What happened to a change in one source.
	 */
	public enum Status {

		DONE, DRY_RUN, UNSUPPORTED, NOT_FOUND, FAILED

	}

}
