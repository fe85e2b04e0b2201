package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A client's argument that cannot be used; nothing has been sent upstream. A list
 * argument can have several bad entries, each a {@link Problem}.
 */
public final class InvalidInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The most problems a message names; the problems themselves are all kept. */
	private static final int NAMED_IN_MESSAGE = 10;

	private final String argument;

	private final List<Problem> problems;

	/**
	 * Makes the error.
	 * @param argument the argument's path, e.g. {@code input.email}
	 * @param message what is wrong, for people
	 */
	public InvalidInputException(String argument, String message) {
		this(argument, message, List.of());
	}

	private InvalidInputException(String argument, String message, List<Problem> problems) {
		super(message, null, false, false);
		this.argument = Objects.requireNonNull(argument, "argument");
		this.problems = problems;
	}

	/**
	 * The error for a list with bad entries.
	 * @param argument the list argument's path, e.g. {@code input.emails}
	 * @param problems each bad entry, at least one
	 * @return the error, its message naming the first few entries
	 */
	public static InvalidInputException of(String argument, List<Problem> problems) {
		StringBuilder message = new StringBuilder().append(problems.size())
			.append((problems.size() == 1) ? " entry" : " entries")
			.append(" of ")
			.append(argument)
			.append(" cannot be used; nothing was sent: ");
		for (int i = 0; i < Math.min(problems.size(), NAMED_IN_MESSAGE); i++) {
			message.append((i > 0) ? "; " : "").append(problems.get(i).message());
		}
		if (problems.size() > NAMED_IN_MESSAGE) {
			message.append("; and ").append(problems.size() - NAMED_IN_MESSAGE).append(" more (extensions.problems)");
		}
		return new InvalidInputException(argument, message.toString(), List.copyOf(problems));
	}

	public String argument() {
		return this.argument;
	}

	/** Each bad entry of a list argument; empty for a single argument. */
	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One bad entry of a list.
	 *
	 * @param argument the entry's path, e.g. {@code input.emails[3]}
	 * @param value the entry as sent, shortened, or null when it had none
	 * @param message what is wrong with it, naming it
	 */
	public record Problem(String argument, @Nullable String value, String message) {

		private static final int MAX_VALUE = 100;

		/**
		 * A bad entry.
		 * @param argument the entry's path
		 * @param value the entry as sent
		 * @param what what is wrong, after its path and value
		 * @return the problem
		 */
		public static Problem at(String argument, @Nullable String value, String what) {
			String shown = (value == null) ? null
					: (value.length() > MAX_VALUE) ? value.substring(0, MAX_VALUE) + "..." : value;
			return new Problem(argument, shown,
					argument + ((shown != null) ? " '" + shown.replaceAll("\\p{Cntrl}", "?") + "'" : "") + " " + what);
		}

	}

}
