package io.rollcall.graphql;

import java.util.Objects;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.rollcall.domain.BulkResult;
import io.rollcall.domain.Change;
import io.rollcall.domain.Group;
import io.rollcall.domain.Person;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields below the root: ids, sources, and the lists read once per source and
 * request. They are wired as plain, trivial data fetchers rather than annotated
 * controller methods because a query resolves them once per item (thousands of times for
 * a page of users), and the annotated invocation, Spring's context propagation and
 * graphql-java's per-fetch instrumentation cost more than these fields themselves.
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
					.dataFetcher("roles", nested(User.class, User::source, NestedLists.ROLES, SourceView::rolesOf))
					.dataFetcher("groups", nested(User.class, User::source, NestedLists.GROUPS, SourceView::groupsOf))
					.dataFetcher("projects",
							nested(User.class, User::source, NestedLists.MEMBERSHIPS, SourceView::projectsOf))
					.dataFetcher("person", (TrivialDataFetcher<Object>) (env) -> {
						String email = Objects.requireNonNull(env.<User>getSource()).personKey();
						return (email != null) ? this.reads.person(email, env) : null;
					}));
		wiring.type("Project",
				(type) -> type.dataFetcher("id", item(Project.class, (p) -> p.id().encode()))
					.dataFetcher("source", item(Project.class, (p) -> source(p.source())))
					.dataFetcher("members",
							nested(Project.class, Project::source, NestedLists.MEMBERSHIPS, SourceView::membersOf)));
		wiring.type("Role", (type) -> type.dataFetcher("id", item(Role.class, (role) -> role.id().encode()))
			.dataFetcher("source", item(Role.class, (role) -> source(role.source()))));
		wiring.type("Group",
				(type) -> type.dataFetcher("id", item(Group.class, (group) -> group.id().encode()))
					.dataFetcher("source", item(Group.class, (group) -> source(group.source())))
					.dataFetcher("members",
							nested(Group.class, Group::source, NestedLists.GROUP_MEMBERS, SourceView::membersOf)));
		wiring.type("Person",
				(type) -> type.dataFetcher("id", item(Person.class, (person) -> person.id().encode()))
					.dataFetcher("sources",
							item(Person.class, (person) -> person.sourceIds().stream().map(this::source).toList())));
		wiring.type("SourceChange",
				(type) -> type.dataFetcher("source", item(Change.class, (change) -> source(change.source()))));
		wiring.type("SourceChangeTotals", (type) -> type.dataFetcher("source",
				item(BulkResult.SourceTotals.class, (totals) -> source(totals.source()))));
		wiring.type("PlannedAccount", (type) -> type.dataFetcher("groups", item(User.class, User::groupIds)));
	}

	private SourceInfo source(String id) {
		return this.reads.source(id);
	}

	/**
	 * A list field read from its item's source's lists: from memory once they are in,
	 * which is why it is trivial to graphql-java and Spring GraphQL too.
	 */
	private <S, T> DataFetcher<Object> nested(Class<S> type, Function<S, String> source, NestedLists lists,
			BiFunction<SourceView, S, List<T>> read) {
		return (TrivialDataFetcher<Object>) (env) -> {
			S item = type.cast(env.getSource());
			return this.reads.nested(source.apply(item), lists, env, (view) -> read.apply(view, item));
		};
	}

	/**
	 * A field computed from its item alone: trivial to graphql-java and Spring GraphQL,
	 * which then skip their per-fetch instrumentation and context propagation.
	 */
	private static <S> DataFetcher<Object> item(Class<S> type, Function<S, Object> read) {
		return (TrivialDataFetcher<Object>) (env) -> read.apply(type.cast(env.getSource()));
	}

}
