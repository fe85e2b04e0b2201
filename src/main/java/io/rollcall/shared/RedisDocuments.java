package io.rollcall.shared;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Persisted queries in Redis, kept a day after they were last registered.
 */
public final class RedisDocuments implements SharedDocuments {

	private static final Duration KEEP = Duration.ofDays(1);

	private final RedisGuard redis;

	public RedisDocuments(RedisGuard redis) {
		this.redis = redis;
	}

	@Override
	public Mono<String> get(String hash) {
		return this.redis.guarded(this.redis.redis().opsForValue().get(key(hash)));
	}

	@Override
	public void put(String hash, String document) {
		this.redis.guarded(this.redis.redis().opsForValue().set(key(hash), document, KEEP)).subscribe();
	}

	private static String key(String hash) {
		return "rollcall:document:" + hash;
	}

}
