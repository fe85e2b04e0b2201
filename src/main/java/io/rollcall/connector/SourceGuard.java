package io.rollcall.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rollcall.domain.HealthTracker;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceException.Code;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Protects one source and the gateway from each other: a circuit breaker that stops
 * calling a failing vendor for a while, a cool-down after a long 429, and the record of
 * every call in the source's health and metrics.
 */
public final class SourceGuard {

	private static final SharedState.Pauses NO_PAUSES = new SharedState.Pauses(null, null);

	private final String source;

	private final HealthTracker health;

	private final Clock clock;

	private final Duration maxInlineRetryAfter;

	private final Duration maxRetryAfter;

	private final CircuitBreaker breaker;

	private final AtomicReference<@Nullable Instant> coolDownUntil = new AtomicReference<>();

	private final MeterRegistry meters;

	private final SharedState shared;

	private final Counter retries;

	/**
	 * Guards a source.
	 * @param source the source id
	 * @param health the source's health tracker
	 * @param settings the breaker and rate-limit settings
	 * @param meters where metrics go
	 * @param clock the clock cool-downs run by
	 */
	public SourceGuard(String source, HealthTracker health, Settings settings, MeterRegistry meters, Clock clock) {
		this(source, health, settings, meters, clock, SharedState.NONE);
	}

