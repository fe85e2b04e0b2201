package io.rollcall.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every configured source, and the fan-out over them: reads go to all the sources a
 * question needs at once, and a failing source costs only its own data.
 */
public final class Directory {

	private final Map<String, Connector> connectors;

	private final Map<String, HealthTracker> health;

	private final List<String> order;

	private final Map<Object, Memo> memos = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Makes a directory.
	 * @param connectors one connector per source, in the order sources are listed
	 * @param health each source's health tracker, by source id
	 */
	public Directory(List<Connector> connectors, Map<String, HealthTracker> health) {
		Map<String, Connector> byId = new LinkedHashMap<>();
		connectors.forEach((connector) -> byId.put(connector.info().id(), connector));
		this.connectors = Map.copyOf(byId);
		this.health = Map.copyOf(health);
		this.order = List.copyOf(byId.keySet());
	}

	public List<SourceInfo> sources() {
		return this.order.stream().map((id) -> this.connectors.get(id).info()).toList();
	}

	public List<String> sourceIds() {
		return this.order;
	}

	public Optional<SourceInfo> source(String id) {
		return connector(id).map(Connector::info);
	}

	/**
	 * Checks that a client named only configured sources.
	 * @param ids the source ids a client sent
	 * @param argument the argument's name, for the error
	 * @throws InvalidInputException naming the first unknown id and the known ones
	 */
	public void requireKnown(Collection<String> ids, String argument) {
		for (String id : ids) {
			if (!this.connectors.containsKey(id)) {
				throw new InvalidInputException(argument,
						"Unknown source '" + id + "'; known sources: " + String.join(", ", this.order));
			}
		}
	}

	public Optional<Connector> connector(String id) {
		return Optional.ofNullable(this.connectors.get(id));
	}

	/**
	 * A source's health, probing it with a cheap call when the gateway has not talked to
	 * it lately.
	 * @param id the source id
	 * @param freshness how recent a call must be to skip the probe
	 * @return the health after the probe, if one was needed
	 */
	public Mono<SourceHealth> liveHealth(String id, Duration freshness) {
		Connector connector = this.connectors.get(id);
		HealthTracker tracker = this.health.get(id);
		if (connector == null || tracker == null) {
			return Mono.just(SourceHealth.UNKNOWN);
		}
		if (tracker.checkedWithin(freshness)) {
			return Mono.just(tracker.current());
		}
		return connector.probe().onErrorResume((ex) -> Mono.empty()).then(Mono.fromSupplier(tracker::current));
	}

	/**
	 * Reads the parts of one source, the independent lists in parallel. A list that fails
	 * is read as empty and the failure kept beside the view, so that fields needing only
	 * the other lists still answer.
	 * @param id the source id
	 * @param parts what to read
	 * @return the source's view and its first failure, if any
	 */
	public Mono<Loaded> view(String id, Set<Part> parts) {
		Connector connector = this.connectors.get(id);
		if (connector == null) {
			return Mono.error(new IllegalArgumentException("Unknown source " + id));
		}
		AtomicReference<@Nullable SourceException> failure = new AtomicReference<>();
		Mono<List<User>> users = parts.contains(Part.USERS) ? guard(id, Part.USERS, connector.users(), failure)
				: Mono.just(List.of());
		boolean needsProjects = parts.contains(Part.PROJECTS) || parts.contains(Part.MEMBERSHIPS);
		Mono<List<Project>> projects = needsProjects ? connector.projects().cache() : Mono.just(List.of());
		Mono<List<Role>> roles = parts.contains(Part.ROLES) ? guard(id, Part.ROLES, connector.roles(), failure)
				: Mono.just(List.of());
		Mono<List<Group>> groups = parts.contains(Part.GROUPS) ? guard(id, Part.GROUPS, connector.groups(), failure)
				: Mono.just(List.of());
		Mono<List<Membership>> memberships = parts.contains(Part.MEMBERSHIPS)
				? guard(id, Part.MEMBERSHIPS, projects.flatMap(connector::memberships), failure) : Mono.just(List.of());
		ViewKey key = new ViewKey(id, Set.copyOf(parts));
		return Mono.zip(users, guard(id, Part.PROJECTS, projects, failure), roles, groups, memberships).map((t) -> {
			List<List<?>> lists = List.of(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5());
			if (failure.get() != null) {
				return new Loaded(id,
						new SourceView(connector.info(), t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()),
						failure.get());
			}
			SourceView view = memo(key, lists,
					() -> new SourceView(connector.info(), t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()));
			return new Loaded(id, view, null);
		});
	}

