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

	private final AtomicReference<SourceHealth> current = new AtomicReference<>(SourceHealth.UNKNOWN);

	public HealthTracker(Clock clock) {
		this.clock = clock;
	}

	public SourceHealth current() {
		return this.current.get();
	}

	public void succeeded(Duration latency) {
		this.current.set(new SourceHealth(SourceHealth.Status.UP, this.clock.instant(),
				(int) Math.min(Integer.MAX_VALUE, latency.toMillis()), null));
	}

	public void failed(SourceException failure) {
		SourceHealth.Status status = (failure.code() == SourceException.Code.SOURCE_RATE_LIMITED)
				? SourceHealth.Status.RATE_LIMITED : SourceHealth.Status.DOWN;
		@Nullable Integer lastLatency = this.current.get().latencyMs();
		this.current.set(new SourceHealth(status, this.clock.instant(), lastLatency, failure.getMessage()));
	}

	/** When the source was last talked to, or null. */
	public @Nullable Instant checkedAt() {
		return this.current.get().checkedAt();
	}

	public boolean checkedWithin(Duration window) {
		Instant checkedAt = checkedAt();
		return checkedAt != null && checkedAt.isAfter(this.clock.instant().minus(window));
	}

}
