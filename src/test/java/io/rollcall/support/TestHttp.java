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
		return factory(source, baseUrl, timeout, health, VendorHttp.Bounds.DEFAULTS);
	}

	public static HttpFactory factory(String source, String baseUrl, Duration timeout, HealthTracker health,
			VendorHttp.Bounds bounds) {
		WebClient client = WebClient.builder().build();
		SourceGuard guard = new SourceGuard(source, health, SourceGuard.Settings.DEFAULTS, new SimpleMeterRegistry(),
				Clock.systemUTC());
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return (auth, retryAfter, errorReader) -> new VendorHttp(source, base, client, timeout, guard, auth, retryAfter,
				errorReader, Clock.systemUTC(), bounds);
	}

}
