package io.rollcall.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.rollcall.connector.SharedState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * What replicas share about each source through Redis: rate-limit cool-downs and open
 * circuit breakers (kept until they end), and Cintoo's tokens, rotated under a lock that
 * only its holder releases.
 */
public final class RedisSourceState implements SharedState {

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RedisGuard redis;

	private final String replica = UUID.randomUUID().toString();

	/**
	 * @param redis Redis, guarded
	 */
	public RedisSourceState(RedisGuard redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Pauses> pauses(String source) {
		return this.redis
			.guarded(this.redis.redis().opsForValue().multiGet(List.of(coolDownKey(source), openKey(source))))
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
		this.redis.guarded(this.redis.redis().delete(coolDownKey(source), openKey(source))).subscribe();
	}

	@Override
	public Mono<Tokens> tokens(String source) {
		return this.redis.guarded(this.redis.redis().opsForValue().get("rollcall:tokens:" + source)).map((text) -> {
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
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("refreshToken", tokens.refreshToken());
		value.put("accessToken", tokens.accessToken());
		value.put("expiresAt", (tokens.expiresAt() != null) ? tokens.expiresAt().toString() : null);
		return this.redis
			.guarded(this.redis.redis().opsForValue().set("rollcall:tokens:" + source, JSON.writeValueAsString(value)))
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
			.defer(() -> this.redis.redis().opsForValue().setIfAbsent(key, owner, hold).timeout(this.redis.timeout()))
			.flatMap((taken) -> Boolean.TRUE.equals(taken) ? Mono.just(true) : Mono.error(new LockBusy()))
			.retryWhen(Retry.fixedDelay(hold.toMillis() / 50, Duration.ofMillis(50)).filter(LockBusy.class::isInstance))
			.onErrorResume((ex) -> {
				if (!(ex instanceof LockBusy) && !(ex.getCause() instanceof LockBusy)) {
					this.redis.unavailable(ex);
				}
				return Mono.just(false);
			});
		Mono<Boolean> lock = Mono.defer(() -> this.redis.skipping() ? Mono.just(false) : acquire);
		return lock.flatMap((held) -> Mono.defer(work)
			.flatMap((result) -> release(key, owner, held).thenReturn(result))
			.onErrorResume((ex) -> release(key, owner, held).then(Mono.error(ex))));
	}

	private Mono<Void> release(String key, String owner, boolean held) {
		if (!held) {
			return Mono.empty();
		}
		return this.redis.guarded(this.redis.redis().execute(RELEASE, List.of(key), List.of(owner)).next()).then();
	}

	/** Keeps an instant under a key until that instant. */
	private void setUntil(String key, Instant until) {
		Duration left = Duration.between(this.redis.clock().instant(), until);
		if (!left.isNegative() && !left.isZero()) {
			this.redis.guarded(this.redis.redis().opsForValue().set(key, until.toString(), left)).subscribe();
		}
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

	/** The lock is held by another replica. */
	private static final class LockBusy extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LockBusy() {
			super("lock busy", null, false, false);
		}

	}

}
