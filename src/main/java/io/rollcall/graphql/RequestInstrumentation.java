package io.rollcall.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import io.rollcall.domain.RequestTrace;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What Rollcall adds around each execution: the {@link QueryLimits} checks before a new
 * document is validated and before any field runs; a {@link RequestTrace}; and, when it
 * ends, one error per failing source (with the path of the first field that needed it)
 * and {@code extensions.stale} for sources answered from a cache entry that could not be
 * refreshed. Works the same over HTTP and in-process.
 */
@Component
class RequestInstrumentation extends SimplePerformantInstrumentation {

	/** GraphQL context key: present when the operation run is a query. */
	static final String QUERY = "rollcall.query";

	private final QueryLimits limits;

	RequestInstrumentation(QueryLimits limits) {
		this.limits = limits;
	}

	/**
	 * Refuses documents over the limits before graphql-java's validation walks them: a
	 * few hundred characters can spread fragments billions of times.
	 */
	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		this.limits.checkDocument(parameters.getDocument(), parameters.getSchema());
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * Refuses operations over the limits before any field is fetched. (One
	 * instrumentation for both jobs: graphql-java calls a chain of several for every
	 * field.)
	 */
	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		this.limits.check(parameters.getExecutionContext());
		if (parameters.getExecutionContext()
			.getOperationDefinition()
			.getOperation() == graphql.language.OperationDefinition.Operation.QUERY) {
			parameters.getExecutionContext().getGraphQLContext().put(QUERY, true);
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		parameters.getGraphQLContext().put(RequestTrace.KEY, new RequestTrace());
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		RequestTrace trace = parameters.getGraphQLContext().get(RequestTrace.KEY);
		if (trace == null || (trace.failures().isEmpty() && trace.stale().isEmpty())) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>(result.getErrors());
		trace.failures().forEach((failure) -> errors.add(toError(failure)));
		Map<Object, Object> extensions = new LinkedHashMap<>();
		if (result.getExtensions() != null) {
			extensions.putAll(result.getExtensions());
		}
		if (!trace.stale().isEmpty()) {
			List<Map<String, Object>> stale = new ArrayList<>();
			trace.stale()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> stale
					.add(Map.of("source", entry.getKey(), "ageSeconds", seconds(entry.getValue()))));
			extensions.put("stale", stale);
		}
		return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
			.from(result)
			.errors(errors)
			.extensions(extensions.isEmpty() ? null : extensions)
			.build());
	}

	static GraphQLError toError(RequestTrace.Failure failure) {
		return new SourceError(failure);
	}

	private static long seconds(Duration age) {
		return Math.max(0, age.toSeconds());
	}

}
