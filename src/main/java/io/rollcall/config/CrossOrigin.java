package io.rollcall.config;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser pages on other origins may call {@code /graphql}:
 * {@code rollcall.cors.allowed-origins}, none by default, and pages served from localhost
 * in demo mode. Bearer tokens travel in a header, so no cookies are allowed. Spring
 * Security answers preflights with this before authentication.
 */
final class CrossOrigin {

	/** What a developer's page on their own machine is served from. */
	static final List<String> LOCALHOST = List.of("http://localhost:[*]", "http://127.0.0.1:[*]");

	private CrossOrigin() {
	}

	static CorsConfigurationSource source(RollcallProperties.Cors cors, String graphQlPath, boolean demo) {
		List<String> origins = (cors.allowedOrigins().isEmpty() && demo) ? LOCALHOST : cors.allowedOrigins();
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (origins.isEmpty()) {
			return source;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(origins);
		configuration.setAllowedMethods(List.of("GET", "POST"));
		configuration
			.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
		configuration.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(cors.maxAge());
		source.registerCorsConfiguration(graphQlPath, configuration);
		return source;
	}

}
