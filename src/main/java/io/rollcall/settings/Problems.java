package io.rollcall.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Gathers configuration problems, so that start-up reports all of them at once instead of
 * one per restart.
 */
public final class Problems {

	private final List<InvalidConfigurationException> found = new ArrayList<>();

	/** Runs a check, keeping its problem. */
	public void check(Runnable check) {
		try {
			check.run();
		}
		catch (InvalidConfigurationException ex) {
			add(ex);
		}
	}

	/** Computes a value, keeping its problem; null when there was one. */
	public <T> @Nullable T value(Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidConfigurationException ex) {
			add(ex);
			return null;
		}
	}

	public void add(InvalidConfigurationException problem) {
		this.found.addAll(problem.problems());
	}

	/**
	 * Ends start-up when any problem was found.
	 * @throws InvalidConfigurationException naming every problem
	 */
	public void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw InvalidConfigurationException.of(this.found);
		}
	}

}
