package io.rollcall.graphql;

import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.SecuredGateway;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client is held to its own request rate: over it, 429 with Retry-After and
 * RATE_LIMITED, no vendor called, and other clients go on.
 */
@SecuredGateway
class RateLimitTests extends GatewayTestBase {

	@Test
	void aClientOverItsRateIsRefusedAndOthersAreNot() {
		for (int i = 0; i < 3; i++) {
			post(SecuredGateway.LIMITED_KEY).expectStatus().isOk();
		}
		VendorStubs.reset();
		WebTestClient.ResponseSpec over = post(SecuredGateway.LIMITED_KEY);
		over.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("RATE_LIMITED")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("nightly-report").doesNotContain("canary"));
		assertThat(Long.parseLong(post(SecuredGateway.LIMITED_KEY).returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
		assertThat(VendorStubs.totalCalls()).as("vendor calls while limited").isZero();
		post(SecuredGateway.READ_KEY).expectStatus().isOk();
		this.http.get()
			.uri("/exports/accounts.csv")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.LIMITED_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		String metrics = this.http.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.ADMIN_KEY)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).containsPattern(
				"rollcall_client_requests_total\\{.*client=\"nightly-report\".*outcome=\"limited\".*\\} [1-9]");
	}

	private WebTestClient.ResponseSpec post(String key) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.bodyValue(Map.of("query", "{ users { totalCount } }"))
			.exchange();
	}

}
