package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Part;
import io.rollcall.domain.Person;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.Searches;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.Vendor;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The controllers' one collaborator for reading: it resolves which sources a question
 * needs, reads them through the directory, and batch-loads per-item data: within one
 * request every field that needs a source's lists shares one load of that source.
 */
@Component
class Reads {

	private static final String VIEWS = "sourceViews";

	private static final String PEOPLE = "people";

	private final Directory directory;

	Reads(Directory directory, BatchLoaderRegistry loaders) {
		this.directory = directory;
		loaders.<ViewKey, Directory.Loaded>forName(VIEWS).registerMappedBatchLoader(this::loadViews);
		loaders.<PeopleKey, People>forName(PEOPLE).registerMappedBatchLoader(this::loadPeople);
	}

	Directory directory() {
		return this.directory;
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
	 * Starts reading, right away, the lists that fields below a root field will ask for,
	 * so a source's dependent calls (e.g. Testmo's project users after its projects) run
	 * beside the root field's own reads instead of after them. The field resolvers then
	 * join these reads in flight; nothing is read twice.
	 * @param env the root field
	 * @param sources the sources its items come from
	 * @param userPath where users sit below the root field, e.g. {@code edges/node/}
	 */
	void prefetch(DataFetchingEnvironment env, Collection<String> sources, String userPath) {
		List<Set<Part>> wanted = new ArrayList<>();
		Selections selection = new Selections(env);
		if (selection.contains(userPath + "roles")) {
			wanted.add(UserController.ROLES);
		}
		if (selection.contains(userPath + "groups")) {
			wanted.add(UserController.GROUPS);
		}
		if (selection.contains(userPath + "projects") || selection.contains("edges/node/members")) {
			wanted.add(UserController.MEMBERSHIPS);
		}
		RequestTrace trace = trace(env.getGraphQlContext());
		for (Set<Part> parts : wanted) {
			// Failures surface when the fields ask; here they are only let go.
			this.directory.load(sources, parts, trace).subscribe((loaded) -> {
			}, (ex) -> {
			});
		}
		if (selection.contains(userPath + "person")) {
			this.directory.load(this.directory.sourceIds(), EnumSet.of(Part.USERS), trace).subscribe((loaded) -> {
			}, (ex) -> {
			});
		}
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
	 * One source's lists, batch-loaded: every field of a request that asks for the same
	 * lists of the same source shares one load.
	 * @param source the source id
	 * @param parts the lists
	 * @param env the field asking
	 * @return the view, or null when the source failed (its error is then on the
	 * response)
	 */
	CompletableFuture<@Nullable SourceView> view(String source, Set<Part> parts, DataFetchingEnvironment env) {
		DataLoader<ViewKey, Directory.Loaded> loader = env.getDataLoader(VIEWS);
		return loader.load(new ViewKey(source, EnumSet.copyOf(parts))).thenApply((loaded) -> {
			if (loaded.error() != null) {
				trace(env.getGraphQlContext()).failed(loaded.error(), path(env));
			}
			return loaded.view();
		});
	}

	/**
	 * The person an email belongs to, joined across every source; batch-loaded once per
	 * request.
	 * @param email the normalized email
	 * @param env the field asking
	 * @return the person, or null
	 */
	CompletableFuture<@Nullable Person> person(String email, DataFetchingEnvironment env) {
		DataLoader<PeopleKey, People> loader = env.getDataLoader(PEOPLE);
		return loader.load(PeopleKey.ALL).thenApply((people) -> {
			people.failures().forEach((failure) -> trace(env.getGraphQlContext()).failed(failure, path(env)));
			return people.byEmail().get(email);
		});
	}

	/** Every person across the sources, for root fields. */
	Mono<Map<String, Person>> people(DataFetchingEnvironment env) {
		return views(this.directory.sourceIds(), EnumSet.of(Part.USERS), env).map(this::people);
	}

	private Mono<Map<ViewKey, Directory.Loaded>> loadViews(Set<ViewKey> keys, BatchLoaderEnvironment env) {
		RequestTrace trace = trace(env.getContext());
		Map<Set<Part>, Set<String>> sourcesByParts = new HashMap<>();
		keys.forEach(
				(key) -> sourcesByParts.computeIfAbsent(key.parts(), (p) -> new LinkedHashSet<>()).add(key.source()));
		return Flux.fromIterable(sourcesByParts.entrySet())
			.flatMap((entry) -> this.directory.load(entry.getValue(), entry.getKey(), trace)
				.map((loaded) -> Map.entry(entry.getKey(), loaded)))
			.collect(HashMap<ViewKey, Directory.Loaded>::new,
					(result, entry) -> entry.getValue()
						.forEach((source, loaded) -> result.put(new ViewKey(source, entry.getKey()), loaded)))
			.map((result) -> {
				// A key for a source the directory does not know answers as an empty
				// failure-free view.
				keys.stream()
					.filter((key) -> !result.containsKey(key))
					.forEach((key) -> result.put(key, new Directory.Loaded(key.source(), null, null)));
				return result;
			});
	}

	private Mono<Map<PeopleKey, People>> loadPeople(Set<PeopleKey> keys, BatchLoaderEnvironment env) {
		RequestTrace trace = trace(env.getContext());
		return this.directory.load(this.directory.sourceIds(), EnumSet.of(Part.USERS), trace).map((loaded) -> {
			List<SourceView> views = new ArrayList<>();
			List<SourceException> failures = new ArrayList<>();
			loaded.values().forEach((each) -> {
				if (each.view() != null) {
					views.add(each.view());
				}
				if (each.error() != null) {
					failures.add(each.error());
				}
			});
			return Map.of(PeopleKey.ALL, new People(people(views), failures));
		});
	}

	/** Everyone, joined once per generation of the sources' cached lists. */
	private Map<String, Person> people(List<SourceView> views) {
		return this.directory.memo(PeopleKey.ALL, views, () -> Searches.people(views));
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
	 * Which lists of which source a field needs.
	 *
	 * @param source the source id
	 * @param parts the lists
	 */
	record ViewKey(String source, Set<Part> parts) {
	}

	/** The one key of the people loader: everyone. */
	enum PeopleKey {

		ALL

	}

	/**
	 * Everyone, and the sources that could not be read.
	 *
	 * @param byEmail people by normalized email
	 * @param failures sources that failed
	 */
	record People(Map<String, Person> byEmail, List<SourceException> failures) {
	}

}
