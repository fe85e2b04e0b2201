package io.rollcall.graphql;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;

import io.rollcall.domain.Page;

/**
 * A Relay connection: {@code UserConnection}, {@code PersonConnection} and
 * {@code ProjectConnection} all have this shape.
 *
 * @param <T> the node type
 * @param edges the page's edges
 * @param pageInfo where the page stands
 * @param totalCount all matches across the sources that answered
 */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	static <T> Connection<T> of(Page<T> page) {
		List<Edge<T>> edges = new ArrayList<>(page.items().size());
		for (int i = 0; i < page.items().size(); i++) {
			edges.add(new Edge<>(page.cursors().get(i), page.items().get(i)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new PageInfo(page.hasNext(), page.hasPrevious(), start, end), page.total());
	}

	record Edge<T>(String cursor, T node) {
	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}
