package io.rollcall.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * How every Redis operation of a replica runs: bounded by a short timeout, and on failure
 * empty, so the replica goes on with its own caches, cool-downs and tokens. After a
 * failure Redis is skipped for {@link #BACK_OFF}, so that an outage costs one timeout per
 * back-off, not one per operation. One line is logged when Redis goes away, one when it
 * is back.
 */
public final class RedisGuard {

	private static final Log logger = LogFactory.getLog(RedisGuard.class);

	/** How long Redis is left alone after it failed to answer. */
	static final Duration BACK_OFF = Duration.ofSeconds(1);

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	private final Clock clock;

	private final AtomicReference<@Nullable String> problem = new AtomicReference<>();

	private final AtomicReference<Instant> skipUntil = new AtomicReference<>(Instant.MIN);

	private final Counter failures;

	private final Counter skipped;

	/**
	 * @param redis the Redis client
	 * @param timeout the longest any one Redis operation may take
	 * @param meters where the failure and skip counts go
	 * @param clock when the back-off ends
	 */
	public RedisGuard(ReactiveStringRedisTemplate redis, Duration timeout, MeterRegistry meters, Clock clock) {
		this.redis = redis;
		this.timeout = timeout;
		this.clock = clock;
		this.failures = Counter.builder("rollcall.redis.failures")
			.description("Redis operations that failed or timed out")
			.register(meters);
		this.skipped = Counter.builder("rollcall.redis.skipped")
			.description("Redis operations skipped during a back-off after a failure")
			.register(meters);
	}

	ReactiveStringRedisTemplate redis() {
		return this.redis;
	}

	Duration timeout() {
		return this.timeout;
	}

	Clock clock() {
		return this.clock;
	}

	/** Asks Redis whether it answers, for health. */
	public Mono<Boolean> ping() {
		return guarded(
				Mono.usingWhen(Mono.fromSupplier(() -> this.redis.getConnectionFactory().getReactiveConnection()),
						(connection) -> connection.ping().map("PONG"::equals), (connection) -> connection.closeLater()))
			.defaultIfEmpty(false);
	}

	/** An operation, bounded by the timeout, empty when Redis fails or is skipped. */
	<T> Mono<T> guarded(Mono<T> operation) {
		return Mono.defer(() -> {
			if (skipping()) {
				return Mono.empty();
			}
			return operation.timeout(this.timeout).doOnSuccess((ok) -> {
				if (this.problem.getAndSet(null) != null) {
					logger.info(
							"Redis answers again: replicas share caches, cool-downs, tokens, client rates and persisted queries once more");
				}
			}).onErrorResume((ex) -> {
				unavailable(ex);
				return Mono.empty();
			});
		});
	}

	/** Whether Redis failed lately: then it is not asked until the back-off ends. */
	boolean skipping() {
		if (this.clock.instant().isBefore(this.skipUntil.get())) {
			this.skipped.increment();
			return true;
		}
		return false;
	}

	/** Notes that Redis did not answer: the back-off starts. */
	void unavailable(Throwable ex) {
		this.failures.increment();
		this.skipUntil.set(this.clock.instant().plus(BACK_OFF));
		String why = "Redis did not answer (" + ex.getClass().getSimpleName() + "); this replica uses only its own "
				+ "caches, cool-downs, tokens, client rates and persisted queries";
		if (this.problem.getAndSet(why) == null) {
			logger.warn(why);
		}
	}

}
