package io.rollcall.history;

import org.jspecify.annotations.Nullable;

/**
 * The history database cannot be used now; reads of the sources and changes are not
 * affected.
 */
public final class HistoryUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	HistoryUnavailableException(String message) {
		super(message, null, false, false);
	}

	/**
	 * A part of the history, which is there unless history is turned off.
	 * @param <T> the part
	 * @param part the part, or null when history is off
	 * @return the part
	 * @throws HistoryUnavailableException saying history is off
	 */
	public static <T> T whenOn(@Nullable T part) {
		if (part == null) {
			throw new HistoryUnavailableException("History is off (rollcall.history.enabled=false)");
		}
		return part;
	}

}
