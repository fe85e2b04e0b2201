package io.rollcall.web;

import java.util.Set;
import java.util.UUID;

import io.rollcall.config.GraphQlErrorAnswer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every failure of a request to the GraphQL endpoint that happens outside GraphQL
 * execution (a body that is not a GraphQL request, an unsupported media type or method, a
 * body over a limit) as GraphQL errors with their own {@code extensions.code}, never
 * Spring's error page nor a stack trace. Anything unexpected is a 500 with an id that is
 * logged beside the details.
 */
@Component
@Order(-2)
class GraphQlHttpErrors implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(GraphQlHttpErrors.class);

	private final GraphQlEndpoint endpoint;

	GraphQlHttpErrors(GraphQlEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!this.endpoint.isAt(exchange)) {
			return Mono.error(ex);
		}
		if (isTooLarge(ex)) {
			return GraphQlErrorAnswer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE",
					"The request is larger than the gateway accepts");
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
			// The endpoint exists: no route matched the method.
			exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.POST));
			return write(exchange, HttpStatus.METHOD_NOT_ALLOWED);
		}
		if (ex instanceof ResponseStatusException status) {
			exchange.getResponse().getHeaders().putAll(status.getHeaders());
			return write(exchange, status.getStatusCode());
		}
		String id = UUID.randomUUID().toString();
		logger.error("Unexpected error " + id + " answering " + exchange.getRequest().getMethod() + " "
				+ this.endpoint.path(), ex);
		return GraphQlErrorAnswer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
				"Internal error " + id + "; the gateway's log has the details");
	}

	private static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Answers a refusal as a GraphQL error with the status's own code and message.
	 * @param exchange the exchange
	 * @param status the refusal's status
	 * @return completion of the answer
	 */
	static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
		return GraphQlErrorAnswer.write(exchange, status, code(status), message(status));
	}

	private static String code(HttpStatusCode status) {
		return switch (status.value()) {
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 413 -> "REQUEST_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL";
		};
	}

	private static String message(HttpStatusCode status) {
		return switch (status.value()) {
			case 405 -> "Send GraphQL requests as POST (queries may also be sent as GET)";
			case 406 -> "The gateway answers application/graphql-response+json or application/json";
			case 415 -> "Send the request as application/json (or a raw document as application/graphql)";
			default -> status.is4xxClientError()
					? "The request is not a GraphQL request: send one JSON object with a \"query\" string, and "
							+ "optionally \"variables\" (an object) and \"operationName\"; batches are not supported"
					: "The gateway could not answer this request";
		};
	}

}
