package io.rollcall.graphql;

/**
 * A field the client's role may not read; answered with code {@code FORBIDDEN}.
 */
final class Forbidden extends RuntimeException {

	private static final long serialVersionUID = 1L;

	Forbidden(String message) {
		super(message, null, false, false);
	}

}
