package io.rollcall.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway knows of a source's health.
 *
 * @param status the status
 * @param checkedAt when the gateway last talked to the source
 * @param latencyMs latency of the last successful call
 * @param message why the source is not up; safe to show
 */
public record SourceHealth(Status status, @Nullable Instant checkedAt, @Nullable Integer latencyMs,
		@Nullable String message) {

	public static final SourceHealth UNKNOWN = new SourceHealth(Status.UNKNOWN, null, null, null);

	/**
	 * A source's status.
	 */
	public enum Status {

		UP, DOWN, RATE_LIMITED, UNKNOWN

	}

}
