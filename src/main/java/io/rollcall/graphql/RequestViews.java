package io.rollcall.graphql;

import java.util.Objects;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.rollcall.domain.Directory;
import io.rollcall.domain.Generations;
import io.rollcall.domain.Part;
import io.rollcall.domain.Person;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.Searches;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceView;
import org.jspecify.annotations.Nullable;

/**
 * One request's reads of the lists that fields below its root fields need: one load per
 * source and {@link NestedLists}, and one join of everyone into people, each started by
 * the first field (or root field) that asks and shared by every field after it. Fields
 * find a finished load already done and read it without waiting.
 */
final class RequestViews {

	/** GraphQL context key. */
	static final String KEY = RequestViews.class.getName();

	private final Directory directory;

	private final Generations generations;

	private final RequestTrace trace;

	private final Map<NestedLists, Map<String, CompletableFuture<Directory.Loaded>>> loads = new EnumMap<>(
			NestedLists.class);

	private volatile @Nullable CompletableFuture<People> people;

	RequestViews(Directory directory, Generations generations, RequestTrace trace) {
		this.directory = directory;
		this.generations = generations;
		this.trace = trace;
		for (NestedLists lists : NestedLists.values()) {
			this.loads.put(lists, new ConcurrentHashMap<>());
		}
	}

	/**
	 * One source's lists: a source the directory does not know reads as an empty view
	 * with no failure.
	 * @param source the source id
	 * @param lists the lists
	 * @return the load, done or in flight
	 */
	CompletableFuture<Directory.Loaded> load(String source, NestedLists lists) {
		Map<String, CompletableFuture<Directory.Loaded>> bySource = Objects.requireNonNull(this.loads.get(lists));
		CompletableFuture<Directory.Loaded> load = bySource.get(source);
		if (load != null) {
			return load;
		}
		return bySource.computeIfAbsent(source,
				(id) -> this.directory.load(List.of(id), lists.parts(), this.trace)
					.map((loaded) -> loaded.getOrDefault(id, new Directory.Loaded(id, null, null)))
					.toFuture());
	}

	/** Everyone across the sources, joined on the email, and the sources that failed. */
	CompletableFuture<People> people() {
		CompletableFuture<People> people = this.people;
		if (people == null) {
			synchronized (this) {
				people = this.people;
				if (people == null) {
					people = this.directory.load(this.directory.sourceIds(), EnumSet.of(Part.USERS), this.trace)
						.map(this::people)
						.toFuture();
					this.people = people;
				}
			}
		}
		return people;
	}

	private People people(Map<String, Directory.Loaded> loaded) {
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
		return new People(join(this.generations, views), failures);
	}

	/** Everyone in the views, joined once per generation of the sources' cached lists. */
	static Map<String, Person> join(Generations generations, List<SourceView> views) {
		return generations.get(People.class, views, () -> Searches.people(views));
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
