package io.rollcall.shared;

import reactor.core.publisher.Mono;

/**
 * Persisted queries several replicas share, so that a client's hash registered on one is
 * found on the others.
 */
public interface SharedDocuments {

	/**
	 * A document registered under a hash.
	 * @param hash its SHA-256
	 * @return the document, or empty when none is (or the store cannot be reached)
	 */
	Mono<String> get(String hash);

	/**
	 * Registers a document; never fails the request.
	 * @param hash its SHA-256
	 * @param document the document
	 */
	void put(String hash, String document);

}
