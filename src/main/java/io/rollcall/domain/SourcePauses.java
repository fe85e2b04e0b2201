package io.rollcall.domain;

/**
 * The pauses the gateway puts on a source to spare it: a rate-limit cool-down and an open
 * circuit breaker.
 */
public interface SourcePauses {

	/**
	 * Ends a source's pauses at once, e.g. after an operator was told the vendor is fine
	 * again.
	 * @param source the source id
	 */
	void resume(String source);

}
