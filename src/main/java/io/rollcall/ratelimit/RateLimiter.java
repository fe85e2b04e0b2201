package io.rollcall.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Takes one token of a client's bucket per request: from the bucket replicas share in
 * Redis when configured (and reachable), else from this replica's own. Counts each
 * client's allowed and limited requests.
 */
public final class RateLimiter {

	/** Clients whose buckets a replica keeps (JWT subjects are not bounded otherwise). */
	private static final int MAX_CLIENTS = 10_000;

	private final Map<String, ClientRate> rates;

	private final ClientRate fallback;

	private final @Nullable SharedBuckets shared;

	private final MeterRegistry meters;

	/**
	 * The counters by client tag and outcome, registered once rather than per request.
	 */
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Cache<String, Bucket> local = Caffeine.newBuilder()
		.maximumSize(MAX_CLIENTS)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	/**
	 * @param rates the rates of the clients that have their own, by client name
	 * @param fallback the rate of every other client
	 * @param shared the buckets replicas share, or null
	 * @param meters where the counts go
	 */
	public RateLimiter(Map<String, ClientRate> rates, ClientRate fallback, @Nullable SharedBuckets shared,
			MeterRegistry meters) {
		this.rates = Map.copyOf(rates);
		this.fallback = fallback;
		this.shared = shared;
		this.meters = meters;
	}

	/**
	 * Takes a token for one request of a client.
	 * @param client the client's name
	 * @return the decision
	 */
	public Mono<Decision> take(String client) {
		ClientRate rate = this.rates.getOrDefault(client, this.fallback);
		Mono<ConsumptionProbe> probe = (this.shared != null)
				? this.shared.take(client, rate)
					.switchIfEmpty(Mono.fromSupplier(() -> local(client, rate).tryConsumeAndReturnRemaining(1)))
				: Mono.fromSupplier(() -> local(client, rate).tryConsumeAndReturnRemaining(1));
		return probe.map((taken) -> {
			Decision decision = taken.isConsumed() ? Decision.ALLOWED
					: new Decision(false, Math.max(1, (long) Math.ceil(taken.getNanosToWaitForRefill() / 1e9)));
			counter(client, decision.allowed() ? "allowed" : "limited").increment();
			return decision;
		});
	}

	private Bucket local(String client, ClientRate rate) {
		return this.local.get(client, (name) -> Bucket.builder().addLimit(rate.bandwidth()).build());
	}

	private Counter counter(String client, String outcome) {
		// Named clients are few; every JWT subject counts under one name.
		String tag = this.rates.containsKey(client) ? client : "other";
		return this.counters.computeIfAbsent(tag + "/" + outcome,
				(key) -> Counter.builder("rollcall.client.requests")
					.description("Requests by client and whether the client's rate allowed them")
					.tag("client", tag)
					.tag("outcome", outcome)
					.register(this.meters));
	}

	/**
	 * Whether a request may go on, and if not how long until it may.
	 *
	 * @param allowed whether it may
	 * @param retryAfterSeconds how long until the next token, when not
	 */
	public record Decision(boolean allowed, long retryAfterSeconds) {

		static final Decision ALLOWED = new Decision(true, 0);

	}

}
