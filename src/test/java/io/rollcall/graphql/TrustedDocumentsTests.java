package io.rollcall.graphql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In trusted-only mode only the documents known in advance run (the examples and the
 * manifest's), sent by hash or in full; any other is refused before it is parsed, nothing
 * new is remembered, and GraphiQL is off.
 */
@TestPropertySource(properties = { "rollcall.documents.mode=trusted-only",
		"rollcall.documents.manifest=classpath:documents/manifest.json" })
class TrustedDocumentsTests extends GatewayTestBase {

	private static final String MANIFEST_DOCUMENT = "query reportUsers { users(first: 5) { totalCount } }";

	@Test
	void documentsNotKnownInAdvanceAreRefusedBeforeParsing() {
		Map<String, Object> plain = postGraphQl(Map.of("query", "{ users { totalCount } }"));
		assertThat(PersistedQueryTests.code(plain)).isEqualTo("DOCUMENT_NOT_TRUSTED");
		Map<String, Object> broken = postGraphQl(Map.of("query", "{{{ not even GraphQL"));
		assertThat(PersistedQueryTests.code(broken)).as("refused before parsing").isEqualTo("DOCUMENT_NOT_TRUSTED");
		String other = "query other { sources { id } }";
		Map<String, Object> registering = postGraphQl(
				Map.of("query", other, "extensions", PersistedQueryTests.persisted(TrustedDocuments.sha256(other))));
		assertThat(PersistedQueryTests.code(registering)).isEqualTo("DOCUMENT_NOT_TRUSTED");
		Map<String, Object> afterwards = postGraphQl(
				Map.of("extensions", PersistedQueryTests.persisted(TrustedDocuments.sha256(other))));
		assertThat(PersistedQueryTests.code(afterwards)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void theManifestsAndTheExamplesDocumentsRun() throws Exception {
		Map<String, Object> full = postGraphQl(Map.of("query", MANIFEST_DOCUMENT));
		assertThat(full).doesNotContainKey("errors");
		String manifestHash = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("MD5")
				.digest(MANIFEST_DOCUMENT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		Map<String, Object> relayHash = postGraphQl(
				Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", manifestHash))));
		// A Relay manifest keys documents by its own digest (MD5 here): sent as the
		// hash, it finds the document.
		assertThat(relayHash).doesNotContainKey("errors");
		String example = Files.readString(Path.of("graphql/operations/sourcesHealth.graphql"));
		assertThat(postGraphQl(Map.of("extensions", PersistedQueryTests.persisted(TrustedDocuments.sha256(example)))))
			.doesNotContainKey("errors");
		assertThat(postGraphQl(Map.of("query", example))).doesNotContainKey("errors");
	}

	@Test
	void productionWithAManifestRunsOnlyTrustedDocumentsUnlessToldOtherwise() {
		assertThat(TrustedDocuments.trustedOnly(null, true, true)).isTrue();
		assertThat(TrustedDocuments.trustedOnly(null, false, true)).isFalse();
		assertThat(TrustedDocuments.trustedOnly(null, true, false)).isFalse();
		assertThat(TrustedDocuments.trustedOnly("any", true, true)).isFalse();
		assertThat(TrustedDocuments.trustedOnly("trusted-only", false, false)).isTrue();
	}

	@Test
	void theBuildWritesTheExamplesManifest() throws Exception {
		String manifest = new org.springframework.core.io.ClassPathResource(TrustedDocuments.BUILT_MANIFEST)
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		java.util.List<String> examples;
		try (java.util.stream.Stream<Path> files = Files.list(Path.of("graphql/operations"))) {
			examples = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".graphql"))
				.toList();
		}
		assertThat(manifest.lines().toList()).hasSameSizeAs(examples);
		for (String example : examples) {
			String hash = TrustedDocuments.sha256(Files.readString(Path.of("graphql/operations", example)));
			assertThat(manifest).contains(hash + " " + example);
		}
		assertThat(TrustedDocuments.examples()).hasSameSizeAs(examples);
	}

	@Test
	void graphiqlIsOff() {
		this.http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
	}

}
