package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Group;
import io.rollcall.domain.Part;
import io.rollcall.domain.Role;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Roles and groups, per source.
 */
@Controller
class CatalogController {

	private final Reads reads;

	CatalogController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	Mono<List<Role>> roles(@Argument @Nullable List<String> sources, DataFetchingEnvironment env) {
		return this.reads.views(this.reads.sources(sources, null, "sources"), EnumSet.of(Part.ROLES), env)
			.map((views) -> views.stream().flatMap((view) -> view.roles().stream()).toList());
	}

	@QueryMapping
	Mono<List<Group>> groups(@Argument @Nullable List<String> sources, DataFetchingEnvironment env) {
		List<String> ids = this.reads.sources(sources, null, "sources");
		return this.reads.withNested(env, ids, Reads.Items.GROUPS, "",
				this.reads.views(ids, EnumSet.of(Part.GROUPS), env)
					.map((views) -> views.stream().flatMap((view) -> view.groups().stream()).toList()));
	}

}