	/**
	 * Something computed from lists, kept for as long as the lists are the very same
	 * objects: the cache hands out the same lists until it reads new ones, so an index or
	 * a join is built once per cache generation instead of once per request.
	 * @param <T> what is computed
	 * @param key what it is
	 * @param inputs the lists (or views) it is computed from, compared by identity
	 * @param compute computes it
	 * @return the kept value, or a fresh one
	 */
	@SuppressWarnings("unchecked")
	public <T> T memo(Object key, List<?> inputs, java.util.function.Supplier<T> compute) {
		Memo memo = this.memos.get(key);
		if (memo != null && memo.sameInputs(inputs)) {
			return (T) memo.value();
		}
		T value = compute.get();
		this.memos.put(key, new Memo(List.copyOf(inputs), value));
		return value;
	}

	private record ViewKey(String source, Set<Part> parts) {
	}

	private record Memo(List<?> inputs, Object value) {

		boolean sameInputs(List<?> others) {
			if (others.size() != this.inputs.size()) {
				return false;
			}
			for (int i = 0; i < others.size(); i++) {
				if (others.get(i) != this.inputs.get(i)) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Reads one list; a failure is kept beside the view, and noted in the request's trace
	 * so that the same request does not ask the vendor for that list again.
	 */
	private static <T> Mono<List<T>> guard(String id, Part part, Mono<List<T>> list,
			AtomicReference<@Nullable SourceException> failure) {
		return Mono.deferContextual((context) -> {
			RequestTrace trace = context.getOrDefault(RequestTrace.KEY, null);
			SourceException known = (trace != null) ? trace.failedList(id, part) : null;
			return ((known != null) ? Mono.<List<T>>error(known) : list).onErrorResume((ex) -> {
				SourceException error = (ex instanceof SourceException sourceError) ? sourceError : unreadable(id, ex);
				failure.compareAndSet(null, error);
				if (trace != null) {
					trace.listFailed(part, error);
				}
				return Mono.just(List.of());
			});
		});
	}

	/**
	 * Reads the same parts of several sources in parallel; a source that fails is noted
	 * in the trace and left out.
	 * @param ids the sources, in the order the answer should keep
	 * @param parts what to read
	 * @param trace where failures are noted
	 * @param path the field that asked, for the error's path
	 * @return the views of the sources that answered
	 */
	public Mono<List<SourceView>> views(Collection<String> ids, Set<Part> parts, RequestTrace trace,
			@Nullable List<Object> path) {
		return load(ids, parts, trace).map((loaded) -> {
			List<SourceView> views = new ArrayList<>(loaded.size());
			for (Loaded each : loaded.values()) {
				// A root field cannot answer from part of a source's lists: the source is
				// left out.
				if (each.error() != null) {
					trace.failed(each.error(), path);
				}
				else if (each.view() != null) {
					views.add(each.view());
				}
			}
			return views;
		});
	}

	/**
	 * Reads the same parts of several sources in parallel, keeping each source's failure
	 * beside the others' views.
	 * @param ids the sources
	 * @param parts what to read
	 * @param trace the request's trace, for notes on stale data
	 * @return one outcome per source, in the order asked
	 */
	public Mono<Map<String, Loaded>> load(Collection<String> ids, Set<Part> parts, RequestTrace trace) {
		List<String> known = ids.stream().filter(this.connectors::containsKey).distinct().toList();
		if (known.isEmpty()) {
			return Mono.just(Map.of());
		}
		return Flux.fromIterable(known)
			.flatMapSequential((id) -> view(id, parts), known.size())
			.collect(LinkedHashMap<String, Loaded>::new, (map, loaded) -> map.put(loaded.source(), loaded))
			.map((map) -> (Map<String, Loaded>) map)
			.contextWrite((context) -> context.put(RequestTrace.KEY, trace));
	}

	private static SourceException unreadable(String id, Throwable ex) {
		return SourceException.causedBy(id, SourceException.Code.SOURCE_BAD_RESPONSE,
				"Source '" + id + "' gave an answer that could not be read", ex);
	}

	/**
	 * One source's view, and the first list that could not be read.
	 *
	 * @param source the source id
	 * @param view the lists that were read (failed lists are empty)
	 * @param error the first failure, or null when every list was read
	 */
	public record Loaded(String source, @Nullable SourceView view, @Nullable SourceException error) {
	}

}
