package io.rollcall.config;

import java.security.Principal;

import io.rollcall.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Holds each authenticated client to its request rate on {@code /graphql} and the
 * exports: over it, the client gets 429 with {@code Retry-After} and a GraphQL error with
 * code {@code RATE_LIMITED}, before the request is read, so no vendor is called; other
 * clients have buckets of their own. Runs after authentication (Spring Security's chain
 * is ordered before it).
 */
final class ClientRateLimits implements WebFilter, Ordered {

	private final @Nullable RateLimiter limiter;

	private final String graphQlPath;

	/**
	 * @param limiter the clients' buckets, or null when clients do not authenticate
	 * @param graphQlPath where the GraphQL endpoint is
	 */
	ClientRateLimits(@Nullable RateLimiter limiter, String graphQlPath) {
		this.limiter = limiter;
		this.graphQlPath = graphQlPath;
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RateLimiter limiter = this.limiter;
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (limiter == null || exchange.getRequest().getMethod() == HttpMethod.OPTIONS
				|| (!path.equals(this.graphQlPath) && !path.startsWith("/exports/"))) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(Principal::getName)
			.flatMap((client) -> limiter.take(client).flatMap((decision) -> {
				if (decision.allowed()) {
					return chain.filter(exchange).thenReturn(true);
				}
				exchange.getResponse()
					.getHeaders()
					.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
				return GraphQlErrorAnswer
					.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
							"Client '" + client.replaceAll("\\p{Cntrl}", "?")
									+ "' is over its request rate; try again in " + decision.retryAfterSeconds() + "s")
					.thenReturn(true);
			}))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
			.then();
	}

}
