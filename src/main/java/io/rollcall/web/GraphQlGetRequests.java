package io.rollcall.web;

import org.jspecify.annotations.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.rollcall.config.GraphQlErrorAnswer;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Queries sent as GET, as GraphQL over HTTP allows and urql does by default:
 * {@code query}, {@code operationName}, {@code variables} and {@code extensions} in the
 * URL run as the same request sent as POST would, with the same authentication and
 * limits. A mutation over GET is refused with 405 and {@code Allow: POST}, as the spec
 * requires: a GET must never change anything.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 2)
class GraphQlGetRequests implements WebFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphQlEndpoint endpoint;

	GraphQlGetRequests(GraphQlEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MultiValueMap<String, String> parameters = request.getQueryParams();
		if (request.getMethod() != HttpMethod.GET || !this.endpoint.isAt(exchange)
				|| !parameters.containsKey("query")) {
			return chain.filter(exchange);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", parameters.getFirst("query"));
		String operationName = parameters.getFirst("operationName");
		if (operationName != null && !operationName.isEmpty()) {
			body.put("operationName", operationName);
		}
		for (String name : List.of("variables", "extensions")) {
			String value = parameters.getFirst(name);
			if (value != null && !value.isEmpty()) {
				JsonNode node = object(value);
				if (node == null) {
					return GraphQlErrorAnswer.write(exchange, HttpStatus.BAD_REQUEST, "BAD_REQUEST",
							"The '" + name + "' parameter must be a JSON object");
				}
				body.put(name, node);
			}
		}
		if (isChange(String.valueOf(body.get("query")), operationName)) {
			exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.POST));
			return GraphQlErrorAnswer.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
					"Mutations change things, so they are sent as POST, never GET");
		}
		return chain.filter(
				new RewrittenRequest(exchange, JSON.writeValueAsBytes(body), MediaType.APPLICATION_JSON).exchange());
	}

	private static @Nullable JsonNode object(String value) {
		try {
			JsonNode node = JSON.readTree(value.getBytes(StandardCharsets.UTF_8));
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Whether the operation to run is a mutation (or subscription). A document that does
	 * not parse is left to the execution, which says why.
	 */
	private static boolean isChange(String query, @Nullable String operationName) {
		Document document;
		try {
			document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
				.document(query)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build());
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		for (OperationDefinition operation : operations) {
			boolean chosen = (operationName == null || operationName.isEmpty()) ? operations.size() == 1
					: operationName.equals(operation.getName());
			if (chosen && operation.getOperation() != OperationDefinition.Operation.QUERY) {
				return true;
			}
		}
		return false;
	}

}
