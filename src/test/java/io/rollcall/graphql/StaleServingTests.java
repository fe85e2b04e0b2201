package io.rollcall.graphql;

import java.time.Duration;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * When a vendor fails after the cache's ttl, the last good answer is served, marked in
 * {@code extensions.stale}, until it is older than {@code max-stale}; then the error.
 */
@TestPropertySource(
		properties = { "rollcall.cache.ttl=1s", "rollcall.cache.refresh-ahead=400ms", "rollcall.cache.max-stale=3s" })
class StaleServingTests extends GatewayTestBase {

	@Test
	void servesTheLastGoodAnswerMarkedStaleThenTheError() {
		users().expectBody().jsonPath("$.data.users.totalCount").isEqualTo(13).jsonPath("$.extensions").doesNotExist();
		VendorStubs.codebase().stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withStatus(503)));
		this.clock.advance(Duration.ofMillis(1_300));
		users().expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.users.totalCount")
			.isEqualTo(13)
			.jsonPath("$.extensions.stale[0].source")
			.isEqualTo("codebase")
			.jsonPath("$.extensions.stale[0].ageSeconds")
			.isEqualTo(1)
			.jsonPath("$.extensions.stale.length()")
			.isEqualTo(1);
		this.clock.advance(Duration.ofMillis(2_000));
		users().expectBody()
			.jsonPath("$.data.users.totalCount")
			.isEqualTo(10)
			.jsonPath("$.errors[0].extensions.source")
			.isEqualTo("codebase")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("SOURCE_UNAVAILABLE");
	}

	private WebTestClient.ResponseSpec users() {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ users(first: 100) { totalCount } }"))
			.exchange();
	}

}
