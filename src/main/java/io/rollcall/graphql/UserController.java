package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.NodeId;
import io.rollcall.domain.Paging;
import io.rollcall.domain.Part;
import io.rollcall.domain.Searches;
import io.rollcall.domain.User;
import io.rollcall.domain.UserFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Users: the connection and look-up by id.
 */
@Controller
class UserController {

	private final Reads reads;

	UserController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	Mono<Connection<User>> users(@Argument @Nullable UserFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		UserFilter given = (filter != null) ? filter : UserFilter.NONE;
		List<String> sources = this.reads.sources(given.sources(), given.vendors(), "filter.sources");
		Paging.first(first, after);
		return this.reads.withNested(env, sources, Reads.Items.USERS, "edges/node/",
				this.reads.views(sources, Searches.partsFor(given), env)
					.map((views) -> Connection
						.of(Paging.page(this.reads.users(views, given), Searches::userKey, first, after))));
	}

	@QueryMapping
	Mono<User> user(@Argument String id, DataFetchingEnvironment env) {
		NodeId nodeId = Ids.decode(id, "id");
		if (nodeId.kind() != NodeId.Kind.USER || !this.reads.knows(nodeId.source())) {
			return Mono.empty();
		}
		return this.reads.withNested(env, List.of(nodeId.source()), Reads.Items.USERS, "", this.reads
			.views(List.of(nodeId.source()), EnumSet.of(Part.USERS), env)
			.flatMap((views) -> Mono.justOrEmpty(views.isEmpty() ? null : views.get(0).user(nodeId.nativeId()))));
	}

}
