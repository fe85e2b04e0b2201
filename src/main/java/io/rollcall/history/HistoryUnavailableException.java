package io.rollcall.history;

/**
 * The history database cannot be used now; reads of the sources and changes are not
 * affected.
 */
public final class HistoryUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	HistoryUnavailableException(String message) {
		super(message, null, false, false);
	}

	/** The failure for every history field while history is turned off. */
	public static HistoryUnavailableException off() {
		return new HistoryUnavailableException("History is off (rollcall.history.enabled=false)");
	}

}
