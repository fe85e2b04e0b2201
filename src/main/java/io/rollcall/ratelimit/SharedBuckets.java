package io.rollcall.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Client buckets several replicas share.
 */
public interface SharedBuckets {

	/**
	 * Takes a token from a client's shared bucket.
	 * @param client the client's name
	 * @param rate the client's rate
	 * @return the outcome, or empty when the shared buckets cannot be reached (the
	 * replica then uses its own)
	 */
	Mono<ConsumptionProbe> take(String client, ClientRate rate);

}
