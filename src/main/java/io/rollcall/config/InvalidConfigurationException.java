package io.rollcall.config;

/**
 * A configuration Rollcall cannot start with. The message names the property and never
 * holds its value when the value is a secret.
 */
public class InvalidConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	public InvalidConfigurationException(String property, String problem) {
		super(property + ": " + problem);
		this.property = property;
	}

	/**
	 * The full name of the property at fault, e.g.
	 * {@code rollcall.sources.codebase.api-key}.
	 */
	public String property() {
		return this.property;
	}

}
