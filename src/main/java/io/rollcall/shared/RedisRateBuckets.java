package io.rollcall.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Client buckets in Redis, through Bucket4j's Lettuce support, so that a client's rate
 * holds across replicas. Each take is bounded by the Redis timeout; after a failure Redis
 * is left alone for a second and the replica counts on its own.
 */
public final class RedisRateBuckets implements SharedBuckets, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisRateBuckets.class);

	private static final Duration BACK_OFF = Duration.ofSeconds(1);

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final RedisClient client;

	private final RedisURI uri;

	private final Duration timeout;

	private final Clock clock;

	private final AtomicReference<Instant> skipUntil = new AtomicReference<>(Instant.MIN);

	private final AtomicReference<@Nullable String> problem = new AtomicReference<>();

	private volatile @Nullable Connected connected;

	/**
	 * @param client the Redis client (connected on first use)
	 * @param uri where Redis is
	 * @param timeout the longest one take may wait for Redis
	 * @param clock when the back-off ends
	 */
	public RedisRateBuckets(RedisClient client, RedisURI uri, Duration timeout, Clock clock) {
		this.client = client;
		this.uri = uri;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public Mono<ConsumptionProbe> take(String client, ClientRate rate) {
		if (this.clock.instant().isBefore(this.skipUntil.get())) {
			return Mono.empty();
		}
		return proxy().flatMap((proxy) -> Mono.fromFuture(() -> proxy.builder()
			.build("rollcall:rate:" + client, () -> CompletableFuture.completedFuture(rate.bucket()))
			.tryConsumeAndReturnRemaining(1))).timeout(this.timeout).doOnNext((probe) -> {
				if (this.problem.getAndSet(null) != null) {
					logger.info("Client rates are shared through Redis again");
				}
			}).onErrorResume((ex) -> {
				this.skipUntil.set(this.clock.instant().plus(BACK_OFF));
				if (this.problem.getAndSet(String.valueOf(ex.getMessage())) == null) {
					logger.warn("Client rates cannot be shared through Redis (" + ex.getClass().getSimpleName()
							+ "); each replica counts on its own until it is back");
				}
				return Mono.empty();
			});
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
