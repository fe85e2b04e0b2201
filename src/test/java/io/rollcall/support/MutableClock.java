package io.rollcall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves on by hand, so that ages, time-to-live, cool-downs and a breaker's
 * open state are tested without waiting: either standing still at an instant, or the
 * system's time with however much the test added.
 */
public final class MutableClock extends Clock {

	private final Supplier<Instant> base;

	private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

	private MutableClock(Supplier<Instant> base) {
		this.base = base;
	}

	/** A clock that stands still at an instant until moved on. */
	public static MutableClock at(Instant start) {
		return new MutableClock(() -> start);
	}

	/** The system's time, moved on by however much the test adds. */
	public static MutableClock systemTime() {
		return new MutableClock(Instant::now);
	}

	/** Moves the clock on. */
	public void advance(Duration duration) {
		this.shift.updateAndGet((shift) -> shift.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.base.get().plus(this.shift.get());
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
