package io.rollcall.graphql;

import java.util.Map;
import java.util.stream.Stream;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.HostileShapes;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents within the size limits whose naive expansion is exponential or quadratic:
 * each is refused with its limit's code before any vendor is called, or answered. The CPU
 * they cost is measured by {@code io.rollcall.benchmark.HostileDocuments}.
 */
class HostileDocumentsTests extends GatewayTestBase {

	static Stream<Arguments> refused() {
		return Stream.of(
				Arguments.of("fragment fan-out of __typename", HostileShapes.fanOut(27, "Query", "__typename", ""),
						"TOO_MANY_FIELDS"),
				Arguments.of("fragment fan-out on users",
						HostileShapes.fanOut(27, "User", "displayName",
								"users(first: 1) { edges { node { ...F27 } } }"),
						"TOO_MANY_FIELDS"),
				Arguments.of("three-way fan-out", HostileShapes.fanOut3(12), "TOO_MANY_FIELDS"),
				Arguments.of("an unused fan-out fragment", HostileShapes.unusedFanOut(27), "TOO_MANY_FIELDS"),
				Arguments.of("aliases under spreads", HostileShapes.aliasesUnderSpreads(8, 12), "TOO_MANY_ALIASES"),
				Arguments.of("directives under spreads", HostileShapes.directivesUnderSpreads(8, 12),
						"TOO_MANY_DIRECTIVES"),
				Arguments.of("depth through fragments", HostileShapes.deepThroughFragments(8), "QUERY_TOO_DEEP"),
				Arguments.of("cost through fragments", HostileShapes.costThroughFragments(), "QUERY_TOO_COSTLY"),
				Arguments.of("root fields through fragments", HostileShapes.rootFieldsThroughFragments(12),
						"TOO_MANY_ROOT_FIELDS"),
				Arguments.of("a cycle of fragments", HostileShapes.cycle(), "GRAPHQL_VALIDATION_FAILED"));
	}

	static Stream<Arguments> answered() {
		return Stream.of(Arguments.of("1,900 copies of one field to merge", HostileShapes.sameField(1900)),
				Arguments.of("450 spreads of one fragment to merge", HostileShapes.sameFragment(450)),
				Arguments.of("360 spreads of 60 fragments to merge", HostileShapes.manyFragments(60, 360)),
				Arguments.of("300 nested copies to merge", HostileShapes.nestedCopies(300)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusesBeforeAnyVendorCall(String shape, String document, String code) {
		Map<String, Object> answer = post(document);
		assertThat(VendorStubs.totalCalls()).as("vendor calls").isZero();
		@SuppressWarnings("unchecked")
		Map<String, Object> error = ((java.util.List<Map<String, Object>>) answer.get("errors")).get(0);
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		if (code.equals("GRAPHQL_VALIDATION_FAILED")) {
			assertThat(extensions).containsEntry("classification", "ValidationError");
		}
		else {
			assertThat(extensions).containsEntry("code", code);
		}
		assertThat(answer.get("data")).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answered")
	void answersShapesThatStayWithinTheLimits(String shape, String document) {
		Map<String, Object> answer = post(document);
		assertThat(answer).doesNotContainKey("errors").containsKey("data");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String document) {
		assertThat(document.length()).as("document size").isLessThanOrEqualTo(20_000);
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
