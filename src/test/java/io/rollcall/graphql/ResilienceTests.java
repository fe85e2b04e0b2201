package io.rollcall.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on one source while the others stay healthy: the others' data is complete, the
 * error names the source with the right code, the number of vendor calls is bounded, and
 * the answer comes within the source's deadline (1 s here), with generous slack.
 */
class ResilienceTests extends GatewayTestBase {

	private static final Duration BOUND = Duration.ofSeconds(4);

	@Test
	void anEmptyResponseIsUnavailable() {
		fault(Fault.EMPTY_RESPONSE);
		expectOnly("codebase", "SOURCE_UNAVAILABLE", 10);
		VendorStubs.codebase().verify(2, getRequestedFor(urlEqualTo("/users")));
	}

	@Test
	void aMalformedChunkIsUnavailable() {
		fault(Fault.MALFORMED_RESPONSE_CHUNK);
		expectOnly("codebase", "SOURCE_UNAVAILABLE", 10);
	}

	@Test
	void aVendorDribblingBytesIsCutOffAtTheDeadline() {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"users\":[" + "{\"email\":\"x@example.com\"},".repeat(200) + "{}]}")
					.withChunkedDribbleDelay(50, 8000)));
		expectOnly("periscope-eu", "SOURCE_TIMEOUT", 10);
	}

	@Test
	void aHangingVendorIsCutOffAtTheDeadline() {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));
		expectOnly("testmo", "SOURCE_TIMEOUT", 9);
	}

	@Test
	void aShortRetryAfterIsWaitedOutAndTheReadTriedAgain() {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.inScenario("busy")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("calm"));
		everything().execute().errors().verify().path("users.totalCount").entity(Integer.class).isEqualTo(13);
		VendorStubs.periscope().verify(2, getRequestedFor(urlEqualTo("/api/v1/users")));
	}

	@Test
	void aLongRetryAfterPutsTheSourceInACoolDownWithoutCalls() {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		expectOnly("testmo", "SOURCE_RATE_LIMITED", 9);
		this.directory.connector("testmo").orElseThrow().forget();
		VendorStubs.testmo().resetRequests();
		Map<String, Object> extensions = expectOnly("testmo", "SOURCE_RATE_LIMITED", 9);
		assertThat(((Number) extensions.get("retryAfterSeconds")).intValue()).isBetween(100, 120);
		assertThat(VendorStubs.testmo().getAllServeEvents()).isEmpty();
		this.graphQl.document("{ sources { id health { status } } }")
			.execute()
			.path("sources[?(@.id == 'testmo')].health.status")
			.entityList(String.class)
			.containsExactly("RATE_LIMITED");
	}

	@Test
	void theBreakerOpensAfterRepeatedFailuresAndClosesOnceTheVendorRecovers() {
		VendorStubs.codebase().stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 3; i++) {
			expectOnly("codebase", "SOURCE_UNAVAILABLE", 10);
		}
		VendorStubs.codebase().resetRequests();
		Map<String, Object> open = expectOnly("codebase", "SOURCE_UNAVAILABLE", 10);
		assertThat(VendorStubs.codebase().getAllServeEvents()).as("calls while open").isEmpty();
		assertThat(open).isNotNull();
		VendorStubs.codebase().resetToDefaultMappings();
		// Past the breaker's open state (breaker-open-for 2s), by the gateway's clock.
		this.clock.advance(Duration.ofMillis(2_100));
		everything().execute().errors().verify().path("users.totalCount").entity(Integer.class).isEqualTo(13);
		assertThat(this.guards.get("codebase").orElseThrow().open()).isFalse();
	}

	@Test
	void aHangingSourceUnder200ConcurrentQueriesCostsOnlyItsOwnData() {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));
		org.springframework.web.reactive.function.client.WebClient client = org.springframework.web.reactive.function.client.WebClient
			.create("http://127.0.0.1:" + this.port);
		long started = System.nanoTime();
		List<Integer> totals = Flux.range(0, 200)
			.flatMap((i) -> client.post()
				.uri("/graphql")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ users(first: 5) { totalCount } }"))
				.retrieve()
				.bodyToMono(Map.class)
				.map((body) -> {
					List<?> errors = (List<?>) body.get("errors");
					Map<?, ?> extensions = (Map<?, ?>) ((Map<?, ?>) errors.get(0)).get("extensions");
					// Timed out, or failed fast once the breaker opened on the timeouts.
					assertThat(errors).hasSize(1);
					assertThat(extensions.get("source")).isEqualTo("periscope-eu");
					assertThat(extensions.get("code")).isIn("SOURCE_TIMEOUT", "SOURCE_UNAVAILABLE");
					return (Integer) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("users")).get("totalCount");
				}), 200)
			.collectList()
			.block(Duration.ofSeconds(30));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(totals).hasSize(200).containsOnly(10);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(15));
		// Concurrent reads share the one call in flight.
		assertThat(VendorStubs.periscope()
			.countRequestsMatching(getRequestedFor(urlEqualTo("/api/v1/users")).build())
			.getCount()).isLessThanOrEqualTo(4);
	}

	@Test
	void metricsArePublishedPerSource() {
		everything().execute().errors().verify();
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body)
				.contains("rollcall_vendor_calls_seconds_count{outcome=\"ok\",source=\"codebase\"}")
				.contains("rollcall_cache_requests_total{result=\"miss\",source=\"testmo\"}")
				.contains("rollcall_vendor_circuit_open{source=\"periscope-eu\"} 0")
				.doesNotContain("codebase-key"));
	}

	private GraphQlTester.Request<?> everything() {
		return this.graphQl.documentName("everyoneWithAccess").variable("first", 100);
	}

	private static void fault(Fault fault) {
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withFault(fault)));
	}

	private Map<String, Object> expectOnly(String source, String code, int othersUsers) {
		long started = System.nanoTime();
		GraphQlTester.Response response = everything().execute();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		List<Map<String, Object>> extensions = new java.util.ArrayList<>();
		response.errors()
			.filter((error) -> true)
			.satisfy((errors) -> errors.forEach((e) -> extensions.add(e.getExtensions())));
		assertThat(extensions).hasSize(1);
		assertThat(extensions.get(0)).containsEntry("source", source).containsEntry("code", code);
		response.path("users.totalCount").entity(Integer.class).isEqualTo(othersUsers);
		assertThat(elapsed).isLessThan(BOUND);
		return extensions.get(0);
	}

}
