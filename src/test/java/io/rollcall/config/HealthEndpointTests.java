package io.rollcall.config;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * {@code /actuator/health} has one component per source; liveness ignores vendors.
 */
class HealthEndpointTests extends GatewayTestBase {

	@Test
	void reportsEachSourceAndADownVendorWithoutItsBody() {
		VendorStubs.codebase()
			.stubFor(
					get(urlEqualTo("/profile")).atPriority(1).willReturn(aResponse().withStatus(503).withBody("oops")));
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
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

}
