package io.rollcall.config;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * A refusal answered before GraphQL runs, shaped as GraphQL errors
 * ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}}) in the media type the
 * client asked for: {@code application/graphql-response+json} when it accepts it, else
 * {@code application/json}.
 */
public final class GraphQlErrorAnswer {

	/** The GraphQL over HTTP media type. */
	public static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GraphQlErrorAnswer() {
	}

	/**
	 * Writes the refusal, unless the answer has already begun.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param code the {@code extensions.code}
	 * @param message what the client should know, with no internals
	 * @return completion
	 */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String message) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(mediaType(exchange));
		byte[] body = JSON.writeValueAsBytes(
				Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private static MediaType mediaType(ServerWebExchange exchange) {
		List<MediaType> accepted;
		try {
			accepted = exchange.getRequest().getHeaders().getAccept();
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_JSON;
		}
		for (MediaType type : accepted) {
			if (type.equalsTypeAndSubtype(GRAPHQL_RESPONSE) && type.getQualityValue() > 0) {
				return GRAPHQL_RESPONSE;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
