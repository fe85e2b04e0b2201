package io.rollcall.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.rollcall.domain.ChangeRequests;
import io.rollcall.domain.Changes;
import io.rollcall.history.Snapshots;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Someone at work in demo mode: at start a snapshot, a contractor joining the demo
 * Periscope site and another snapshot, so that the demo has a change to review from its
 * first minute; then every period the next contractor joins and the one before leaves,
 * through Rollcall's own changes, so that the scheduled snapshots show what changed and
 * the audit trail has entries.
 */
public final class DemoActivity implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DemoActivity.class);

	/** Who the audit trail says made the changes. */
	static final String ACTOR = "demo-activity";

	private final Changes changes;

	private final Snapshots snapshots;

	private final String source;

	private final Duration every;

	private final Duration firstAfter;

	private final AtomicLong contractors = new AtomicLong();

	private volatile @Nullable Disposable ticks;

	/**
	 * @param changes Rollcall's changes
	 * @param snapshots the history's snapshots
	 * @param source the demo source that can invite and remove users
	 * @param every how often someone joins and someone leaves
	 * @param firstAfter how long after start the next joins
	 */
	public DemoActivity(Changes changes, Snapshots snapshots, String source, Duration every, Duration firstAfter) {
		this.changes = changes;
		this.snapshots = snapshots;
		this.source = source;
		this.every = every;
		this.firstAfter = firstAfter;
	}

	/**
	 * Takes the first two snapshots with a change between them, waiting for them (at most
	 * a minute), then goes on every period.
	 */
	public void start() {
		Mono<Void> first = this.snapshots.take(ACTOR, null)
			.then(next())
			.then(this.snapshots.take(ACTOR, null))
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Demo mode has no history to show yet: " + ex.getMessage());
				return Mono.empty();
			});
		this.ticks = first.thenMany(Flux.interval(this.firstAfter, this.every))
			.onBackpressureDrop()
			.concatMap((tick) -> next(), 0)
			.subscribe();
	}

	/** The next contractor joins, and the one before leaves. */
	private Mono<Void> next() {
		return Mono.defer(() -> {
			long next = this.contractors.incrementAndGet();
			Mono<?> join = this.changes.invite(new ChangeRequests.Invite(List.of(this.source), email(next),
					"Contractor", "No. " + next, null, List.of(), false), ACTOR);
			Mono<?> leave = (next > 1)
					? this.changes
						.removeUser(new ChangeRequests.RemoveUser(email(next - 1), List.of(this.source), false), ACTOR)
					: Mono.empty();
			return join.then(leave).then();
		}).onErrorResume((ex) -> {
			logger.debug("Demo activity: " + ex.getMessage());
			return Mono.empty();
		});
	}

	private static String email(long number) {
		return "contractor." + number + "@acme.example";
	}

	@Override
	public void close() {
		Disposable running = this.ticks;
		if (running != null) {
			running.dispose();
		}
	}

}
