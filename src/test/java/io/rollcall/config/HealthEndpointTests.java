package io.rollcall.config;

import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.SecuredGateway;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} has one component per source, shown to ADMIN clients only;
 * anyone else sees the overall status. Liveness ignores vendors. No server path shows.
 */
@SecuredGateway
class HealthEndpointTests extends GatewayTestBase {

	@Test
	void anAdminSeesEachSourceAndADownVendorWithoutItsBody() {
		VendorStubs.codebase()
			.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503).withBody("oops")));
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ users { totalCount } }"))
			.exchange()
			.expectStatus()
			.isOk();
		health(SecuredGateway.ADMIN_KEY).expectBody()
			.jsonPath("$.components.sources.components.testmo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.sources.components.periscope-eu.status")
			.isEqualTo("UP")
			.jsonPath("$.components.sources.components.codebase.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.sources.components.codebase.details.message")
			.isEqualTo("Source 'codebase' is unavailable (HTTP 503)");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void anyoneElseSeesTheOverallStatusOnly() {
		for (String key : new String[] { null, SecuredGateway.READ_KEY }) {
			String body = health(key).expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).as("health for " + key)
				.containsPattern("\"status\":\"[A-Z_]+\"")
				.doesNotContain("components");
		}
	}

	@Test
	void noServerPathIsShownToAnyone() {
		String body = health(SecuredGateway.ADMIN_KEY).expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"sources\"")
			.doesNotContain("\"path\"")
			.doesNotContain(System.getProperty("user.dir"));
	}

	private WebTestClient.ResponseSpec health(String key) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri("/actuator/health");
		if (key != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		return request.exchange();
	}

}
