package io.rollcall.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invites or removes many people in one request. Every entry is checked against the
 * request's rules and the sources' catalogues before anything is sent, and one bad entry
 * refuses the request. Then each source gets its changes a few at a time: each sent once,
 * a short wait the source asks for waited out, a long one ending the source's part of the
 * request (its remaining changes reported, not sent). When the client goes away no new
 * change is sent; those already sent finish and are audited.
 */
public final class BulkChanges {

	private final Directory directory;

	private final AuditLog audit;

	private final Settings settings;

	private final Clock clock;

	/**
	 * Makes bulk changes.
	 * @param directory the sources
	 * @param audit the audit trail
	 * @param settings the request size and the politeness towards sources
	 * @param clock the clock waits are measured by
	 */
	public BulkChanges(Directory directory, AuditLog audit, Settings settings, Clock clock) {
		this.directory = directory;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Invites people into every source asked that can invite.
	 * @param entries the people, as sent
	 * @param sources the sources
	 * @param dryRun check only
	 * @param actor who asks, for the audit trail
	 * @param stop completes when the client has gone away
	 * @return one result per person, and the totals
	 */
	public Mono<BulkResult> inviteUsers(List<ChangeRequests.Invitee> entries, List<String> sources, boolean dryRun,
			String actor, Mono<Void> stop) {
		limit(entries.size(), ChangeRequests.BulkInvite.PEOPLE);
		ChangeRequests.BulkInvite request = ChangeRequests.BulkInvite.of(entries, sources, dryRun);
		List<String> ids = request.sources();
		this.directory.requireKnown(ids, "input.sources");
		return Flux.fromIterable(ids).flatMapSequential((id) -> {
			Writes.Invites invites = writes(id).invites();
			return (invites != null) ? this.directory.view(id, EnumSet.of(Part.USERS, Part.ROLES, Part.GROUPS))
					: Mono.just(new Directory.Loaded(id, null, null));
		}).collectList().map((loaded) -> invitePlans(request, loaded)).flatMap((plans) -> {
			List<String> emails = request.people().stream().map(ChangeRequests.Invite::email).toList();
			return execute("inviteUsers", "inviteUser", request.asked(), emails, ids, plans, dryRun, actor, stop);
		});
	}

	/**
	 * Removes people's accounts from the sources asked, or offboards them everywhere.
	 * @param emails the people's addresses, as sent
	 * @param sources the sources, or empty for every source
	 * @param dryRun check only
	 * @param actor who asks, for the audit trail
	 * @param stop completes when the client has gone away
	 * @return one result per person, and the totals
	 */
	public Mono<BulkResult> removeUsers(List<@Nullable String> emails, List<String> sources, boolean dryRun,
			String actor, Mono<Void> stop) {
		limit(emails.size(), ChangeRequests.BulkRemoval.EMAILS);
		ChangeRequests.BulkRemoval request = ChangeRequests.BulkRemoval.of(emails, sources, dryRun);
		List<String> ids = request.everywhere() ? this.directory.sourceIds() : request.sources();
		this.directory.requireKnown(ids, "input.sources");
		return Flux.fromIterable(ids)
			.flatMapSequential((id) -> this.directory.view(id, EnumSet.of(Part.USERS)))
			.collectList()
			.map((loaded) -> removalPlans(request, loaded))
			.flatMap((plans) -> execute("removeUsers", "removeUser", request.asked(), request.emails(), ids, plans,
					dryRun, actor, stop));
	}

	private void limit(int size, String argument) {
		if (size == 0) {
			throw new InvalidInputException(argument, argument + " must name at least one person");
		}
		if (size > this.settings.maxPeople()) {
			throw new InvalidInputException(argument, argument + " has " + size + " entries; at most "
					+ this.settings.maxPeople() + " are taken in one request (rollcall.bulk.max-people)");
		}
	}

	/**
	 * Each person's invitation in each source, every role and group checked against the
	 * sources' catalogues first.
	 */
	private Plan[][] invitePlans(ChangeRequests.BulkInvite request, List<Directory.Loaded> loaded) {
		List<ChangeRequests.Invite> people = request.people();
		Plan[][] plans = new Plan[people.size()][loaded.size()];
		List<InvalidInputException.Problem> problems = new ArrayList<>();
		for (int s = 0; s < loaded.size(); s++) {
			String id = loaded.get(s).source();
			Writes.Invites invites = writes(id).invites();
			SourceException error = loaded.get(s).error();
			SourceView view = loaded.get(s).view();
			for (int p = 0; p < people.size(); p++) {
				if (invites == null) {
					plans[p][s] = Plan.unsupported(id, "cannot invite users");
				}
				else if (error != null || view == null) {
					plans[p][s] = Plan.done(Change.failed((error != null) ? error
							: new SourceException(id, SourceException.Code.SOURCE_UNAVAILABLE, "No view of " + id)));
				}
				else {
					ChangeRequests.Invite person = people.get(p);
					try {
						Writes.Invitation invitation = invites.invitation(asked(person), view);
						plans[p][s] = AccountPlans.invite(id, invites, view, invitation, request.dryRun());
					}
					catch (InvalidInputException ex) {
						problems.add(catalogueProblem(request.at(p), person, ex));
					}
				}
			}
		}
		request.refuseIfAny(problems);
		return plans;
	}

	private static Writes.Invitation asked(ChangeRequests.Invite person) {
		String role = (person.role() == null || person.role().isBlank()) ? null : person.role();
		return new Writes.Invitation(person.email(), person.firstName(), person.lastName(), role, person.groups());
	}

	/** A role or group a source does not have, named at the entry that asked for it. */
	private static InvalidInputException.Problem catalogueProblem(String at, ChangeRequests.Invite person,
			InvalidInputException ex) {
		boolean role = ex.argument().equals(ChangeRequests.ROLE);
		String field = at + (role ? ".role" : ".groups");
		String value = role ? person.role() : String.join(", ", person.groups());
		return new InvalidInputException.Problem(field, value, field + ": " + ex.getMessage());
	}

	private Plan[][] removalPlans(ChangeRequests.BulkRemoval request, List<Directory.Loaded> loaded) {
		List<String> emails = request.emails();
		Plan[][] plans = new Plan[emails.size()][loaded.size()];
		for (int p = 0; p < emails.size(); p++) {
			List<Plan> person = new ArrayList<>();
			for (Directory.Loaded source : loaded) {
				person.add(AccountPlans.removal(source.source(), writes(source.source()).userRemovals(), source,
						emails.get(p), request.everywhere(), request.dryRun()));
			}
			plans[p] = AccountPlans.unknownEverywhere(person, emails.get(p)).toArray(new Plan[0]);
		}
		return plans;
	}

	/**
	 * Sends each person's planned changes, each source's a few at a time, audits each
	 * change (as {@code each}) and sums up (as {@code what}).
	 */
	private Mono<BulkResult> execute(String what, String each, int asked, List<String> emails, List<String> ids,
			Plan[][] plans, boolean dryRun, String actor, Mono<Void> stop) {
		int width = ids.size();
		AtomicReferenceArray<@Nullable Change> outcomes = new AtomicReferenceArray<>(emails.size() * width);
		AtomicReferenceArray<@Nullable Boolean> sent = new AtomicReferenceArray<>(emails.size() * width);
		AtomicInteger sends = new AtomicInteger();
		List<Flux<Change>> lanes = new ArrayList<>();
		for (int s = 0; s < width; s++) {
			int source = s;
			Lane lane = new Lane(ids.get(s), this.directory.connector(ids.get(s)).orElseThrow(), dryRun);
			List<Integer> toSend = new ArrayList<>();
			for (int p = 0; p < emails.size(); p++) {
				Plan plan = plans[p][s];
				if (plan.outcome() != null) {
					outcomes.set(p * width + s, plan.outcome());
					this.audit.changed(each, emails.get(p), plan.outcome(), dryRun, actor);
				}
				else if (plan.sends()) {
					toSend.add(p);
				}
			}
			lanes.add(Flux.fromIterable(toSend).flatMap((p) -> lane.send(plans[p][source], () -> {
				sent.set(p * width + source, true);
				sends.incrementAndGet();
			}, (change) -> {
				outcomes.set(p * width + source, change);
				this.audit.changed(each, emails.get(p), change, dryRun, actor);
			}), this.settings.concurrency()));
		}
		AtomicBoolean stopped = new AtomicBoolean();
		return Flux.merge(lanes)
			.takeUntilOther(stop.doOnTerminate(() -> stopped.set(true)))
			.then(Mono.fromCallable(() -> {
				List<BulkResult.PersonChanges> people = new ArrayList<>();
				for (int p = 0; p < emails.size(); p++) {
					List<Change> changes = new ArrayList<>();
					for (int s = 0; s < width; s++) {
						if (plans[p][s].skipped()) {
							continue;
						}
						Change change = outcomes.get(p * width + s);
						changes
							.add((change != null) ? change : unfinished(ids.get(s), sent.get(p * width + s) != null));
					}
					people.add(new BulkResult.PersonChanges(emails.get(p), changes));
				}
				BulkResult result = BulkResult.of(asked, people, ids, !stopped.get());
				this.audit.bulk(what, result, sends.get(), dryRun, actor);
				return result;
			}));
	}

	/** A change the request ended before: not sent, or sent and not yet answered. */
	private static Change unfinished(String source, boolean sent) {
		return sent
				? Change.refused(source, "OUTCOME_UNKNOWN",
						"Sent to " + source
								+ ", and the request ended before it answered; the audit trail has its outcome")
				: Change.refused(source, "NOT_SENT", "The request ended before this change was sent; nothing was sent");
	}

	private Writes writes(String id) {
		return this.directory.connector(id).orElseThrow().writes();
	}

	/**
	 * One source's part of a bulk request: waits out the short pauses the source asks
	 * for, and after a long one sends nothing more.
	 */
	private final class Lane {

		private final String source;

		private final Connector connector;

		private final boolean dryRun;

		private final AtomicReference<Instant> resumeAt = new AtomicReference<>(Instant.MIN);

		private final AtomicReference<@Nullable Instant> stoppedUntil = new AtomicReference<>();

		Lane(String source, Connector connector, boolean dryRun) {
			this.source = source;
			this.connector = connector;
			this.dryRun = dryRun;
		}

		/**
		 * Sends a change once its source is ready for it. Once sent it is no longer
		 * cancelled: its outcome is recorded even when the request has ended.
		 */
		Mono<Change> send(Plan plan, Runnable onSent, java.util.function.Consumer<Change> onOutcome) {
			return Mono.defer(() -> {
				Duration wait = Duration.between(BulkChanges.this.clock.instant(), this.resumeAt.get());
				Mono<Change> go = Mono.defer(() -> {
					Change refused = refusedWhileStopped();
					if (refused != null) {
						onOutcome.accept(refused);
						return Mono.just(refused);
					}
					onSent.run();
					return Mono.fromFuture(plan.carryOut(this.connector, this.dryRun).doOnNext((change) -> {
						observe(change);
						onOutcome.accept(change);
					}).toFuture(), true);
				});
				return (wait.isNegative() || wait.isZero()) ? go : Mono.delay(wait).then(go);
			});
		}

		/**
		 * A pause the source asked for: waited out when short, else the end of its part.
		 */
		private void observe(Change change) {
			Long seconds = change.retryAfterSeconds();
			if (seconds == null || !SourceException.Code.SOURCE_RATE_LIMITED.name().equals(change.code())) {
				return;
			}
			Instant until = BulkChanges.this.clock.instant().plusSeconds(seconds);
			if (Duration.ofSeconds(seconds).compareTo(BulkChanges.this.settings.maxWait()) <= 0) {
				this.resumeAt.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
			}
			else {
				this.stoppedUntil.accumulateAndGet(until, (a, b) -> (a != null && a.isAfter(b)) ? a : b);
			}
		}

		private @Nullable Change refusedWhileStopped() {
			Instant until = this.stoppedUntil.get();
			if (until == null) {
				return null;
			}
			long millis = Duration.between(BulkChanges.this.clock.instant(), until).toMillis();
			long remaining = Math.max(1, (millis + 999) / 1000);
			return Change.failed(
					SourceException.rateLimited(this.source, "Source '" + this.source + "' asked the gateway to wait "
							+ remaining + "s; the rest of this request's changes to it were not sent", 429, remaining));
		}

	}

	/**
	 * How bulk requests are taken and carried out.
	 *
	 * @param maxPeople the most people one request may name
	 * @param concurrency the most changes a source has in flight for one request
	 * @param maxWait the longest pause a source may ask for that is waited out; a longer
	 * one ends the source's part of the request
	 */
	public record Settings(int maxPeople, int concurrency, Duration maxWait) {
	}

}
