package io.rollcall.connector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.rollcall.domain.SourcePauses;

/**
 * Every source's guard, by source id.
 */
public final class SourceGuards implements SourcePauses {

	private final Map<String, SourceGuard> guards = new ConcurrentHashMap<>();

	public void add(SourceGuard guard) {
		this.guards.put(guard.source(), guard);
	}

	public Optional<SourceGuard> get(String source) {
		return Optional.ofNullable(this.guards.get(source));
	}

	@Override
	public void resume(String source) {
		get(source).ifPresent(SourceGuard::reset);
	}

	/**
	 * Closes every breaker and ends every cool-down, e.g. after an operator fixed a
	 * vendor.
	 */
	public void resetAll() {
		this.guards.values().forEach(SourceGuard::reset);
	}

}
