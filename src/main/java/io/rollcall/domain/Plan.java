package io.rollcall.domain;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What to do in one source: nothing (skip), a known outcome, or a change to send.
 *
 * @param source the source id
 * @param outcome the outcome, when it is known without sending anything
 * @param send the change, when there is one to send
 * @param skipped whether the source has nothing to do
 * @param current the account as it is, for a dry run's answer
 * @param currentGroup the group as it is, for a dry run's answer
 */
record Plan(String source, @Nullable Change outcome, @Nullable Supplier<Mono<Change>> send, boolean skipped,
		@Nullable User current, @Nullable Group currentGroup) {

	static Plan send(String source, Supplier<Mono<Change>> send) {
		return new Plan(source, null, send, false, null, null);
	}

	static Plan done(Change outcome) {
		return new Plan(outcome.source(), outcome, null, false, null, null);
	}

	static Plan unsupported(String source, String why) {
		return done(Change.unsupported(source, "Source '" + source + "' " + why + "; nothing was sent"));
	}

	static Plan skip(String source) {
		return new Plan(source, null, null, true, null, null);
	}

	/**
	 * The same plan, knowing the entities as they are: a dry run answers them unchanged.
	 */
	Plan about(@Nullable User account, @Nullable Group group) {
		return new Plan(this.source, this.outcome, this.send, this.skipped, account, group);
	}

	/** Whether carrying the plan out sends a change. */
	boolean sends() {
		return this.outcome == null && !this.skipped;
	}

	/**
	 * Carries the plan out: its known outcome, or the change sent once, a failure made
	 * its outcome. The connector's cached lists are dropped before the outcome is passed
	 * on (so that no read after the answer is served the list from before the change),
	 * also when the outcome is unknown; not after a dry run.
	 * @param connector the source's connector
	 * @param dryRun whether the change is only checked
	 * @return the outcome
	 */
	Mono<Change> carryOut(Connector connector, boolean dryRun) {
		if (this.outcome != null) {
			return Mono.just(this.outcome);
		}
		return Objects.requireNonNull(this.send, "a plan with no outcome sends")
			.get()
			.onErrorResume(SourceException.class, (ex) -> Mono.just(Change.failed(ex)))
			.map((change) -> (change.status() == Change.Status.DRY_RUN)
					? change.withCurrent(this.current, this.currentGroup) : change)
			.doOnSuccess((change) -> forget(connector, dryRun))
			.doOnError((ex) -> forget(connector, dryRun))
			.doOnCancel(() -> forget(connector, dryRun));
	}

	private static void forget(Connector connector, boolean dryRun) {
		if (!dryRun) {
			connector.forget();
		}
	}

}
