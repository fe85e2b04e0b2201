package io.rollcall.web;

import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser apps on the allowed origins may call the gateway: preflights are answered
 * before authentication, other origins get no CORS headers.
 */
@TestPropertySource(properties = { "rollcall.security.enabled=true", "rollcall.security.api-keys[0].name=app",
		"rollcall.security.api-keys[0].key=" + CrossOriginTests.KEY,
		"rollcall.cors.allowed-origins=https://admin.acme.example,https://*.apps.acme.example" })
class CrossOriginTests extends GatewayTestBase {

	static final String KEY = "cors-read-key-0123456789";

	@Test
	void aPreflightFromAnAllowedOriginIsAnsweredWithoutAKey() {
		for (String origin : new String[] { "https://admin.acme.example", "https://reviews.apps.acme.example" }) {
			this.http.options()
				.uri("/graphql")
				.header(HttpHeaders.ORIGIN, origin)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		}
	}

	@Test
	void aCallFromAnAllowedOriginCarriesTheHeaders() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://admin.acme.example")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ sources { id } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://admin.acme.example");
	}

	@Test
	void otherOriginsAreRefused() {
		this.http.options()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
