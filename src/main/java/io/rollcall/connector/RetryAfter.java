package io.rollcall.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * A 429's {@code Retry-After} header as a wait in seconds: delay-seconds or an HTTP-date
 * (RFC 9110), never negative; anything else (absent, blank, malformed, too large for a
 * number) is the vendor's default wait. Callers cap it.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * @param header the header's value, or null
	 * @param defaultSeconds the wait when the header says nothing usable
	 * @param clock now, for an HTTP-date
	 * @return the wait in seconds
	 */
	static long seconds(@Nullable String header, long defaultSeconds, Clock clock) {
		if (header == null || header.isBlank()) {
			return defaultSeconds;
		}
		String value = header.trim();
		try {
			return Math.max(0, Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			try {
				Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return Math.max(0, Duration.between(clock.instant(), until).toSeconds());
			}
			catch (DateTimeParseException notADate) {
				return defaultSeconds;
			}
		}
	}

}
