package io.rollcall.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.netty.handler.timeout.ReadTimeoutException;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * What one source's failed exchanges mean, as clients see them: a vendor's error answer
 * (by status, with its own words cleaned and bounded, and a 429's wait capped), or a
 * transport failure (deadline, size, connection, an answer broken off). Messages never
 * hold a URL, a credential or a vendor's body.
 */
final class VendorFailures {

	private final String source;

	private final Duration timeout;

	private final SourceGuard guard;

	private final long defaultRetryAfterSeconds;

	private final Function<byte[], @Nullable String> errorReader;

	private final Clock clock;

	/**
	 * @param source the source id
	 * @param timeout the deadline of one exchange, for the timeout's message
	 * @param guard caps a 429's wait
	 * @param defaultRetryAfterSeconds the wait to assume when a 429 has no Retry-After
	 * @param errorReader reads the human message out of the vendor's error body
	 * @param clock now, for an HTTP-date Retry-After
	 */
	VendorFailures(String source, Duration timeout, SourceGuard guard, long defaultRetryAfterSeconds,
			Function<byte[], @Nullable String> errorReader, Clock clock) {
		this.source = source;
		this.timeout = timeout;
		this.guard = guard;
		this.defaultRetryAfterSeconds = defaultRetryAfterSeconds;
		this.errorReader = errorReader;
		this.clock = clock;
	}

	/**
	 * Whether a failed change may have been made: it timed out or broke off after it was
	 * sent, or the vendor failed while handling it. Refusals before sending (open
	 * breaker, cool-down, no connection) and the vendor's own 4xx answers were not.
	 */
	static boolean mayHaveHappened(SourceException ex) {
		return ex.code() == Code.SOURCE_TIMEOUT || ex.status() >= 500
				|| (ex.code() == Code.SOURCE_UNAVAILABLE && ex.getCause() instanceof BrokenOff);
	}

	/**
	 * A vendor's answer with an error status.
	 * @param status the status
	 * @param headers its headers
	 * @param body its body, possibly empty
	 * @param read whether the exchange was a read (else a change)
	 * @return the failure
	 */
	SourceException answer(int status, HttpHeaders headers, byte[] body, boolean read) {
		String prefix = "Source '" + this.source + "'";
		if (status == 401 || status == 403) {
			return SourceException.answered(this.source, Code.SOURCE_UNAUTHORIZED,
					prefix + " refused the configured credentials (HTTP " + status + ")", status, null);
		}
		if (status == 429) {
			long retryAfter = this.guard.capRetryAfter(RetryAfter.seconds(headers.getFirst(HttpHeaders.RETRY_AFTER),
					this.defaultRetryAfterSeconds, this.clock));
			return SourceException.rateLimited(this.source,
					prefix + " is rate limiting the gateway; retry after " + retryAfter + "s", status, retryAfter);
		}
		if (status >= 500) {
			return SourceException.answered(this.source, Code.SOURCE_UNAVAILABLE,
					prefix + " is unavailable (HTTP " + status + ")", status, null);
		}
		String vendorMessage = vendorMessage(body);
		if (!read && status != 404) {
			return SourceException.answered(this.source, Code.SOURCE_REJECTED,
					prefix + " refused the change (HTTP " + status + ")", status, vendorMessage);
		}
		return SourceException.answered(this.source, Code.SOURCE_BAD_RESPONSE,
				prefix + " answered HTTP " + status + " where the gateway expected data", status, vendorMessage);
	}

	/**
	 * A failure with no answer to read.
	 * @param ex what the client or the deadline raised
	 * @return the failure
	 */
	SourceException transport(Throwable ex) {
		String prefix = "Source '" + this.source + "'";
		if (ex instanceof TimeoutException || ex instanceof ReadTimeoutException) {
			return new SourceException(this.source, Code.SOURCE_TIMEOUT,
					prefix + " did not answer within " + describe(this.timeout));
		}
		if (ex instanceof DataBufferLimitException) {
			return new SourceException(this.source, Code.SOURCE_BAD_RESPONSE,
					prefix + " sent an answer larger than the gateway accepts");
		}
		if (ex instanceof WebClientRequestException) {
			return new SourceException(this.source, Code.SOURCE_UNAVAILABLE, prefix + " could not be reached");
		}
		// Connection closed mid-answer, malformed chunks and the like.
		return SourceException.causedBy(this.source, Code.SOURCE_UNAVAILABLE,
				prefix + " broke off the answer before it was complete", new BrokenOff());
	}

	/** A change that cannot be put on the wire as asked: nothing is sent. */
	SourceException unsendable(String what) {
		return new SourceException(this.source, Code.SOURCE_REJECTED,
				"Source '" + this.source + "' cannot be sent " + what + "; nothing was sent");
	}

	private @Nullable String vendorMessage(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			String message = this.errorReader.apply(body);
			if (message == null || message.isBlank()) {
				return null;
			}
			// A vendor's message is shown to admins; keep it to one short line.
			String line = message.replaceAll("\\s+", " ").trim();
			return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/** Marks an answer that broke off after the request was sent. */
	private static final class BrokenOff extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BrokenOff() {
			super("broken off", null, false, false);
		}

	}

}
