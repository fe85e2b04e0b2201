package io.rollcall.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.cache.SharedLists;
import io.rollcall.connector.SharedState;
import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Part;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.User;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What Rollcall replicas share through Redis: vendor lists beneath each replica's own
 * cache (a write's invalidation reaches every replica over pub/sub), rate-limit
 * cool-downs, and Cintoo's tokens rotated under a lock. Every operation is bounded by a
 * short timeout and falls back to the replica's own behaviour: Redis going away never
 * fails a query. After a failure Redis is skipped for {@link #BACK_OFF}, so that an
 * outage costs one timeout per back-off, not one per operation; nothing connects at
 * construction, so a replica starts while Redis is away.
 */
public final class RedisShared implements SharedLists, SharedState, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisShared.class);

	private static final String FORGET = "rollcall:forget";

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long Redis is left alone after it failed to answer. */
	static final Duration BACK_OFF = Duration.ofSeconds(1);

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	private final Duration timeout;

	private final String replica = UUID.randomUUID().toString();

	private final Map<String, Runnable> forgetters = new ConcurrentHashMap<>();

	private final AtomicReference<@Nullable String> problem = new AtomicReference<>();

	private final Disposable subscription;

	private final AtomicReference<Instant> skipUntil = new AtomicReference<>(Instant.MIN);

	private final Counter failures;

	private final Counter skipped;

	/**
	 * Shares through one Redis.
	 * @param redis the Redis client
	 * @param timeout the longest any one Redis operation may take
	 * @param meters where the failure and skip counts go
	 */
	public RedisShared(ReactiveStringRedisTemplate redis, Duration timeout, MeterRegistry meters, Clock clock) {
		this.redis = redis;
		this.clock = clock;
		this.timeout = timeout;
		this.failures = Counter.builder("rollcall.redis.failures")
			.description("Redis operations that failed or timed out")
			.register(meters);
		this.skipped = Counter.builder("rollcall.redis.skipped")
			.description("Redis operations skipped during a back-off after a failure")
			.register(meters);
		// Subscribed in the background and kept up: the channel connects when Redis
		// answers, however late.
		this.subscription = Flux.defer(() -> redis.listenToChannel(FORGET))
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(5)))
			.subscribe((message) -> {
				String[] parts = message.getMessage().split(" ", 2);
				if (parts.length == 2 && !parts[0].equals(this.replica)) {
					Runnable forget = this.forgetters.get(parts[1]);
					if (forget != null) {
						forget.run();
					}
				}
			});
	}

	/** Asks Redis whether it answers, for health. */
	public Mono<Boolean> ping() {
		return guarded(
				Mono.usingWhen(Mono.fromSupplier(() -> this.redis.getConnectionFactory().getReactiveConnection()),
						(connection) -> connection.ping().map("PONG"::equals), (connection) -> connection.closeLater()))
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<SharedLists.Entry> get(String source, Part part) {
		return guarded(this.redis.opsForValue().get(listKey(source, part))).map((text) -> decode(part, text));
	}

	@Override
	public Mono<Void> put(String source, Part part, SharedLists.Entry entry, Duration keep) {
		String text = JSON
			.writeValueAsString(Map.of("fetchedAt", entry.fetchedAt().toString(), "value", entry.value()));
		return guarded(this.redis.opsForValue().set(listKey(source, part), text, keep)).then();
	}

	@Override
	public void forget(String source) {
		List<String> keys = new ArrayList<>();
		for (Part part : Part.values()) {
			keys.add(listKey(source, part));
		}
		guarded(this.redis.delete(keys.toArray(String[]::new))
			.then(this.redis.convertAndSend(FORGET, this.replica + " " + source))).subscribe();
	}

	@Override
	public void onForget(String source, Runnable onForget) {
		this.forgetters.put(source, onForget);
	}

	@Override
	public Mono<Pauses> pauses(String source) {
		return guarded(this.redis.opsForValue().multiGet(List.of(coolDownKey(source), openKey(source))))
			.map((values) -> new Pauses(instant(values.get(0)), instant(values.get(1))));
	}

	@Override
	public void coolDown(String source, Instant until) {
		setUntil(coolDownKey(source), until);
	}

	@Override
	public void opened(String source, Instant until) {
		setUntil(openKey(source), until);
	}

	@Override
	public void resume(String source) {
		guarded(this.redis.delete(coolDownKey(source), openKey(source))).subscribe();
	}

	private static String coolDownKey(String source) {
		return "rollcall:cooldown:" + source;
	}

	private static String openKey(String source) {
		return "rollcall:open:" + source;
	}

	private static @Nullable Instant instant(@Nullable String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

	/** Keeps an instant under a key until that instant. */
	private void setUntil(String key, Instant until) {
		Duration left = Duration.between(this.clock.instant(), until);
		if (!left.isNegative() && !left.isZero()) {
			guarded(this.redis.opsForValue().set(key, until.toString(), left)).subscribe();
		}
	}

	@Override
	public Mono<Tokens> tokens(String source) {
		return guarded(this.redis.opsForValue().get("rollcall:tokens:" + source)).map((text) -> {
			JsonNode node = JSON.readTree(text);
			JsonNode access = node.get("accessToken");
			JsonNode expires = node.get("expiresAt");
			return new Tokens(node.get("refreshToken").asString(),
					(access != null && !access.isNull()) ? access.asString() : null,
					(expires != null && !expires.isNull()) ? Instant.parse(expires.asString()) : null);
		});
	}

	@Override
	public Mono<Void> saveTokens(String source, Tokens tokens) {
		Map<String, Object> value = new java.util.LinkedHashMap<>();
		value.put("refreshToken", tokens.refreshToken());
		value.put("accessToken", tokens.accessToken());
		value.put("expiresAt", (tokens.expiresAt() != null) ? tokens.expiresAt().toString() : null);
		return guarded(this.redis.opsForValue().set("rollcall:tokens:" + source, JSON.writeValueAsString(value)))
			.then();
	}

	/**
	 * Takes the source's lock (retrying every 50 ms for as long as it may be held), runs
	 * the work, and lets go. When Redis cannot be reached the work runs without the lock:
	 * this replica is then on its own, as it would be without Redis.
	 */
	@Override
	public <T> Mono<T> locked(String source, Duration hold, Supplier<Mono<T>> work) {
		String key = "rollcall:lock:" + source;
		String owner = this.replica + ":" + UUID.randomUUID();
		Mono<Boolean> acquire = Mono
			.defer(() -> this.redis.opsForValue().setIfAbsent(key, owner, hold).timeout(this.timeout))
			.flatMap((taken) -> Boolean.TRUE.equals(taken) ? Mono.just(true) : Mono.error(new LockBusy()))
			.retryWhen(reactor.util.retry.Retry.fixedDelay(hold.toMillis() / 50, Duration.ofMillis(50))
				.filter(LockBusy.class::isInstance))
			.onErrorResume((ex) -> {
				if (!(ex instanceof LockBusy) && !(ex.getCause() instanceof LockBusy)) {
					unavailable(ex);
				}
				return Mono.just(false);
			});
		Mono<Boolean> lock = Mono.defer(() -> skipping() ? Mono.just(false) : acquire);
		return lock.flatMap((held) -> Mono.defer(work)
			.flatMap((result) -> release(key, owner, held).thenReturn(result))
			.onErrorResume((ex) -> release(key, owner, held).then(Mono.error(ex))));
	}

	private Mono<Void> release(String key, String owner, boolean held) {
		if (!held) {
			return Mono.empty();
		}
		return guarded(this.redis.execute(RELEASE, List.of(key), List.of(owner)).next()).then();
	}

	private <T> Mono<T> guarded(Mono<T> operation) {
		return Mono.defer(() -> {
			if (skipping()) {
				return Mono.empty();
			}
			return operation.timeout(this.timeout).doOnSuccess((ok) -> {
				if (this.problem.getAndSet(null) != null) {
					logger.info("Redis answers again: replicas share caches, cool-downs and tokens once more");
				}
			}).onErrorResume((ex) -> {
				unavailable(ex);
				return Mono.empty();
			});
		});
	}

	/** Whether Redis failed lately: then it is not asked until the back-off ends. */
	private boolean skipping() {
		if (this.clock.instant().isBefore(this.skipUntil.get())) {
			this.skipped.increment();
			return true;
		}
		return false;
	}

	private void unavailable(Throwable ex) {
		this.failures.increment();
		this.skipUntil.set(this.clock.instant().plus(BACK_OFF));
		String why = "Redis did not answer (" + ex.getClass().getSimpleName() + "); this replica uses only its own "
				+ "caches, cool-downs and tokens";
		if (this.problem.getAndSet(why) == null) {
			logger.warn(why);
		}
	}

	private static String listKey(String source, Part part) {
		return "rollcall:list:" + source + ":" + part.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static SharedLists.Entry decode(Part part, String text) {
		JsonNode node = JSON.readTree(text);
		JavaType type = JSON.getTypeFactory().constructCollectionType(List.class, elementType(part));
		List<?> value = JSON.treeToValue(node.get("value"), type);
		return new SharedLists.Entry(List.copyOf(value), Instant.parse(node.get("fetchedAt").asString()));
	}

	private static Class<?> elementType(Part part) {
		return switch (part) {
			case USERS -> User.class;
			case PROJECTS -> Project.class;
			case ROLES -> Role.class;
			case GROUPS -> Group.class;
			case MEMBERSHIPS -> Membership.class;
		};
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

	/** The lock is held by another replica. */
	private static final class LockBusy extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LockBusy() {
			super("lock busy", null, false, false);
		}

	}

}
