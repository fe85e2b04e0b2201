package io.rollcall.connector.codebase;

import org.jspecify.annotations.Nullable;

/**
 * A Codebase HQ source's own properties, under {@code rollcall.sources.<id>}.
 *
 * @param username the API user, {@code account/username}
 * @param apiKey its API key
 */
public record CodebaseProperties(@Nullable String username, @Nullable String apiKey) {

	/** Never shows the key. */
	@Override
	public String toString() {
		return "CodebaseProperties[username=" + this.username + ", apiKey=****]";
	}

}
