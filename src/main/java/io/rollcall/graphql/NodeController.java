package io.rollcall.graphql;

import org.jspecify.annotations.Nullable;
import java.util.EnumSet;
import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.NodeId;
import io.rollcall.domain.Part;
import io.rollcall.domain.SourceView;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id)}: any user, project, role, group or person by its opaque id.
 */
@Controller
class NodeController {

	private final Reads reads;

	NodeController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	Mono<Object> node(@Argument String id, DataFetchingEnvironment env) {
		NodeId nodeId = Ids.decode(id, "id");
		if (nodeId.kind() == NodeId.Kind.PERSON) {
			return this.reads.people(env).flatMap((people) -> Mono.justOrEmpty(people.get(nodeId.nativeId())));
		}
		if (!this.reads.knows(nodeId.source())) {
			return Mono.empty();
		}
		Part part = switch (nodeId.kind()) {
			case USER -> Part.USERS;
			case PROJECT -> Part.PROJECTS;
			case ROLE -> Part.ROLES;
			case GROUP -> Part.GROUPS;
			case PERSON -> throw new IllegalStateException("people span sources");
		};
		return this.reads.views(List.of(nodeId.source()), EnumSet.of(part), env)
			.flatMap((views) -> Mono.justOrEmpty(views.isEmpty() ? null : find(views.get(0), nodeId)));
	}

	private static @Nullable Object find(SourceView view, NodeId id) {
		return switch (id.kind()) {
			case USER -> view.user(id.nativeId());
			case PROJECT -> view.project(id.nativeId());
			case ROLE -> view.role(id.nativeId());
			case GROUP -> view.group(id.nativeId());
			case PERSON -> null;
		};
	}

}
