package io.rollcall.settings;

import java.util.List;

/**
 * A configuration Rollcall cannot start with. The message names the property and never
 * holds its value when the value is a secret.
 */
public class InvalidConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient List<InvalidConfigurationException> problems;

	public InvalidConfigurationException(String property, String problem) {
		super(property + ": " + problem);
		this.property = property;
		this.problems = List.of(this);
	}

	private InvalidConfigurationException(List<InvalidConfigurationException> problems) {
		super(String.join("; ", problems.stream().map(Throwable::getMessage).toList()));
		this.property = problems.get(0).property();
		this.problems = List.copyOf(problems);
	}

	/**
	 * Several problems as one failure.
	 * @param problems at least one
	 * @return the failure: the first one itself when there is only one
	 */
	public static InvalidConfigurationException of(List<InvalidConfigurationException> problems) {
		return (problems.size() == 1) ? problems.get(0) : new InvalidConfigurationException(problems);
	}

	/** Every problem this failure stands for, each naming its property. */
	public List<InvalidConfigurationException> problems() {
		return this.problems;
	}

	/**
	 * The full name of the (first) property at fault, e.g.
	 * {@code rollcall.sources.codebase.api-key}.
	 */
	public String property() {
		return this.property;
	}

}
