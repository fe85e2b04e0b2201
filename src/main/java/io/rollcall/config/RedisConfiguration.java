package io.rollcall.config;

import java.net.URI;
import java.time.Duration;

import io.rollcall.shared.RedisShared;

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

	@Bean
	LettuceConnectionFactory rollcallRedisConnections(@Value("${rollcall.redis.url}") String url,
			@Value("${rollcall.redis.timeout:500ms}") Duration timeout) {
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
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(timeout);
		if (uri.getScheme().equals("rediss")) {
			client.useSsl();
		}
		return new LettuceConnectionFactory(server, client.build());
	}

	@Bean
	ReactiveStringRedisTemplate rollcallRedis(LettuceConnectionFactory connections) {
		return new ReactiveStringRedisTemplate(connections);
	}

	@Bean(destroyMethod = "close")
	RedisShared redisShared(ReactiveStringRedisTemplate redis,
			@Value("${rollcall.redis.timeout:500ms}") Duration timeout) {
		return new RedisShared(redis, timeout);
	}

	/**
	 * Redis in {@code /actuator/health}: DOWN means each replica is on its own, not that
	 * queries fail.
	 */
	@Bean
	ReactiveHealthIndicator redisHealthIndicator(RedisShared shared) {
		return () -> shared.ping()
			.map((answers) -> answers ? Health.up().build() : Health.unknown()
				.withDetail("message",
						"Redis does not answer: this replica uses only its own caches, " + "cool-downs and tokens")
				.build());
	}

}
