package io.rollcall.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a body to the GraphQL endpoint's refusals that Spring answers without one (405
 * for a method other than POST, 415 for an unsupported media type, 406 for an
 * unacceptable one): a GraphQL error with its own {@code extensions.code}, so that every
 * client's error handling sees {@code errors}. Headers such as {@code Allow} stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmptyErrorAnswers implements WebFilter {

	private final GraphQlEndpoint endpoint;

	EmptyErrorAnswers(GraphQlEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.endpoint.isAt(exchange)) {
			return chain.filter(exchange);
		}
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
			@Override
			public Mono<Void> setComplete() {
				HttpStatusCode status = getStatusCode();
				if (status == null || !status.isError() || isCommitted()) {
					return super.setComplete();
				}
				return GraphQlHttpErrors.write(exchange, status);
			}
		};
		return chain.filter(exchange.mutate().response(response).build());
	}

}
