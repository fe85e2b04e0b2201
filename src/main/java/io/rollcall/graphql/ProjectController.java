package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.NodeId;
import io.rollcall.domain.Paging;
import io.rollcall.domain.Part;
import io.rollcall.domain.Project;
import io.rollcall.domain.ProjectFilter;
import io.rollcall.domain.Searches;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Projects and their members.
 */
@Controller
class ProjectController {

	private final Reads reads;

	ProjectController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	Mono<Connection<Project>> projects(@Argument @Nullable ProjectFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		ProjectFilter given = (filter != null) ? filter : ProjectFilter.NONE;
		List<String> sources = this.reads.sources(given.sources(), given.vendors(), "filter.sources");
		Paging.first(first, after);
		return this.reads.withNested(env, sources, Reads.Items.PROJECTS, "edges/node/",
				this.reads.views(sources, EnumSet.of(Part.PROJECTS), env)
					.map((views) -> Connection
						.of(Paging.page(Searches.projects(views, given), Searches::projectKey, first, after))));
	}

	@QueryMapping
	Mono<Project> project(@Argument String id, DataFetchingEnvironment env) {
		NodeId nodeId = Ids.decode(id, "id");
		if (nodeId.kind() != NodeId.Kind.PROJECT || !this.reads.knows(nodeId.source())) {
			return Mono.empty();
		}
		return this.reads.withNested(env, List.of(nodeId.source()), Reads.Items.PROJECTS, "", this.reads
			.views(List.of(nodeId.source()), EnumSet.of(Part.PROJECTS), env)
			.flatMap((views) -> Mono.justOrEmpty(views.isEmpty() ? null : views.get(0).project(nodeId.nativeId()))));
	}

}
