package io.rollcall.graphql;

import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.NodeId;

/**
 * Reading the ids clients send.
 */
final class Ids {

	private Ids() {
	}

	/**
	 * Decodes an opaque id.
	 * @param id what the client sent
	 * @param argument the argument's name, for the error
	 * @return the typed id
	 * @throws InvalidInputException when the text is not an id Rollcall made
	 */
	static NodeId decode(String id, String argument) {
		return NodeId.decode(id)
			.orElseThrow(() -> new InvalidInputException(argument, argument + " is not an id this gateway issued"));
	}

}
