package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Group;
import io.rollcall.domain.Part;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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
		return this.reads.views(this.reads.sources(sources, null, "sources"), EnumSet.of(Part.GROUPS), env)
			.map((views) -> views.stream().flatMap((view) -> view.groups().stream()).toList());
	}

	@SchemaMapping(typeName = "Role", field = "id")
	String roleId(Role role) {
		return role.id().encode();
	}

	@SchemaMapping(typeName = "Role", field = "source")
	SourceInfo roleSource(Role role) {
		return this.reads.directory().source(role.source()).orElseThrow();
	}

	@SchemaMapping(typeName = "Group", field = "id")
	String groupId(Group group) {
		return group.id().encode();
	}

	@SchemaMapping(typeName = "Group", field = "source")
	SourceInfo groupSource(Group group) {
		return this.reads.directory().source(group.source()).orElseThrow();
	}

	@SchemaMapping(typeName = "Group", field = "members")
	CompletableFuture<List<User>> groupMembers(Group group, DataFetchingEnvironment env) {
		return this.reads.view(group.source(), EnumSet.of(Part.USERS, Part.GROUPS), env)
			.thenApply((@Nullable SourceView view) -> UserController.orEmpty(view, (v) -> v.membersOf(group)));
	}

}
