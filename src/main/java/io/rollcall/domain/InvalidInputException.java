package io.rollcall.domain;

import java.util.Objects;

/**
 * A client's argument that cannot be used; nothing has been sent upstream.
 */
public final class InvalidInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	/**
	 * Makes the error.
	 * @param argument the argument's path, e.g. {@code input.email}
	 * @param message what is wrong, for people
	 */
	public InvalidInputException(String argument, String message) {
		super(message, null, false, false);
		this.argument = Objects.requireNonNull(argument, "argument");
	}

	public String argument() {
		return this.argument;
	}

}
