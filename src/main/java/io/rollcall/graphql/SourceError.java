package io.rollcall.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.SourceException;
import org.jspecify.annotations.Nullable;

/**
 * A failing source, as clients see it: its message, the path of the field that needed it,
 * and {@code extensions: {code, source}} (plus {@code retryAfterSeconds} when rate
 * limited), and nothing else.
 */
final class SourceError implements GraphQLError {

	private static final long serialVersionUID = 1L;

	private final String message;

	private final @Nullable List<Object> path;

	private final Map<String, Object> extensions;

	SourceError(RequestTrace.Failure failure) {
		SourceException error = failure.error();
		this.message = String.valueOf(error.getMessage());
		this.path = failure.path();
		this.extensions = new LinkedHashMap<>();
		this.extensions.put("code", error.code().name());
		this.extensions.put("source", error.source());
		if (error.retryAfterSeconds() != null) {
			this.extensions.put("retryAfterSeconds", error.retryAfterSeconds());
		}
	}

	@Override
	public String getMessage() {
		return this.message;
	}

	@Override
	public @Nullable List<SourceLocation> getLocations() {
		return null;
	}

	/** None: {@code extensions.code} is the classification clients rely on. */
	@Override
	public @Nullable ErrorClassification getErrorType() {
		return null;
	}

	@Override
	public @Nullable List<Object> getPath() {
		return this.path;
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.extensions;
	}

}
