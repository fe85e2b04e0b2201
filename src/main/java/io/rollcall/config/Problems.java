package io.rollcall.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Gathers configuration problems, so that start-up reports all of them at once instead of
 * one per restart.
 */
final class Problems {

	private final List<InvalidConfigurationException> found = new ArrayList<>();

	/** Runs a check, keeping its problem. */
	void check(Runnable check) {
		try {
			check.run();
		}
		catch (InvalidConfigurationException ex) {
			add(ex);
		}
	}

	/** Computes a value, keeping its problem; null when there was one. */
	<T> @Nullable T value(Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidConfigurationException ex) {
			add(ex);
			return null;
		}
	}

	void add(InvalidConfigurationException problem) {
		this.found.addAll(problem.problems());
	}

	/**
	 * Ends start-up when any problem was found.
	 * @throws InvalidConfigurationException naming every problem
	 */
	void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw InvalidConfigurationException.of(this.found);
		}
	}

}
