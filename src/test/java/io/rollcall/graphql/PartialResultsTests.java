package io.rollcall.graphql;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing source costs only its own data: the others' accounts are all there, and the
 * failing source adds one error with its code, its id and the field's path.
 */
class PartialResultsTests extends GatewayTestBase {

	@Test
	void codebaseAnswering503IsUnavailableAndTriedOnceMore() {
		VendorStubs.codebase().stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withStatus(503)));
		Map<String, Object> error = onlyError(everything(), "codebase", 10);
		assertThat(error).containsEntry("message", "Source 'codebase' is unavailable (HTTP 503)");
		VendorStubs.codebase().verify(2, getRequestedFor(urlEqualTo("/users")));
	}

	@Test
	void codebaseResettingTheConnectionIsUnavailable() {
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1)
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(onlyError(everything(), "codebase", 10)).extractingByKey("extensions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("code", "SOURCE_UNAVAILABLE");
	}

	@Test
	void periscopeAnsweringTooLateTimesOut() {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withFixedDelay(2500)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"users\":[]}")));
		Map<String, Object> error = onlyError(everything(), "periscope-eu", 10);
		assertThat(error).extractingByKey("extensions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("code", "SOURCE_TIMEOUT");
		assertThat(error).containsEntry("message", "Source 'periscope-eu' did not answer within 1s");
	}

	@Test
	void testmoRefusingTheTokenIsUnauthorized() {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"message\":\"Unauthenticated.\"}")));
		assertThat(onlyError(everything(), "testmo", 9)).extractingByKey("extensions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("code", "SOURCE_UNAUTHORIZED");
		VendorStubs.testmo().verify(1, getRequestedFor(urlPathEqualTo("/api/v1/users")));
	}

	@Test
	void testmoAnswering429IsRateLimitedWithRetryAfterInSeconds() {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		assertThat(onlyError(everything(), "testmo", 9)).extractingByKey("extensions")
			.isEqualTo(Map.of("code", "SOURCE_RATE_LIMITED", "source", "testmo", "retryAfterSeconds", 30));
	}

	@Test
	void periscopeAnswering429WithAnHttpDateIsRateLimited() {
		String in90s = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90).format(DateTimeFormatter.RFC_1123_DATE_TIME);
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", in90s)));
		Map<String, Object> error = onlyError(everything(), "periscope-eu", 10);
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		assertThat(extensions).containsEntry("code", "SOURCE_RATE_LIMITED");
		assertThat((Integer) extensions.get("retryAfterSeconds")).isBetween(85, 90);
	}

	@Test
	void codebaseAnsweringBrokenXmlIsABadResponse() {
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody("<users><user><id>")));
		Map<String, Object> error = onlyError(everything(), "codebase", 10);
		assertThat(error).containsEntry("message", "Source 'codebase' gave an answer that could not be read");
	}

	@Test
	void aFailingNestedListEmptiesOnlyThatFieldWithOneErrorAtItsPath() {
		VendorStubs.codebase().stubFor(get(urlEqualTo("/roles")).atPriority(1).willReturn(aResponse().withStatus(500)));
		GraphQlTester.Response response = everything().execute();
		List<Map<String, Object>> errors = errors(response);
		response.path("users.totalCount").entity(Integer.class).isEqualTo(13);
		response.path("users.edges[?(@.node.source.id == 'codebase')].node.roles[*]")
			.entityList(Object.class)
			.hasSize(0);
		response.path("users.edges[?(@.node.source.id == 'codebase')].node.projects[*]")
			.entityList(Object.class)
			.hasSize(3);
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0)).extractingByKey("extensions")
			.isEqualTo(Map.of("code", "SOURCE_UNAVAILABLE", "source", "codebase"));
		assertThat(errors.get(0).get("path").toString()).matches("\\[users, edges, \\d+, node, (roles|projects)\\]");
	}

	@Test
	void redirectsAreNotFollowed() {
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1)
				.willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/steal")));
		Map<String, Object> error = onlyError(everything(), "codebase", 10);
		assertThat(error).containsEntry("message",
				"Source 'codebase' answered HTTP 302 where the gateway expected data");
		VendorStubs.codebase().verify(1, getRequestedFor(urlEqualTo("/users")));
	}

	@Test
	void errorMessagesNeverShowUrlsCredentialsOrVendorBodies() {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(500).withBody("stack trace at periscope-internal.example:8080")));
		String body = this.http.post()
			.uri("/graphql")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ users { totalCount } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("SOURCE_UNAVAILABLE")
			.doesNotContain("127.0.0.1")
			.doesNotContain("periscope-key")
			.doesNotContain("periscope-internal")
			.doesNotContain("Exception");
	}

	private GraphQlTester.Request<?> everything() {
		return this.graphQl.documentName("everyoneWithAccess").variable("first", 100);
	}

	private Map<String, Object> onlyError(GraphQlTester.Request<?> request, String source, int othersUsers) {
		GraphQlTester.Response response = request.execute();
		List<Map<String, Object>> errors = errors(response);
		response.path("users.totalCount").entity(Integer.class).isEqualTo(othersUsers);
		response.path("users.edges[*].node.source.id")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(List.copyOf(ids)).doesNotContain(source).hasSize(othersUsers));
		assertThat(errors).hasSize(1);
		Map<String, Object> error = errors.get(0);
		assertThat(error.get("path")).isEqualTo(List.of("users"));
		assertThat(error).extractingByKey("extensions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("source", source);
		return error;
	}

	private static List<Map<String, Object>> errors(GraphQlTester.Response response) {
		List<Map<String, Object>> errors = new java.util.ArrayList<>();
		response.errors().filter((error) -> true).satisfy((list) -> list.forEach((error) -> {
			Map<String, Object> map = new java.util.LinkedHashMap<>();
			map.put("message", error.getMessage());
			map.put("path", error.getParsedPath());
			map.put("extensions", error.getExtensions());
			errors.add(map);
		}));
		return errors;
	}

}
