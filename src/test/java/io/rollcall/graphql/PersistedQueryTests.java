package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic persisted queries, as Apollo's link sends them: an unknown hash answers
 * PersistedQueryNotFound without a vendor call, the document sent once with its hash is
 * remembered, a hash that does not match is refused, and the examples are known by hash
 * from the start.
 */
class PersistedQueryTests extends GatewayTestBase {

	static final String DOCUMENT = "query apqUsers { users(first: 2) { totalCount } }";

	@Test
	void anUnknownHashIsAskedForThenRemembered() {
		String hash = TrustedDocuments.sha256(DOCUMENT + " # " + System.nanoTime());
		String document = DOCUMENT + " # " + hash.substring(0, 6);
		String own = TrustedDocuments.sha256(document);
		Map<String, Object> unknown = postGraphQl(Map.of("extensions", persisted(own)));
		assertThat(error(unknown)).containsEntry("message", "PersistedQueryNotFound");
		assertThat(code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(VendorStubs.totalCalls()).isZero();
		Map<String, Object> registered = postGraphQl(Map.of("query", document, "extensions", persisted(own)));
		assertThat(registered).doesNotContainKey("errors");
		Map<String, Object> byHash = postGraphQl(Map.of("extensions", persisted(own)));
		assertThat(byHash).doesNotContainKey("errors");
		assertThat(String.valueOf(byHash.get("data"))).contains("totalCount=13");
	}

	@Test
	void aHashThatDoesNotMatchItsDocumentIsRefused() {
		Map<String, Object> answer = postGraphQl(
				Map.of("query", DOCUMENT, "extensions", persisted(TrustedDocuments.sha256("something else"))));
		assertThat(error(answer)).containsEntry("message", "provided sha does not match query");
		assertThat(postGraphQl(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", "x")))))
			.satisfies((refused) -> assertThat(code(refused)).isEqualTo("BAD_REQUEST"));
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void theExamplesAreKnownByHashFromTheStart() throws Exception {
		String example = java.nio.file.Files
			.readString(java.nio.file.Path.of("graphql/operations/sourcesHealth.graphql"));
		Map<String, Object> answer = postGraphQl(Map.of("extensions", persisted(TrustedDocuments.sha256(example))));
		assertThat(answer).doesNotContainKey("errors");
		assertThat(String.valueOf(answer.get("data"))).contains("sources");
	}

	static Map<String, Object> persisted(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> error(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		assertThat(errors).as("errors of %s", answer).hasSize(1);
		return errors.get(0);
	}

	@SuppressWarnings("unchecked")
	static String code(Map<String, Object> answer) {
		return (String) ((Map<String, Object>) error(answer).get("extensions")).get("code");
	}

}
