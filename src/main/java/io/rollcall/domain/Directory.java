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

	public Optional<Connector> connector(String id) {
		return Optional.ofNullable(this.connectors.get(id));
	}

	public SourceHealth health(String id) {
		HealthTracker tracker = this.health.get(id);
		return (tracker != null) ? tracker.current() : SourceHealth.UNKNOWN;
	}

	public Optional<HealthTracker> healthTracker(String id) {
		return Optional.ofNullable(this.health.get(id));
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
		Mono<List<User>> users = parts.contains(Part.USERS) ? guard(id, connector.users(), failure)
				: Mono.just(List.of());
		boolean needsProjects = parts.contains(Part.PROJECTS) || parts.contains(Part.MEMBERSHIPS);
		Mono<List<Project>> projects = needsProjects ? connector.projects().cache() : Mono.just(List.of());
		Mono<List<Role>> roles = parts.contains(Part.ROLES) ? guard(id, connector.roles(), failure)
				: Mono.just(List.of());
		Mono<List<Group>> groups = parts.contains(Part.GROUPS) ? guard(id, connector.groups(), failure)
				: Mono.just(List.of());
		Mono<List<Membership>> memberships = parts.contains(Part.MEMBERSHIPS)
				? guard(id, projects.flatMap(connector::memberships), failure) : Mono.just(List.of());
		return Mono.zip(users, guard(id, projects, failure), roles, groups, memberships)
			.map((t) -> new Loaded(id,
					new SourceView(connector.info(), t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()),
					failure.get()));
	}

	private static <T> Mono<List<T>> guard(String id, Mono<List<T>> list,
			AtomicReference<@Nullable SourceException> failure) {
		return list.onErrorResume((ex) -> {
			SourceException error = (ex instanceof SourceException known) ? known : unreadable(id, ex);
			failure.compareAndSet(null, error);
			return Mono.just(List.of());
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
		return new SourceException(id, SourceException.Code.SOURCE_BAD_RESPONSE,
				"Source '" + id + "' gave an answer that could not be read", 0, null, null, ex);
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
