package io.rollcall.graphql;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import io.rollcall.config.RollcallProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Guards each GraphQL request over HTTP before it is parsed: refuses documents larger
 * than the limit, caps the parser's tokens, and hands the authenticated client's name and
 * role to the execution (for the mutation check and the audit trail); and gives the
 * parser's and validation's refusals their codes ({@link ErrorWording}).
 */
@Component
@Order(0)
class RequestGuard implements WebGraphQlInterceptor {

	/** GraphQL context key: whether the authenticated client has the ADMIN role. */
	static final String ADMIN = "rollcall.admin";

	private final int maxDocumentSize;

	private final ErrorWording wording;

	RequestGuard(RollcallProperties properties, ErrorWording wording) {
		this.wording = wording;
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
			.map(this.wording::reword);
	}

	/**
	 * Whether the request may change things and read the audit trail: anyone without an
	 * authenticated client (security off), otherwise only ADMIN.
	 * @param context the request's GraphQL context
	 * @return whether it may
	 */
	static boolean admin(GraphQLContext context) {
		Boolean admin = context.get(ADMIN);
		return admin == null || admin;
	}

	private static void identify(WebGraphQlRequest request, Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(ADMIN, admin, MutationController.ACTOR, authentication.getName()))
			.build());
	}

	/**
	 * An answer with one error, before anything is parsed.
	 * @param request the request
	 * @param code the {@code extensions.code}
	 * @param message what the client should know
	 * @return the answer
	 */
	static WebGraphQlResponse refuse(WebGraphQlRequest request, String code, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build();
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
