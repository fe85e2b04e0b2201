package io.rollcall.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.rollcall.ratelimit.ClientRate;
import io.rollcall.ratelimit.SharedBuckets;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Client buckets in Redis, through Bucket4j's Lettuce support, so that a client's rate
 * holds across replicas. Each take runs under the {@link RedisGuard}, as every Redis
 * operation of a replica does: bounded by its timeout, and after a failure the replica
 * counts on its own for the back-off.
 */
public final class RedisRateBuckets implements SharedBuckets, AutoCloseable {

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final RedisClient client;

	private final RedisURI uri;

	private final RedisGuard redis;

	private volatile @Nullable Connected connected;

	/**
	 * @param client the Redis client (connected on first use)
	 * @param uri where Redis is
	 * @param redis how every Redis operation of the replica runs
	 */
	public RedisRateBuckets(RedisClient client, RedisURI uri, RedisGuard redis) {
		this.client = client;
		this.uri = uri;
		this.redis = redis;
	}

	@Override
	public Mono<ConsumptionProbe> take(String client, ClientRate rate) {
		return this.redis.guarded(proxy().flatMap((proxy) -> Mono.fromFuture(() -> proxy.builder()
			.build("rollcall:rate:" + client, () -> CompletableFuture.completedFuture(rate.bucket()))
			.tryConsumeAndReturnRemaining(1))));
	}

	/** The shared buckets, connecting to Redis (without blocking) the first time. */
	private Mono<AsyncProxyManager<String>> proxy() {
		Connected current = this.connected;
		if (current != null && current.connection().isOpen()) {
			return Mono.just(current.proxy());
		}
		return Mono.fromFuture(() -> this.client.connectAsync(CODEC, this.uri).toCompletableFuture())
			.map(this::connected);
	}

	private synchronized AsyncProxyManager<String> connected(StatefulRedisConnection<String, byte[]> connection) {
		Connected current = this.connected;
		if (current != null && current.connection().isOpen()) {
			// Another take connected first.
			connection.closeAsync();
			return current.proxy();
		}
		Connected fresh = new Connected(connection,
				Bucket4jLettuce.casBasedBuilder(connection)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
					.build()
					.asAsync());
		this.connected = fresh;
		return fresh.proxy();
	}

	@Override
	public void close() {
		Connected current = this.connected;
		if (current != null) {
			current.connection().close();
		}
		this.client.shutdown();
	}

	private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> proxy) {
	}

}
