package io.rollcall.web;

import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.SecuredGateway;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Browser apps on the allowed origins may call the gateway: preflights are answered
 * before authentication, other origins get no CORS headers.
 */
@SecuredGateway
class CrossOriginTests extends GatewayTestBase {

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
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
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
