package io.rollcall.graphql;

import java.util.Map;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Tells a request's data fetchers when its client has gone away. graphql-java runs them
 * on futures, which a cancelled request does not reach, so a long mutation would go on
 * sending changes for nobody; it listens to {@link #of} instead.
 */
@Component
@Order(1)
class RequestCancellation implements WebGraphQlInterceptor {

	private static final String KEY = "rollcall.cancelled";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Sinks.Empty<Void> cancelled = Sinks.empty();
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(KEY, cancelled.asMono())).build());
		return chain.next(request).doOnCancel(cancelled::tryEmitEmpty);
	}

	/**
	 * Completes when the request's client has gone away.
	 * @param context the request's GraphQL context
	 * @return the signal; one that never comes outside HTTP requests
	 */
	static Mono<Void> of(GraphQLContext context) {
		Mono<Void> cancelled = context.get(KEY);
		return (cancelled != null) ? cancelled : Mono.never();
	}

}
