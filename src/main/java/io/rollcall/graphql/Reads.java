package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Generations;
import io.rollcall.domain.Part;
import io.rollcall.domain.Person;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.Searches;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.domain.UserFilter;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The controllers' one collaborator for reading: it resolves which sources a question
 * needs, reads them through the directory, and reads per-item data once per source:
 * within one request every field that needs a source's lists shares one load of them (a
 * {@link RequestViews}). A root field also reads, beside its own lists, those its
 * selection's fields below will need, and answers when both are in, so those fields
 * resolve from memory: no future, batch round or reactive adapter per field.
 */
@Component
class Reads {

	private final Directory directory;

	/** Sort orders and joins of the views, kept per generation of the cached lists. */
	private final Generations generations = new Generations();

	Reads(Directory directory) {
		this.directory = directory;
	}

	/** Whether a source is configured. */
	boolean knows(String source) {
		return this.directory.source(source).isPresent();
	}

	/** A configured source. */
	SourceInfo source(String id) {
		return this.directory.source(id).orElseThrow();
	}

	/** A source as configured now, if it still is. */
	Optional<SourceInfo> sourceInfo(String id) {
		return this.directory.source(id);
	}

	/** Every source's id, in source order. */
	List<String> allSources() {
		return this.directory.sourceIds();
	}

	/**
	 * The users of the views that match a filter; everyone's merged order is kept per
	 * generation of the cached lists.
	 */
	List<User> users(List<SourceView> views, UserFilter filter) {
		if (!filter.equals(UserFilter.NONE)) {
			return Searches.users(views, filter);
		}
		return this.generations.get(List.of("users", views.size()), views, () -> Searches.users(views, filter));
	}

	/**
	 * The sources a filter names, checked: every source when it names none.
	 * @param ids source ids, or null
	 * @param vendors vendors, or null
	 * @param argument the argument's name, for errors
	 * @return the source ids, in source order
	 */
	List<String> sources(@Nullable Collection<String> ids, @Nullable Collection<Vendor> vendors, String argument) {
		if (ids != null) {
			this.directory.requireKnown(ids, argument);
		}
		List<String> result = new ArrayList<>();
		for (SourceInfo source : this.directory.sources()) {
			if ((ids == null || ids.contains(source.id())) && (vendors == null || vendors.contains(source.vendor()))) {
				result.add(source.id());
			}
		}
		return result;
	}

	/**
	 * A root field's answer, given once the lists its selection reads below it are in
	 * too. Those reads start right away, beside the root field's own, so a source's
	 * dependent calls (e.g. Testmo's project users after its projects) do not wait for
	 * the root field's answer; a failing source surfaces at the fields that needed it.
	 * @param <T> the root field's answer
	 * @param env the root field
	 * @param sources the sources its items come from
	 * @param items what its items are
	 * @param path where the items sit below the root field, e.g. {@code edges/node/}
	 * @param answer the root field's own answer
	 * @return the answer, once the lists below are in as well
	 */
	<T> Mono<T> withNested(DataFetchingEnvironment env, Collection<String> sources, Items items, String path,
			Mono<T> answer) {
		Set<NestedLists> lists = EnumSet.noneOf(NestedLists.class);
		boolean person = items.wanted(new Selections(env), path, lists);
		if (lists.isEmpty() && !person) {
			return answer;
		}
		RequestViews views = views(env.getGraphQlContext());
		List<CompletableFuture<?>> loads = new ArrayList<>();
		for (NestedLists each : lists) {
			sources.forEach((source) -> loads.add(views.load(source, each)));
		}
		if (person) {
			loads.add(views.people());
		}
		CompletableFuture<Boolean> ready = CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
			.handle((done, ex) -> Boolean.TRUE);
		return Mono.zip(answer, Mono.fromFuture(ready, true), (result, loaded) -> result);
	}

	/**
	 * Reads the same lists of several sources at once for a root field.
	 * @param ids the sources
	 * @param parts the lists
	 * @param env the field, whose path failing sources' errors carry
	 * @return the views of the sources that answered
	 */
	Mono<List<SourceView>> views(Collection<String> ids, Set<Part> parts, DataFetchingEnvironment env) {
		return this.directory.views(ids, parts, trace(env.getGraphQlContext()), path(env));
	}

