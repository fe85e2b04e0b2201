package io.rollcall.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.SourceException;
import io.rollcall.history.HistoryUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: bad arguments into {@code BAD_USER_INPUT} naming
 * the argument, source failures into their code, and anything unexpected into
 * {@code INTERNAL} with an id that is also logged, never a class name or stack trace.
 */
@Component
class ErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(ErrorResolver.class);

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidInputException invalid) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", "BAD_USER_INPUT");
			extensions.put("argument", invalid.argument());
			if (!invalid.problems().isEmpty()) {
				extensions.put("problems", invalid.problems().stream().map(ErrorResolver::problem).toList());
			}
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.extensions(extensions)
				.build();
		}
		if (ex instanceof HistoryUnavailableException unavailable) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message(unavailable.getMessage())
				.extensions(Map.of("code", "HISTORY_UNAVAILABLE"))
				.build();
		}
		if (ex instanceof Forbidden forbidden) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.FORBIDDEN)
				.message(forbidden.getMessage())
				.extensions(Map.of("code", "FORBIDDEN"))
				.build();
		}
		if (ex instanceof SourceException failure) {
			return RequestInstrumentation
				.toError(new RequestTrace.Failure(failure, env.getExecutionStepInfo().getPath().toList()));
		}
		String id = UUID.randomUUID().toString();
		logger.error("Unexpected error " + id + " at " + env.getExecutionStepInfo().getPath(), ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error " + id + "; the gateway's log has the details")
			.extensions(Map.of("code", "INTERNAL", "errorId", id))
			.build();
	}

	private static Map<String, Object> problem(InvalidInputException.Problem problem) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("argument", problem.argument());
		if (problem.value() != null) {
			entry.put("value", problem.value());
		}
		entry.put("message", problem.message());
		return entry;
	}

}
