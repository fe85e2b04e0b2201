package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.rollcall.domain.Change;
import io.rollcall.domain.Group;
import io.rollcall.domain.Part;
import io.rollcall.domain.Person;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields below the root: ids, sources, and the lists batch-loaded per source. They
 * are wired as plain data fetchers rather than annotated controller methods because a
 * query resolves them once per item (thousands of times for a page of users), and the
 * annotated invocation costs more than these fields themselves.
 */
@Component
class FieldFetchers implements RuntimeWiringConfigurer {

	private final Reads reads;

	FieldFetchers(Reads reads) {
		this.reads = reads;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("User",
				(type) -> type.dataFetcher("id", item(User.class, (user) -> user.id().encode()))
					.dataFetcher("source", item(User.class, (user) -> source(user.source())))
					.dataFetcher("roles", (env) -> {
						User user = env.getSource();
						return view(user.source(), UserController.ROLES, env, (view) -> view.rolesOf(user));
					})
					.dataFetcher("groups", (env) -> {
						User user = env.getSource();
						return view(user.source(), UserController.GROUPS, env, (view) -> view.groupsOf(user));
					})
					.dataFetcher("projects", (env) -> {
						User user = env.getSource();
						return view(user.source(), UserController.MEMBERSHIPS, env, (view) -> view.projectsOf(user));
					})
					.dataFetcher("person", (env) -> {
						User user = env.getSource();
						String email = user.personKey();
						return (email != null) ? this.reads.person(email, env)
								: CompletableFuture.completedFuture(null);
					}));
		wiring.type("Project",
				(type) -> type.dataFetcher("id", item(Project.class, (p) -> p.id().encode()))
					.dataFetcher("source", item(Project.class, (p) -> source(p.source())))
					.dataFetcher("members", (env) -> {
						Project project = env.getSource();
						return view(project.source(), UserController.MEMBERSHIPS, env,
								(view) -> view.membersOf(project));
					}));
		wiring.type("Role", (type) -> type.dataFetcher("id", item(Role.class, (role) -> role.id().encode()))
			.dataFetcher("source", item(Role.class, (role) -> source(role.source()))));
		wiring.type("Group",
				(type) -> type.dataFetcher("id", item(Group.class, (group) -> group.id().encode()))
					.dataFetcher("source", item(Group.class, (group) -> source(group.source())))
					.dataFetcher("members", (env) -> {
						Group group = env.getSource();
						return view(group.source(), EnumSet.of(Part.USERS, Part.GROUPS), env,
								(view) -> view.membersOf(group));
					}));
		wiring.type("Person",
				(type) -> type.dataFetcher("id", item(Person.class, (person) -> person.id().encode()))
					.dataFetcher("sources",
							item(Person.class, (person) -> person.sourceIds().stream().map(this::source).toList())));
		wiring.type("SourceChange",
				(type) -> type.dataFetcher("source", item(Change.class, (change) -> source(change.source()))));
		wiring.type("PlannedAccount", (type) -> type.dataFetcher("groups", item(User.class, User::groupIds)));
	}

	private SourceInfo source(String id) {
		return this.reads.directory().source(id).orElseThrow();
	}

	private <T> CompletableFuture<List<T>> view(String source, java.util.Set<Part> parts,
			graphql.schema.DataFetchingEnvironment env, Function<SourceView, List<T>> read) {
		return this.reads.view(source, parts, env)
			.thenApply((@Nullable SourceView view) -> (view != null) ? read.apply(view) : List.of());
	}

	/**
	 * A field computed from its item alone: trivial to graphql-java and Spring GraphQL,
	 * which then skip their per-fetch instrumentation and context propagation.
	 */
	private static <S> DataFetcher<Object> item(Class<S> type, Function<S, Object> read) {
		return (TrivialDataFetcher<Object>) (env) -> read.apply(type.cast(env.getSource()));
	}

}