	/**
	 * Guards a source, sharing cool-downs with other replicas.
	 * @param source the source id
	 * @param health the source's health tracker
	 * @param settings the breaker and rate-limit settings
	 * @param meters where metrics go
	 * @param clock the clock cool-downs run by
	 * @param shared what replicas share
	 */
	public SourceGuard(String source, HealthTracker health, Settings settings, MeterRegistry meters, Clock clock,
			SharedState shared) {
		this.shared = shared;
		this.source = source;
		this.health = health;
		this.clock = clock;
		this.maxInlineRetryAfter = settings.maxInlineRetryAfter();
		this.maxRetryAfter = settings.maxRetryAfter();
		this.meters = meters;
		this.breaker = CircuitBreaker.of("source-" + source,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(settings.failureRate())
					.waitDurationInOpenState(settings.openFor())
					.permittedNumberOfCallsInHalfOpenState(1)
					.automaticTransitionFromOpenToHalfOpenEnabled(false)
					// How long it stays open is measured by the application's clock.
					.clock(clock)
					// Only the vendor being down counts: a 401 or a 404 is an answer.
					.recordException((ex) -> ex instanceof SourceException failure
							&& (failure.code() == Code.SOURCE_UNAVAILABLE || failure.code() == Code.SOURCE_TIMEOUT))
					.build());
		// When this replica's breaker opens, the others hold off too.
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				shared.opened(source, clock.instant().plus(settings.openFor()));
			}
		});
		this.retries = Counter.builder("rollcall.vendor.retries").tag("source", source).register(meters);
		Gauge
			.builder("rollcall.vendor.circuit.open", this.breaker,
					(b) -> (b.getState() == CircuitBreaker.State.OPEN) ? 1 : 0)
			.tag("source", source)
			.description("1 while the source's circuit breaker is open")
			.register(meters);
	}

	public String source() {
		return this.source;
	}

	public HealthTracker health() {
		return this.health;
	}

	/**
	 * Closes the breaker and ends any cool-down, here and, through what replicas share,
	 * on the other replicas.
	 */
	public void reset() {
		this.breaker.reset();
		this.coolDownUntil.set(null);
		this.shared.resume(this.source);
	}

	/** Whether the breaker currently fails calls fast. */
	public boolean open() {
		return this.breaker.getState() == CircuitBreaker.State.OPEN;
	}

	/**
	 * Runs one vendor exchange under the guard: refused at once during a cool-down or
	 * while the breaker is open; timed and recorded otherwise.
	 * @param exchange the exchange
	 * @return the exchange's answer
	 */
	Mono<byte[]> call(Mono<byte[]> exchange) {
		return this.shared.pauses(this.source).defaultIfEmpty(NO_PAUSES).flatMap((pauses) -> {
			Instant shared = pauses.coolDownUntil();
			Instant local = this.coolDownUntil.get();
			if (shared != null && (local == null || shared.isAfter(local))) {
				this.coolDownUntil.set(shared);
			}
			SourceException cooling = coolingDown();
			if (cooling != null) {
				return Mono.error(cooling);
			}
			if (pauses.openUntil() != null && pauses.openUntil().isAfter(this.clock.instant()) && !open()) {
				return Mono.error(new SourceException(this.source, Code.SOURCE_UNAVAILABLE, "Source '" + this.source
						+ "' kept failing; the gateway is not calling it for a while (circuit open on another replica)"));
			}
			return guardedCall(exchange);
		});
	}

	private Mono<byte[]> guardedCall(Mono<byte[]> exchange) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return exchange.transformDeferred(CircuitBreakerOperator.of(this.breaker))
				.onErrorMap(CallNotPermittedException.class,
						(ex) -> new SourceException(this.source, Code.SOURCE_UNAVAILABLE,
								"Source '" + this.source
										+ "' kept failing; the gateway is not calling it for a while (circuit open)"))
				.doOnSuccess((body) -> {
					Duration latency = Duration.ofNanos(System.nanoTime() - started);
					this.health.succeeded(latency);
					timer("ok").record(latency.toNanos(), TimeUnit.NANOSECONDS);
				})
				.doOnError(SourceException.class, (failure) -> {
					this.health.failed(failure);
					timer(failure.code().name()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
					if (failure.code() == Code.SOURCE_RATE_LIMITED && failure.status() == 429
							&& failure.retryAfterSeconds() != null && !waitInline(failure)) {
						Instant until = this.clock.instant().plusSeconds(failure.retryAfterSeconds());
						this.coolDownUntil.set(until);
						this.shared.coolDown(this.source, until);
					}
				});
		});
	}

	/**
	 * A vendor's Retry-After, cut to the longest cool-down the source allows: a vendor
	 * asking for ten years gets minutes.
	 */
	long capRetryAfter(long seconds) {
		return Math.max(0, Math.min(seconds, this.maxRetryAfter.toSeconds()));
	}

	/**
	 * Whether a 429's wait is short enough to wait out and try again within the deadline.
	 */
	boolean waitInline(SourceException failure) {
		Long seconds = failure.retryAfterSeconds();
		return seconds != null && Duration.ofSeconds(seconds).compareTo(this.maxInlineRetryAfter) <= 0;
	}

	void retried() {
		this.retries.increment();
	}

	private @Nullable SourceException coolingDown() {
		Instant until = this.coolDownUntil.get();
		if (until == null) {
			return null;
		}
		long remaining = Duration.between(this.clock.instant(), until).toSeconds();
		if (remaining <= 0) {
			this.coolDownUntil.compareAndSet(until, null);
			return null;
		}
		SourceException failure = SourceException.rateLimited(this.source,
				"Source '" + this.source + "' asked the gateway to wait; not calling it for " + remaining + "s", 429,
				remaining);
		this.health.failed(failure);
		return failure;
	}

	private Timer timer(String outcome) {
		return Timer.builder("rollcall.vendor.calls")
			.description("Vendor calls by source and outcome (ok or the error code)")
			.tag("source", this.source)
			.tag("outcome", outcome)
			.register(this.meters);
	}

	/**
	 * How a source is guarded.
	 *
	 * @param maxInlineRetryAfter the longest 429 wait that is waited out inline
	 * @param failureRate failed calls, in percent, that open the breaker
	 * @param openFor how long the breaker stays open before one probe
	 * @param maxRetryAfter the longest cool-down a vendor's Retry-After can start
	 */
	public record Settings(Duration maxInlineRetryAfter, int failureRate, Duration openFor, Duration maxRetryAfter) {

		public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(1), 50, Duration.ofSeconds(30),
				Duration.ofMinutes(5));

	}

}
