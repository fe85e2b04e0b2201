package io.rollcall.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rollcall.domain.Directory;
import io.rollcall.domain.HealthChecks;
import io.rollcall.domain.SourceHealth;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} with one component per source under {@code sources}: UP, DOWN
 * or RATE_LIMITED, probed with the vendor's cheap call when the gateway has not talked to
 * it lately. Liveness and readiness leave sources out: a vendor outage is not Rollcall's.
 */
@Configuration(proxyBeanMethods = false)
class SourcesHealthConfiguration {

	static final Status RATE_LIMITED = new Status("RATE_LIMITED", "The vendor asked the gateway to slow down");

	private static final Duration FRESHNESS = Duration.ofSeconds(30);

	@Bean
	CompositeReactiveHealthContributor sources(Directory directory, HealthChecks checks) {
		Map<String, ReactiveHealthContributor> perSource = new LinkedHashMap<>();
		for (String id : directory.sourceIds()) {
			ReactiveHealthIndicator indicator = () -> checks.live(directory.connector(id).orElseThrow(), FRESHNESS)
				.map(SourcesHealthConfiguration::health);
			perSource.put(id, indicator);
		}
		return CompositeReactiveHealthContributor.fromMap(perSource);
	}

	static Health health(SourceHealth health) {
		Status status = switch (health.status()) {
			case UP -> Status.UP;
			case DOWN -> Status.DOWN;
			case RATE_LIMITED -> RATE_LIMITED;
			case UNKNOWN -> Status.UNKNOWN;
		};
		Health.Builder builder = Health.status(status);
		if (health.checkedAt() != null) {
			builder.withDetail("checkedAt", health.checkedAt().toString());
		}
		if (health.latencyMs() != null) {
			builder.withDetail("latencyMs", health.latencyMs());
		}
		if (health.message() != null) {
			builder.withDetail("message", health.message());
		}
		return builder.build();
	}

}
