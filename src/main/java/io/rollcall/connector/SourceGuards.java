package io.rollcall.connector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every source's guard, by source id.
 */
public final class SourceGuards {

	private final Map<String, SourceGuard> guards = new ConcurrentHashMap<>();

	public void add(SourceGuard guard) {
		this.guards.put(guard.source(), guard);
	}

	public Optional<SourceGuard> get(String source) {
		return Optional.ofNullable(this.guards.get(source));
	}

	/**
	 * Closes every breaker and ends every cool-down, e.g. after an operator fixed a
	 * vendor.
	 */
	public void resetAll() {
		this.guards.values().forEach(SourceGuard::reset);
	}

}
