package io.rollcall.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Each source's health as its calls left it (one {@link HealthTracker} per source), and
 * probed with a cheap call when the gateway has not talked to the source lately.
 */
public final class HealthChecks {

	private final Map<String, HealthTracker> trackers;

	/**
	 * @param sources the source ids
	 * @param clock when calls happen
	 */
	public HealthChecks(Collection<String> sources, Clock clock) {
		Map<String, HealthTracker> trackers = new LinkedHashMap<>();
		sources.forEach((id) -> trackers.put(id, new HealthTracker(clock)));
		this.trackers = Map.copyOf(trackers);
	}

	/**
	 * Where a source's calls are noted.
	 * @param id the source id
	 * @return its tracker
	 * @throws IllegalArgumentException for a source it was not made with
	 */
	public HealthTracker tracker(String id) {
		HealthTracker tracker = this.trackers.get(id);
		if (tracker == null) {
			throw new IllegalArgumentException("No health tracker for source " + id);
		}
		return tracker;
	}

	/**
	 * A source's health, probing it first when no call was made within the freshness.
	 * @param connector the source
	 * @param freshness how recent a call must be to skip the probe
	 * @return the health after the probe, if one was needed
	 */
	public Mono<SourceHealth> live(Connector connector, Duration freshness) {
		HealthTracker tracker = this.trackers.get(connector.info().id());
		if (tracker == null) {
			return Mono.just(SourceHealth.UNKNOWN);
		}
		if (tracker.checkedWithin(freshness)) {
			return Mono.just(tracker.current());
		}
		return connector.probe().onErrorResume((ex) -> Mono.empty()).then(Mono.fromSupplier(tracker::current));
	}

}
