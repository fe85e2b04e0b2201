package io.rollcall.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Settings;
import io.rollcall.shared.RedisDocuments;
import io.rollcall.shared.RedisGuard;
import io.rollcall.shared.RedisLists;
import io.rollcall.shared.RedisRateBuckets;
import io.rollcall.shared.RedisSourceState;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Redis, only when {@code rollcall.redis.url} is set: replicas then share vendor lists,
 * cool-downs and Cintoo's tokens. Without it nothing changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("rollcall.redis.url")
class RedisConfiguration {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	@Bean(destroyMethod = "shutdown")
	ClientResources rollcallRedisResources() {
		return ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
	}

	@Bean
	LettuceConnectionFactory rollcallRedisConnections(@Value("${rollcall.redis.url}") String url,
			@Value("${rollcall.redis.timeout:500ms}") Duration timeout, ClientResources resources) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException("rollcall.redis.url", "is not a valid URL");
		}
		if (uri.getScheme() == null || !(uri.getScheme().equals("redis") || uri.getScheme().equals("rediss"))
				|| uri.getHost() == null) {
			throw new InvalidConfigurationException("rollcall.redis.url", "must look like redis://host:6379");
		}
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
				(uri.getPort() > 0) ? uri.getPort() : 6379);
		if (uri.getUserInfo() != null) {
			String[] user = uri.getUserInfo().split(":", 2);
			if (user.length == 2) {
				if (!user[0].isEmpty()) {
					server.setUsername(user[0]);
				}
				server.setPassword(user[1]);
			}
			else {
				server.setPassword(user[0]);
			}
		}
		if (uri.getPath() != null && uri.getPath().length() > 1) {
			server.setDatabase(Integer.parseInt(uri.getPath().substring(1)));
		}
		// Fail fast while disconnected, and reconnect within a second of Redis coming
		// back (rollcallRedisResources), instead of queueing commands and backing off
		// for up to 30 s.
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(timeout)
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
				.build())
			.clientResources(resources);
		if (uri.getScheme().equals("rediss")) {
			client.useSsl();
		}
		return new LettuceConnectionFactory(server, client.build());
	}

	@Bean(destroyMethod = "close")
	RedisRateBuckets rollcallRateBuckets(LettuceConnectionFactory connections,
			@Value("${rollcall.redis.timeout:500ms}") Duration timeout, ClientResources resources, RedisGuard redis) {
		// The server the connections were checked and configured for.
		RedisStandaloneConfiguration server = connections.getStandaloneConfiguration();
		RedisURI.Builder uri = RedisURI.builder()
			.withHost(server.getHostName())
			.withPort(server.getPort())
			.withDatabase(server.getDatabase())
			.withSsl(connections.isUseSsl())
			.withTimeout(timeout);
		server.getPassword().toOptional().ifPresent((password) -> {
			if (server.getUsername() != null) {
				uri.withAuthentication(server.getUsername(), password);
			}
			else {
				uri.withPassword(password);
			}
		});
		return new RedisRateBuckets(RedisClient.create(resources), uri.build(), redis);
	}

	@Bean
	ReactiveStringRedisTemplate rollcallRedis(LettuceConnectionFactory connections) {
		return new ReactiveStringRedisTemplate(connections);
	}

	@Bean
	RedisGuard redisGuard(ReactiveStringRedisTemplate redis, @Value("${rollcall.redis.timeout:500ms}") Duration timeout,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		Settings.positive("rollcall.redis.timeout", timeout);
		return new RedisGuard(redis, timeout, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
	}

	@Bean(destroyMethod = "close")
	RedisLists redisLists(RedisGuard redis) {
		return new RedisLists(redis);
	}

	@Bean
	RedisDocuments redisDocuments(RedisGuard redis) {
		return new RedisDocuments(redis);
	}

	@Bean
	RedisSourceState redisSourceState(RedisGuard redis) {
		return new RedisSourceState(redis);
	}

	/**
	 * Redis in {@code /actuator/health}: DOWN means each replica is on its own, not that
	 * queries fail.
	 */
	@Bean
	ReactiveHealthIndicator redisHealthIndicator(RedisGuard redis) {
		return () -> redis.ping()
			.map((answers) -> answers ? Health.up().build() : Health.unknown()
				.withDetail("message",
						"Redis does not answer: this replica uses only its own caches, " + "cool-downs and tokens")
				.build());
	}

}
