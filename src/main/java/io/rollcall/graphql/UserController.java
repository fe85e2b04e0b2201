package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Group;
import io.rollcall.domain.NodeId;
import io.rollcall.domain.Paging;
import io.rollcall.domain.Part;
import io.rollcall.domain.Person;
import io.rollcall.domain.ProjectMembership;
import io.rollcall.domain.Role;
import io.rollcall.domain.Searches;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.domain.UserFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Users: the connection, look-up by id, and every field that needs more of the source's
 * lists, batch-loaded per source.
 */
@Controller
class UserController {

	static final Set<Part> ROLES = EnumSet.of(Part.ROLES);

	static final Set<Part> GROUPS = EnumSet.of(Part.GROUPS);

	static final Set<Part> MEMBERSHIPS = EnumSet.of(Part.USERS, Part.PROJECTS, Part.MEMBERSHIPS, Part.ROLES);

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
		this.reads.prefetch(env, sources, "edges/node/");
		return this.reads.views(sources, Searches.partsFor(given), env)
			.map((views) -> Connection.of(Paging.page(Searches.users(views, given), Searches::userKey, first, after)));
	}

	@QueryMapping
	Mono<User> user(@Argument String id, DataFetchingEnvironment env) {
		NodeId nodeId = Ids.decode(id, "id");
		if (nodeId.kind() != NodeId.Kind.USER || this.reads.directory().source(nodeId.source()).isEmpty()) {
			return Mono.empty();
		}
		return this.reads.views(List.of(nodeId.source()), EnumSet.of(Part.USERS), env)
			.flatMap((views) -> Mono.justOrEmpty(views.isEmpty() ? null : views.get(0).user(nodeId.nativeId())));
	}

	@SchemaMapping(typeName = "User", field = "id")
	String id(User user) {
		return user.id().encode();
	}

	@SchemaMapping(typeName = "User", field = "source")
	SourceInfo source(User user) {
		return this.reads.directory().source(user.source()).orElseThrow();
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<List<Role>> roles(User user, DataFetchingEnvironment env) {
		return this.reads.view(user.source(), ROLES, env).thenApply((view) -> orEmpty(view, (v) -> v.rolesOf(user)));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<List<Group>> groups(User user, DataFetchingEnvironment env) {
		return this.reads.view(user.source(), GROUPS, env).thenApply((view) -> orEmpty(view, (v) -> v.groupsOf(user)));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<List<ProjectMembership>> projects(User user, DataFetchingEnvironment env) {
		return this.reads.view(user.source(), MEMBERSHIPS, env)
			.thenApply((view) -> orEmpty(view, (v) -> v.projectsOf(user)));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<@Nullable Person> person(User user, DataFetchingEnvironment env) {
		String email = user.personKey();
		return (email != null) ? this.reads.person(email, env) : CompletableFuture.completedFuture(null);
	}

	static <T> List<T> orEmpty(@Nullable SourceView view, java.util.function.Function<SourceView, List<T>> read) {
		return (view != null) ? read.apply(view) : List.of();
	}

}
