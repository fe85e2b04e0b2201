package io.rollcall.graphql;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.rollcall.support.GatewayTestBase;
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

	/**
	 * The worst shapes we know, each within the document and token limits.
	 */
	static final class HostileShapes {

		private HostileShapes() {
		}

		/** F(n) spreads F(n-1) twice: 2^n leaves from a few hundred characters. */
		static String fanOut(int levels, String type, String leaf, String root) {
			StringBuilder document = new StringBuilder("query { " + (root.isEmpty() ? "...F" + levels : root) + " }");
			document.append(" fragment F0 on ").append(type).append(" { ").append(leaf).append(" }");
			for (int i = 1; i <= levels; i++) {
				document.append(" fragment F")
					.append(i)
					.append(" on ")
					.append(type)
					.append(" { ...F")
					.append(i - 1)
					.append(" ...F")
					.append(i - 1)
					.append(" }");
			}
			return document.toString();
		}

		static String fanOut3(int levels) {
			StringBuilder document = new StringBuilder("query { users(first: 1) { edges { node { ...F" + levels
					+ " } } } } fragment F0 on User { displayName email }");
			for (int i = 1; i <= levels; i++) {
				document.append(" fragment F")
					.append(i)
					.append(" on User { ...F")
					.append(i - 1)
					.append(" ...F")
					.append(i - 1)
					.append(" ...F")
					.append(i - 1)
					.append(" }");
			}
			return document.toString();
		}

		static String unusedFanOut(int levels) {
			return "query { sources { id } } " + fanOut(levels, "Query", "__typename", "sources { id }")
				.substring("query { sources { id } }".length());
		}

		static String aliasesUnderSpreads(int spreads, int aliases) {
			return "query { users(first: 1) { edges { node { " + "...A ".repeat(spreads)
					+ "} } } } fragment A on User { "
					+ IntStream.range(0, aliases)
						.mapToObj((i) -> "a" + i + ": displayName")
						.collect(Collectors.joining(" "))
					+ " }";
		}

		static String directivesUnderSpreads(int spreads, int directives) {
			return "query { users(first: 1) { edges { node { " + "...D ".repeat(spreads)
					+ "} } } } fragment D on User { " + "displayName @include(if: true) ".repeat(directives) + "}";
		}

		static String deepThroughFragments(int levels) {
			StringBuilder document = new StringBuilder("query { users(first: 1) { edges { node { ...P" + levels
					+ " } } } } fragment P0 on User { displayName }");
			for (int i = 1; i <= levels; i++) {
				document.append(" fragment P")
					.append(i)
					.append(" on User { person { accounts { ...P")
					.append(i - 1)
					.append(" } } }");
			}
			return document.toString();
		}

		static String costThroughFragments() {
			return "query { users(first: 100) { edges { node { ...G ...G } } } } fragment G on User { groups { members { "
					+ "groups { members { displayName } } } } }";
		}

		static String rootFieldsThroughFragments(int spreads) {
			return "query { " + "...R ".repeat(spreads) + "} fragment R on Query { sources { id } }";
		}

		static String cycle() {
			return "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
		}

		static String sameField(int copies) {
			return "query { sources { " + "id ".repeat(copies) + "} }";
		}

		static String sameFragment(int spreads) {
			return "query { users(first: 1) { edges { node { " + "...B ".repeat(spreads)
					+ "} } } } fragment B on User { groups { members { displayName } } }";
		}

		static String manyFragments(int fragments, int spreads) {
			return "query { users(first: 1) { edges { node { "
					+ IntStream.range(0, spreads)
						.mapToObj((i) -> "...B" + (i % fragments))
						.collect(Collectors.joining(" "))
					+ " } } } } "
					+ IntStream.range(0, fragments)
						.mapToObj((i) -> "fragment B" + i + " on User { groups { name } roles { name } }")
						.collect(Collectors.joining(" "));
		}

		static String nestedCopies(int copies) {
			return "query { users(first: 1) { edges { node { " + "person { accounts { displayName } } ".repeat(copies)
					+ "} } } }";
		}

	}

}
