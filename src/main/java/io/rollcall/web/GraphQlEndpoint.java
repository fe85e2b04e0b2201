package io.rollcall.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the GraphQL endpoint is ({@code spring.graphql.http.path}, by default
 * {@code /graphql}), for the filters and handlers that guard it.
 */
@Component
class GraphQlEndpoint {

	private final String path;

	GraphQlEndpoint(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.path = path;
	}

	/** Whether the exchange is a request to the GraphQL endpoint. */
	boolean isAt(ServerWebExchange exchange) {
		return this.path.equals(exchange.getRequest().getPath().pathWithinApplication().value());
	}

	String path() {
		return this.path;
	}

}
