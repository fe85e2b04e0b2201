package io.rollcall.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the last known health of one source, fed by every call made to it.
 */
public final class HealthTracker {

	private final Clock clock;

	private volatile SourceHealth current = SourceHealth.UNKNOWN;

	private final AtomicReference<@Nullable String> problem = new AtomicReference<>();

	public HealthTracker(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The last known health: DOWN with the problem's message while a problem of the
	 * gateway's own with the source is noted, whatever the calls say.
	 */
	public SourceHealth current() {
		SourceHealth health = this.current;
		String problem = this.problem.get();
		return (problem != null)
				? new SourceHealth(SourceHealth.Status.DOWN, health.checkedAt(), health.latencyMs(), problem) : health;
	}

	/**
	 * Notes a problem that calls do not show, e.g. a rotated token that could not be
	 * saved, or clears it.
	 * @param message what is wrong, safe to show; null once it is mended
	 */
	public void problem(@Nullable String message) {
		this.problem.set(message);
	}

	public void succeeded(Duration latency) {
		this.current = new SourceHealth(SourceHealth.Status.UP, this.clock.instant(),
				(int) Math.min(Integer.MAX_VALUE, latency.toMillis()), null);
	}

	public void failed(SourceException failure) {
		SourceHealth.Status status = (failure.code() == SourceException.Code.SOURCE_RATE_LIMITED)
				? SourceHealth.Status.RATE_LIMITED : SourceHealth.Status.DOWN;
		@Nullable Integer lastLatency = this.current.latencyMs();
		this.current = new SourceHealth(status, this.clock.instant(), lastLatency, failure.getMessage());
	}

	/** When the source was last talked to, or null. */
	public @Nullable Instant checkedAt() {
		return this.current.checkedAt();
	}

	public boolean checkedWithin(Duration window) {
		Instant checkedAt = checkedAt();
		return checkedAt != null && checkedAt.isAfter(this.clock.instant().minus(window));
	}

}
