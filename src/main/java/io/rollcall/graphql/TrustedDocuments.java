package io.rollcall.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rollcall.settings.InvalidConfigurationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The documents known in advance, by hash: the examples in {@code graphql/operations/}
 * (their SHA-256 manifest written by the build) and those of a manifest
 * ({@code rollcall.documents.manifest}) in the shape Relay and GraphQL Codegen write
 * ({@code {"<hash>": "<document>"}}) or Apollo's persisted-query manifest
 * ({@code {"operations": [{"id", "body"}]}}). In {@code trusted-only} mode no other
 * document runs.
 */
final class TrustedDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most documents a manifest may hold. */
	static final int MAX_DOCUMENTS = 10_000;

	/** The manifest of the examples the build writes. */
	static final String BUILT_MANIFEST = "graphql/trusted-documents.sha256";

	/** The longest document a manifest may hold. */
	static final int MAX_LENGTH = 100_000;

	private final Map<String, String> byHash;

	private final Set<String> texts;

	private final boolean trustedOnly;

	private TrustedDocuments(Map<String, String> byHash, boolean trustedOnly) {
		this.byHash = Map.copyOf(byHash);
		this.texts = Set.copyOf(byHash.values());
		this.trustedOnly = trustedOnly;
	}

	/**
	 * The examples, and a manifest's documents.
	 * @param manifest the manifest, or null
	 * @param trustedOnly whether only these documents run
	 * @return the documents
	 * @throws InvalidConfigurationException naming {@code rollcall.documents.manifest}
	 * when it cannot be read
	 */
	static TrustedDocuments load(@Nullable Resource manifest, boolean trustedOnly) {
		Map<String, String> documents = new LinkedHashMap<>(examples());
		if (manifest != null) {
			documents.putAll(read(manifest));
		}
		return new TrustedDocuments(documents, trustedOnly);
	}

	/**
	 * The examples, by the hashes the build wrote
	 * ({@code graphql/trusted-documents.sha256}, a line {@code <sha256> <file>} per
	 * document); each is checked against its document. Run without the build's resources
	 * (from an IDE), they are hashed here.
	 */
	static Map<String, String> examples() {
		ClassPathResource built = new ClassPathResource(BUILT_MANIFEST);
		Map<String, String> documents = new LinkedHashMap<>();
		try {
			if (built.exists()) {
				for (String line : built.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
					if (line.isBlank()) {
						continue;
					}
					String[] parts = line.trim().split("\\s+", 2);
					String text = new ClassPathResource("graphql/operations/" + parts[1])
						.getContentAsString(StandardCharsets.UTF_8);
					if (!sha256(text).equals(parts[0])) {
						throw new IllegalStateException(
								BUILT_MANIFEST + " does not match " + parts[1] + ": the build is stale, build again");
					}
					documents.put(parts[0], text);
				}
				return documents;
			}
			for (Resource example : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:graphql/operations/*.graphql")) {
				String text = example.getContentAsString(StandardCharsets.UTF_8);
				documents.put(sha256(text), text);
			}
			return documents;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The example operations could not be read", ex);
		}
	}

	/**
	 * Whether only documents known in advance run.
	 * @param mode {@code rollcall.documents.mode}, or null
	 * @param manifest whether a manifest is given
	 * @param production whether the production profile is active
	 * @return as the mode says; without one, in production with a manifest
	 */
	static boolean trustedOnly(@Nullable String mode, boolean manifest, boolean production) {
		return (mode != null) ? mode.equals("trusted-only") : manifest && production;
	}

	private static Map<String, String> read(Resource manifest) {
		String property = "rollcall.documents.manifest";
		JsonNode root;
		try (InputStream in = manifest.getInputStream()) {
			root = JSON.readTree(in);
		}
		catch (IOException | JacksonException ex) {
			throw new InvalidConfigurationException(property,
					"cannot be read as a JSON manifest (" + ex.getClass().getSimpleName() + ")");
		}
		Map<String, String> documents = new LinkedHashMap<>();
		if (root != null && root.isObject() && root.path("operations").isArray()) {
			for (JsonNode operation : root.path("operations")) {
				put(documents, operation.path("id").asString(""), operation.path("body"));
			}
		}
		else if (root != null && root.isObject()) {
			root.properties().forEach((entry) -> put(documents, entry.getKey(), entry.getValue()));
		}
		else {
			throw new InvalidConfigurationException(property,
					"must be a JSON object of {hash: document}, or Apollo's {\"operations\": [{id, body}]}");
		}
		return documents;
	}

	private static void put(Map<String, String> documents, String hash, JsonNode body) {
		String property = "rollcall.documents.manifest";
		if (hash.isBlank() || hash.length() > 128 || !body.isString()) {
			throw new InvalidConfigurationException(property, "holds an entry that is not a hash and a document (hash '"
					+ hash.substring(0, Math.min(hash.length(), 40)) + "')");
		}
		if (body.asString().length() > MAX_LENGTH) {
			throw new InvalidConfigurationException(property,
					"holds a document over " + MAX_LENGTH + " characters (hash " + hash + ")");
		}
		if (documents.size() >= MAX_DOCUMENTS) {
			throw new InvalidConfigurationException(property, "holds more than " + MAX_DOCUMENTS + " documents");
		}
		documents.put(hash, body.asString());
	}

	/** The document of a hash, if it is known. */
	Optional<String> document(String hash) {
		return Optional.ofNullable(this.byHash.get(hash));
	}

	/** Whether a document's text is one of them. */
	boolean trusts(String document) {
		return this.texts.contains(document);
	}

	/** Whether only these documents run. */
	boolean trustedOnly() {
		return this.trustedOnly;
	}

	/** How many there are. */
	int size() {
		return this.byHash.size();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
