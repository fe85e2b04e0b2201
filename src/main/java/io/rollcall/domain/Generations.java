package io.rollcall.domain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Things computed from cached lists, kept for as long as the lists are the very same
 * objects: the cache hands out the same lists until it reads new ones, so an index, a
 * sort order or a join is built once per generation of the cache instead of once per
 * request. One value per key: a new generation replaces the old one.
 */
public final class Generations {

	private final Map<Object, Kept> kept = new ConcurrentHashMap<>();

	/**
	 * The value computed from these inputs, computed now if they are not the ones it was
	 * computed from.
	 * @param <T> what is computed
	 * @param key what it is
	 * @param inputs the lists (or views) it is computed from, compared by identity
	 * @param compute computes it
	 * @return the kept value, or a fresh one
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, List<?> inputs, Supplier<T> compute) {
		Kept kept = this.kept.get(key);
		if (kept != null && kept.sameInputs(inputs)) {
			return (T) kept.value();
		}
		T value = compute.get();
		this.kept.put(key, new Kept(List.copyOf(inputs), value));
		return value;
	}

	private record Kept(List<?> inputs, Object value) {

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

}
