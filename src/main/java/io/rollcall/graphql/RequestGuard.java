package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import io.rollcall.config.RollcallProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Guards each GraphQL request over HTTP before it is parsed: refuses documents larger
 * than the limit, caps the parser's tokens, and hands the authenticated client's name and
 * role to the execution (for the mutation check and the audit trail); words the parser's
 * and validation's refusals for people ({@link ValidationHints}).
 */
@Component
class RequestGuard implements WebGraphQlInterceptor {

	/** GraphQL context key: whether the authenticated client has the ADMIN role. */
	static final String ADMIN = "rollcall.admin";

	private final int maxDocumentSize;

	private final ValidationHints hints;

	RequestGuard(RollcallProperties properties, ValidationHints hints) {
		this.hints = hints;
		RollcallProperties.Limits limits = properties.limits();
		this.maxDocumentSize = limits.maxDocumentSize();
		// graphql-java reads parser limits from one global default for operations.
		ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxTokens() * 10)
				.maxCharacters(limits.maxDocumentSize())
				.maxRuleDepth(Math.max(50, limits.maxDepth() * 5))));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request.getDocument().length() > this.maxDocumentSize) {
			return Mono.just(refuse(request, "QUERY_TOO_LARGE", "The document has " + request.getDocument().length()
					+ " characters; the limit is " + this.maxDocumentSize));
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.doOnNext((authentication) -> identify(request, authentication))
			.then(Mono.defer(() -> chain.next(request)))
			.map(RequestGuard::labelParserLimits)
			.map(this::hinted);
	}

	private WebGraphQlResponse hinted(WebGraphQlResponse response) {
		if (response.getErrors().isEmpty()) {
			return response;
		}
		List<GraphQLError> improved = this.hints.improve(response.getErrors());
		return (improved != null) ? response.transform((builder) -> builder.errors(improved)) : response;
	}

	private static void identify(WebGraphQlRequest request, Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(ADMIN, admin, MutationController.ACTOR, authentication.getName()))
			.build());
	}

	private static WebGraphQlResponse refuse(WebGraphQlRequest request, String code, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build();
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/**
	 * graphql-java words a parser refusal as a syntax error: give it the limit's own
	 * code.
	 */
	private static WebGraphQlResponse labelParserLimits(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		if (errors.stream().noneMatch(RequestGuard::isParserLimit)) {
			return response;
		}
		return response.transform((builder) -> {
			List<GraphQLError> relabelled = new ArrayList<>();
			for (ResponseError error : errors) {
				Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
				if (isParserLimit(error)) {
					extensions.put("code", "QUERY_TOO_LARGE");
				}
				relabelled.add(GraphqlErrorBuilder.newError()
					.message((error.getMessage() != null) ? error.getMessage() : "")
					.extensions(extensions)
					.build());
			}
			builder.errors(relabelled);
		});
	}

	private static boolean isParserLimit(ResponseError error) {
		String message = error.getMessage();
		return message != null && message.contains("parsing has been cancelled");
	}

}
