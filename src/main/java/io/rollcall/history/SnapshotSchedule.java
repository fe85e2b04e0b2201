package io.rollcall.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes a snapshot every period. Each claims its period in the database, so that several
 * replicas take one per period between them; one that fails is logged and the next period
 * tries again.
 */
public final class SnapshotSchedule implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SnapshotSchedule.class);

	private final Disposable ticks;

	/**
	 * Starts the schedule.
	 * @param snapshots the snapshots
	 * @param every the period
	 * @param firstAfter how long after start the first one is taken
	 * @param clock the clock periods are counted by
	 */
	public SnapshotSchedule(Snapshots snapshots, Duration every, Duration firstAfter, Clock clock) {
		this.ticks = Flux.interval(firstAfter, every)
			.onBackpressureDrop()
			.concatMap((tick) -> snapshots.take("schedule", periodOf(clock.instant(), every))
				.doOnNext((snapshot) -> logger.debug("Took snapshot " + snapshot.id()))
				.onErrorResume((ex) -> {
					logger.warn("The scheduled snapshot was not taken: " + ex.getMessage());
					return Mono.empty();
				}), 0)
			.subscribe();
	}

	/** The start of the period an instant falls in. */
	static Instant periodOf(Instant now, Duration every) {
		long length = every.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
	}

	@Override
	public void close() {
		this.ticks.dispose();
	}

}
