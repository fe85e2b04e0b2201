package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error graphql-java raises before execution an {@code extensions.code}, the
 * names Apollo Server uses so that clients' error links can switch on it
 * ({@code GRAPHQL_PARSE_FAILED}, {@code GRAPHQL_VALIDATION_FAILED},
 * {@code BAD_USER_INPUT} for variables; {@code QUERY_TOO_LARGE} for the parser's limits),
 * and words validation errors for people ({@link ValidationHints}). Errors that have a
 * code keep it.
 */
@Component
class ErrorWording {

	private final ValidationHints hints;

	ErrorWording(ValidationHints hints) {
		this.hints = hints;
	}

	WebGraphQlResponse reword(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		if (errors.isEmpty() || errors.stream().allMatch((error) -> error.getExtensions().containsKey("code"))) {
			return response;
		}
		List<String> messages = this.hints.messages(errors);
		List<GraphQLError> reworded = new ArrayList<>(errors.size());
		for (int i = 0; i < errors.size(); i++) {
			ResponseError error = errors.get(i);
			Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
			String message = messages.get(i);
			extensions.putIfAbsent("code", code(error, message));
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
				.message(message)
				.locations(error.getLocations())
				.path(error.getParsedPath().isEmpty() ? null : error.getParsedPath())
				.extensions(extensions);
			if (error.getErrorType() != null) {
				builder.errorType(error.getErrorType());
			}
			reworded.add(builder.build());
		}
		return response.transform((builder) -> builder.errors(reworded));
	}

	private static String code(ResponseError error, String message) {
		if (message.contains("parsing has been cancelled")) {
			return "QUERY_TOO_LARGE";
		}
		String classification = String.valueOf(error.getErrorType());
		if (classification.equals("InvalidSyntax")) {
			return "GRAPHQL_PARSE_FAILED";
		}
		if (message.startsWith("Variable '")) {
			return "BAD_USER_INPUT";
		}
		if (classification.equals("ValidationError")) {
			return "GRAPHQL_VALIDATION_FAILED";
		}
		return "INTERNAL";
	}

}
