package io.rollcall.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A source could not give an answer. The message is safe to show to clients: it never
 * holds a URL, a credential or a vendor's body.
 */
public final class SourceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String source;

	private final Code code;

	private final int status;

	private final @Nullable Long retryAfterSeconds;

	private final @Nullable String vendorMessage;

	private final boolean outcomeUnknown;

	public SourceException(String source, Code code, String message) {
		this(source, code, message, 0, null, null, null, false);
	}

	/**
	 * A failure the vendor answered with an HTTP status.
	 * @param source the source id
	 * @param code the failure's code
	 * @param message what happened, safe to show
	 * @param status the vendor's HTTP status
	 * @param vendorMessage the vendor's own words, cleaned and bounded, or null
	 * @return the failure
	 */
	public static SourceException answered(String source, Code code, String message, int status,
			@Nullable String vendorMessage) {
		return new SourceException(source, code, message, status, null, vendorMessage, null, false);
	}

	/**
	 * The vendor (or a cool-down it started) asks the gateway to wait.
	 * @param source the source id
	 * @param message what happened, safe to show
	 * @param status the vendor's HTTP status
	 * @param retryAfterSeconds how long to wait
	 * @return the failure
	 */
	public static SourceException rateLimited(String source, String message, int status, long retryAfterSeconds) {
		return new SourceException(source, Code.SOURCE_RATE_LIMITED, message, status, retryAfterSeconds, null, null,
				false);
	}

	/**
	 * A failure with no answer from the vendor, and what caused it.
	 * @param source the source id
	 * @param code the failure's code
	 * @param message what happened, safe to show
	 * @param cause the cause, kept for the log
	 * @return the failure
	 */
	public static SourceException causedBy(String source, Code code, String message, Throwable cause) {
		return new SourceException(source, code, message, 0, null, null, cause, false);
	}

	private SourceException(String source, Code code, String message, int status, @Nullable Long retryAfterSeconds,
			@Nullable String vendorMessage, @Nullable Throwable cause, boolean outcomeUnknown) {
		super(message, cause, false, false);
		this.source = Objects.requireNonNull(source, "source");
		this.code = Objects.requireNonNull(code, "code");
		this.status = status;
		this.retryAfterSeconds = retryAfterSeconds;
		this.vendorMessage = vendorMessage;
		this.outcomeUnknown = outcomeUnknown;
	}

	/**
	 * The same failure of a change that may have reached the vendor and been made: it
	 * timed out, broke off, or the vendor failed while handling it.
	 */
	public SourceException withOutcomeUnknown() {
		return new SourceException(this.source, this.code, String.valueOf(getMessage()), this.status,
				this.retryAfterSeconds, this.vendorMessage, getCause(), true);
	}

	/** Whether the change that failed may have been made all the same. */
	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

	/** The id of the source that failed. */
	public String source() {
		return this.source;
	}

	public Code code() {
		return this.code;
	}

	/** The vendor's HTTP status, or 0 when no answer came. */
	public int status() {
		return this.status;
	}

	/** For {@link Code#SOURCE_RATE_LIMITED}: how long the vendor asked us to wait. */
	public @Nullable Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * A validation message the vendor meant for people (e.g. "Email address is invalid"),
	 * extracted from its error shape; never a raw body.
	 */
	public @Nullable String vendorMessage() {
		return this.vendorMessage;
	}

	/** Whether the vendor answered that the thing asked for does not exist. */
	public boolean isNotFound() {
		return this.status == 404;
	}

	/**
	 * Why a source failed, as clients see it in {@code extensions.code}.
	 */
	public enum Code {

		/** Connection refused or reset, 5xx. */
		SOURCE_UNAVAILABLE,
		/** No complete answer within the source's deadline. */
		SOURCE_TIMEOUT,
		/** The vendor answered 401 or 403. */
		SOURCE_UNAUTHORIZED,
		/** The vendor answered 429. */
		SOURCE_RATE_LIMITED,
		/** The answer could not be read, or was an error the gateway did not expect. */
		SOURCE_BAD_RESPONSE,
		/** The vendor refused a change as invalid (writes only). */
		SOURCE_REJECTED

	}

}
