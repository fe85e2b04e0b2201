package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor asking the gateway to wait for years gets {@code max-retry-after} (5 minutes)
 * at most, and an ADMIN's {@code refreshSources} ends the wait at once.
 */
class RetryAfterCeilingTests extends GatewayTestBase {

	@ParameterizedTest(name = "Retry-After: {0}")
	@ValueSource(strings = { "315360000", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT" })
	void aCoolDownIsCappedAndRefreshSourcesEndsIt(String retryAfter) {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)));
		Map<String, Object> error = testmoError(query());
		assertThat(error).containsEntry("code", "SOURCE_RATE_LIMITED");
		assertThat(((Number) error.get("retryAfterSeconds")).longValue()).isBetween(1L, 300L);
		VendorStubs.reset();
		assertThat(testmoError(query())).as("during the cool-down").containsEntry("code", "SOURCE_RATE_LIMITED");
		assertThat(VendorStubs.testmo().getAllServeEvents()).as("calls during the cool-down").isEmpty();
		post("mutation { refreshSources(ids: [\"testmo\"]) { id } }");
		assertThat(testmoError(query())).as("after refreshSources").isNull();
		assertThat(VendorStubs.testmo().getAllServeEvents()).isNotEmpty();
	}

	private Map<String, Object> query() {
		return post("{ users(filter: {sources: [\"testmo\"]}) { totalCount } }");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> testmoError(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		if (errors == null) {
			return null;
		}
		return errors.stream()
			.map((e) -> (Map<String, Object>) e.get("extensions"))
			.filter((e) -> "testmo".equals(e.get("source")))
			.findFirst()
			.orElse(null);
	}

	private Map<String, Object> post(String document) {
		return postGraphQl(Map.of("query", document));
	}

}
