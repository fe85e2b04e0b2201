package io.rollcall.connector.testmo;

import org.jspecify.annotations.Nullable;

/**
 * A Testmo source's own properties, under {@code rollcall.sources.<id>}.
 *
 * @param token the API token
 */
public record TestmoProperties(@Nullable String token) {

	/** Never shows the token. */
	@Override
	public String toString() {
		return "TestmoProperties[token=****]";
	}

}
