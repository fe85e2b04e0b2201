package io.rollcall.graphql;

import org.jspecify.annotations.Nullable;
import java.util.Map;

import graphql.GraphQLContext;
import io.rollcall.domain.RequestTrace;
import io.rollcall.web.AnswerCache;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link AnswerCache} which answers it may keep, and which list versions each
 * was computed from (through the {@link AnswerCache.Keep} it puts in the request):
 * answers to queries, with no error, nothing stale and nothing live (health). Mutations'
 * answers and refused requests' are never kept.
 */
@Component
@Order(1)
class KeepableAnswers implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).doOnNext((response) -> {
			Map<String, Long> lists = keepable(response);
			if (lists != null && request.getAttributes().get(AnswerCache.LISTS) instanceof AnswerCache.Keep keep) {
				keep.lists(lists);
			}
		});
	}

	private static @Nullable Map<String, Long> keepable(WebGraphQlResponse response) {
		if (!response.isValid() || !response.getErrors().isEmpty() || !response.getExtensions().isEmpty()) {
			return null;
		}
		GraphQLContext context = response.getExecutionInput().getGraphQLContext();
		RequestTrace trace = context.get(RequestTrace.KEY);
		if (trace == null || trace.isLive() || !Boolean.TRUE.equals(context.get(RequestInstrumentation.QUERY))
				|| trace.lists().containsValue(-1L)) {
			return null;
		}
		return trace.lists();
	}

}
