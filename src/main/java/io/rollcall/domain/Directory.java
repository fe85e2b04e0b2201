package io.rollcall.domain;

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
 * Every configured source, and the fan-out of reads over them: reads go to all the
 * sources a question needs at once, and a failing source costs only its own data. A
 * source's view is built once per generation of its cached lists.
 */
public final class Directory {

	private final Map<String, Connector> connectors;

	private final List<String> order;

	private final Generations views = new Generations();

	/**
	 * Makes a directory.
	 * @param connectors one connector per source, in the order sources are listed
	 */
	public Directory(List<Connector> connectors) {
		Map<String, Connector> byId = new LinkedHashMap<>();
		connectors.forEach((connector) -> byId.put(connector.info().id(), connector));
		this.connectors = Map.copyOf(byId);
		this.order = List.copyOf(byId.keySet());
	}

	public List<SourceInfo> sources() {
		return this.order.stream().map((id) -> connector(id).orElseThrow().info()).toList();
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
			SourceView view = this.views.get(key, lists,
					() -> new SourceView(connector.info(), t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()));
			return new Loaded(id, view, null);
		});
	}

	private record ViewKey(String source, Set<Part> parts) {
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