	/**
	 * A field's items from one source's lists: the items themselves when the lists are in
	 * (as a root field's preload sees to), else a future of them.
	 * @param <T> the items
	 * @param source the source id
	 * @param lists the lists
	 * @param env the field asking
	 * @param read the items, from the view
	 * @return the items (empty when the source failed: its error is then on the
	 * response), or a future of them
	 */
	<T> @Nullable Object nested(String source, NestedLists lists, DataFetchingEnvironment env,
			Function<SourceView, List<T>> read) {
		if (env.getLocalContext() instanceof PastViews past) {
			SourceView view = past.view(source);
			return (view != null) ? read.apply(view) : List.of();
		}
		return now(views(env.getGraphQlContext()).load(source, lists), (loaded) -> {
			if (loaded.error() != null) {
				trace(env.getGraphQlContext()).failed(loaded.error(), path(env));
			}
			return (loaded.view() != null) ? read.apply(loaded.view()) : List.of();
		});
	}

	/**
	 * The person an email belongs to, joined across every source once per request.
	 * @param email the normalized email
	 * @param env the field asking
	 * @return the person, null, or a future of either
	 */
	@Nullable Object person(String email, DataFetchingEnvironment env) {
		if (env.getLocalContext() instanceof PastViews past) {
			return past.person().email().equals(email) ? past.person() : null;
		}
		return now(views(env.getGraphQlContext()).people(), (people) -> {
			people.failures().forEach((failure) -> trace(env.getGraphQlContext()).failed(failure, path(env)));
			return people.byEmail().get(email);
		});
	}

	/** Every person across the sources, for root fields. */
	Mono<Map<String, Person>> people(DataFetchingEnvironment env) {
		return views(this.directory.sourceIds(), EnumSet.of(Part.USERS), env)
			.map((views) -> RequestViews.join(this.generations, views));
	}

	private RequestViews views(GraphQLContext context) {
		return context.computeIfAbsent(RequestViews.KEY,
				(key) -> new RequestViews(this.directory, this.generations, trace(context)));
	}

	/** The value now when the load is done, else a future of it. */
	private static <T> @Nullable Object now(CompletableFuture<T> load, Function<T, @Nullable Object> read) {
		if (load.isDone() && !load.isCompletedExceptionally()) {
			return read.apply(load.join());
		}
		return load.thenApply(read);
	}

	static RequestTrace trace(@Nullable Object context) {
		if (context instanceof GraphQLContext graphQlContext) {
			RequestTrace trace = graphQlContext.get(RequestTrace.KEY);
			if (trace != null) {
				return trace;
			}
		}
		// Outside an HTTP request (e.g. a test calling the engine directly): a throwaway
		// trace.
		return new RequestTrace();
	}

	private static List<Object> path(DataFetchingEnvironment env) {
		return env.getExecutionStepInfo().getPath().toList();
	}

	/**
	 * What a root field's items are, and so which fields below them read more lists.
	 */
	enum Items {

		USERS, PROJECTS, GROUPS, PEOPLE;

		/**
		 * Adds the lists the selection reads below items at a path, and says whether it
		 * asks for people.
		 */
		boolean wanted(Selections selection, String path, Set<NestedLists> lists) {
			return switch (this) {
				case USERS -> {
					add(selection, path + "roles", NestedLists.ROLES, lists);
					add(selection, path + "groups", NestedLists.GROUPS, lists);
					add(selection, path + "projects", NestedLists.MEMBERSHIPS, lists);
					yield selection.contains(path + "person");
				}
				case PROJECTS -> {
					add(selection, path + "members", NestedLists.MEMBERSHIPS, lists);
					yield USERS.wanted(selection, path + "members/user/", lists);
				}
				case GROUPS -> {
					add(selection, path + "members", NestedLists.GROUP_MEMBERS, lists);
					yield USERS.wanted(selection, path + "members/", lists);
				}
				case PEOPLE -> USERS.wanted(selection, path + "accounts/", lists);
			};
		}

		private static void add(Selections selection, String path, NestedLists each, Set<NestedLists> lists) {
			if (selection.contains(path)) {
				lists.add(each);
			}
		}

	}

}
