package io.rollcall.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import io.rollcall.shared.SharedDocuments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Automatic persisted queries (Apollo's protocol: {@code extensions.persistedQuery} with
 * a {@code sha256Hash}; an unknown hash answers {@code PersistedQueryNotFound}, and the
 * client sends the document with it once) and trusted documents, before anything is
 * parsed. A document sent with its hash is checked against it and remembered here (and in
 * Redis when configured, for the other replicas); in {@code trusted-only} mode only the
 * documents known in advance run, whether sent by hash or in full, and nothing sent is
 * remembered.
 */
@Order(-1)
final class PersistedDocuments implements WebGraphQlInterceptor {

	/**
	 * A hash: Apollo's SHA-256 in hex, or the key a manifest gives a document (Relay's
	 * and GraphQL Codegen's may be other digests).
	 */
	private static final Pattern HASH = Pattern.compile("[0-9A-Za-z:_-]{1,128}");

	/** The most characters of registered documents a replica keeps. */
	private static final long MAX_KEPT = 16L * 1024 * 1024;

	private final TrustedDocuments trusted;

	private final @Nullable SharedDocuments shared;

	private final int maxDocumentSize;

	private final Cache<String, String> registered = Caffeine.newBuilder()
		.maximumWeight(MAX_KEPT)
		.weigher((String hash, String document) -> hash.length() + document.length())
		.expireAfterAccess(Duration.ofDays(1))
		.build();

	PersistedDocuments(TrustedDocuments trusted, @Nullable SharedDocuments shared, int maxDocumentSize) {
		this.trusted = trusted;
		this.shared = shared;
		this.maxDocumentSize = maxDocumentSize;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		boolean sent = !document.isBlank() && !document.equals(ExecutionInput.PERSISTED_QUERY_MARKER);
		Object extension = request.getExtensions().get("persistedQuery");
		if (extension == null) {
			if (this.trusted.trustedOnly() && !(sent && this.trusted.trusts(document))) {
				return Mono.just(notTrusted(request));
			}
			return chain.next(request);
		}
		if (!(extension instanceof Map<?, ?> persisted) || !Integer.valueOf(1).equals(persisted.get("version"))
				|| !(persisted.get("sha256Hash") instanceof String hash) || !HASH.matcher(hash).matches()) {
			return Mono.just(RequestGuard.refuse(request, "BAD_REQUEST",
					"extensions.persistedQuery must be {version: 1, sha256Hash: <the document's SHA-256 in hex>}"));
		}
		if (sent) {
			if (!TrustedDocuments.sha256(document).equals(hash)) {
				return Mono.just(RequestGuard.refuse(request, "BAD_REQUEST", "provided sha does not match query"));
			}
			if (this.trusted.trustedOnly() && !this.trusted.trusts(document)) {
				return Mono.just(notTrusted(request));
			}
			if (!this.trusted.trustedOnly() && document.length() <= this.maxDocumentSize) {
				remember(hash, document);
			}
			return chain.next(resolved(request, document));
		}
		return known(hash).map((text) -> resolved(request, text))
			.flatMap(chain::next)
			.switchIfEmpty(Mono.fromSupplier(
					() -> RequestGuard.refuse(request, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")));
	}

	/**
	 * The document of a hash: known in advance, else (unless trusted-only) registered.
	 */
	private Mono<String> known(String hash) {
		String found = this.trusted.document(hash).orElse(null);
		if (found != null) {
			return Mono.just(found);
		}
		if (this.trusted.trustedOnly()) {
			return Mono.empty();
		}
		String local = this.registered.getIfPresent(hash);
		if (local != null) {
			return Mono.just(local);
		}
		return (this.shared != null) ? this.shared.get(hash)
			.filter((text) -> text.length() <= this.maxDocumentSize && TrustedDocuments.sha256(text).equals(hash))
			.doOnNext((text) -> this.registered.put(hash, text)) : Mono.empty();
	}

	private void remember(String hash, String document) {
		if (this.registered.getIfPresent(hash) == null) {
			this.registered.put(hash, document);
			if (this.shared != null) {
				this.shared.put(hash, document);
			}
		}
	}

	/**
	 * The request as graphql-java sees it: the document, and no persisted-query
	 * extension.
	 */
	private static WebGraphQlRequest resolved(WebGraphQlRequest request, String document) {
		Map<String, Object> extensions = new LinkedHashMap<>(request.getExtensions());
		extensions.remove("persistedQuery");
		request.configureExecutionInput((input, builder) -> builder.query(document).extensions(extensions).build());
		return request;
	}

	private static WebGraphQlResponse notTrusted(WebGraphQlRequest request) {
		return RequestGuard.refuse(request, "DOCUMENT_NOT_TRUSTED",
				"Only documents known in advance run here (rollcall.documents.mode=trusted-only): "
						+ "send the sha256Hash of a document in the manifest (extensions.persistedQuery)");
	}

}
