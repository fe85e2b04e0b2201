package io.rollcall.web;

import org.jspecify.annotations.Nullable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;

import io.rollcall.config.GraphQlErrorAnswer;
import io.rollcall.config.RollcallProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads the body of each GraphQL request before Spring for GraphQL decodes it: a body
 * over {@code rollcall.server.max-request-size} is refused with 413 (as soon as its
 * {@code Content-Length} says so, else when the bytes read pass the limit), an empty body
 * with 400, and a raw document sent as {@code application/graphql} (the legacy form of
 * GraphQL over HTTP) runs as if it were {@code {"query": <document>}}. Runs after
 * authentication, so nobody unauthenticated gets as far as the body.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class GraphQlRequestBodies implements WebFilter {

	/** Exchange attribute: the request body as forwarded, for the {@link AnswerCache}. */
	static final String BODY = GraphQlRequestBodies.class.getName() + ".body";

	private static final Log logger = LogFactory.getLog(GraphQlRequestBodies.class);

	private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphQlEndpoint endpoint;

	private final int maxRequestSize;

	GraphQlRequestBodies(RollcallProperties properties, GraphQlEndpoint endpoint) {
		this.endpoint = endpoint;
		this.maxRequestSize = (int) properties.server().maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !this.endpoint.isAt(exchange)) {
			return chain.filter(exchange);
		}
		long declared = request.getHeaders().getContentLength();
		if (declared > this.maxRequestSize) {
			return tooLarge(exchange, declared);
		}
		return DataBufferUtils.join(request.getBody(), this.maxRequestSize)
			.map(GraphQlRequestBodies::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> forward(exchange, chain, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(exchange, -1));
	}

	private Mono<Void> forward(ServerWebExchange exchange, WebFilterChain chain, byte[] body) {
		if (isBlank(body)) {
			return GraphQlErrorAnswer.write(exchange, HttpStatus.BAD_REQUEST, "BAD_REQUEST",
					"The request has no body: send a JSON object such as {\"query\": \"{ sources { id } }\"}");
		}
		ServerHttpRequest request = exchange.getRequest();
		MediaType type = contentType(request);
		byte[] forwarded = body;
		MediaType forwardedType = null;
		if (type != null && type.equalsTypeAndSubtype(APPLICATION_GRAPHQL) && !isJsonObject(body)) {
			String document = utf8(body);
			if (document == null) {
				return GraphQlErrorAnswer.write(exchange, HttpStatus.BAD_REQUEST, "BAD_REQUEST",
						"The application/graphql body is not UTF-8 text");
			}
			forwarded = JSON.writeValueAsBytes(Map.of("query", document));
			forwardedType = MediaType.APPLICATION_JSON;
		}
		exchange.getAttributes().put(BODY, forwarded);
		return chain.filter(new RewrittenRequest(exchange, forwarded, forwardedType).exchange());
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long declared) {
		logger.warn("Refused a GraphQL request body " + ((declared > 0) ? "of " + declared + " bytes" : "")
				+ " over rollcall.server.max-request-size (" + this.maxRequestSize + " bytes)");
		return GraphQlErrorAnswer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE",
				"The request body is larger than the gateway accepts (" + this.maxRequestSize
						+ " bytes); send a smaller document or fewer variables");
	}

	private static @Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the body is a JSON object: some clients label JSON requests
	 * {@code application/graphql}, and Spring for GraphQL reads those as JSON.
	 */
	private static boolean isJsonObject(byte[] body) {
		try {
			JsonNode node = JSON.readTree(body);
			return node != null && node.isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static @Nullable String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
