package io.rollcall.support;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.SourceGuard;
import io.rollcall.connector.VendorHttp;
import io.rollcall.domain.HealthTracker;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a source's HTTP exchanges the way the application does, for connector tests that
 * need no Spring context.
 */
public final class TestHttp {

	private TestHttp() {
	}

	public static HttpFactory factory(String source, String baseUrl, Duration timeout) {
		return factory(source, baseUrl, timeout, new HealthTracker(Clock.systemUTC()));
	}

	public static HttpFactory factory(String source, String baseUrl, Duration timeout, HealthTracker health) {
		WebClient client = WebClient.builder().baseUrl(baseUrl).build();
		SourceGuard guard = new SourceGuard(source, health, SourceGuard.Settings.DEFAULTS, new SimpleMeterRegistry(),
				Clock.systemUTC());
		return (auth, retryAfter, errorReader) -> new VendorHttp(source, client, timeout, guard, auth, retryAfter,
				errorReader, Clock.systemUTC());
	}

}
