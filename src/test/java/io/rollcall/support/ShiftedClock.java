package io.rollcall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's time moved on by however much a test asked: time goes by as usual, and a
 * test that waits on the gateway's clock (a breaker's open state, a cool-down) skips the
 * wait instead of sleeping.
 */
public final class ShiftedClock extends Clock {

	private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

	/** Moves the clock on. */
	public void advance(Duration duration) {
		this.shift.updateAndGet((shift) -> shift.plus(duration));
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.shift.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("a test clock stays in UTC");
	}

}
