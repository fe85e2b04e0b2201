package io.rollcall.connector.codebase;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Codebase's answers, in Codebase's terms. A user's {@code <api-key>} is deliberately not
 * declared: it is that user's personal credential and is dropped while parsing.
 */
final class CodebaseWire {

	private CodebaseWire() {
	}

	record User(long id, @Nullable String username, @Nullable String firstName, @Nullable String lastName,
			@Nullable String emailAddress, @Nullable String company, @Nullable String timeZone,
			@Nullable Boolean enabled, List<Assignment> assignments) {

		User {
			assignments = List.copyOf(assignments);
		}

	}

	record Assignment(@Nullable String permalink, @Nullable String name, @Nullable String status) {
	}

	record Role(long id, @Nullable String name, @Nullable Boolean isDefault, List<String> permissions) {

		Role {
			permissions = List.copyOf(permissions);
		}

	}

	record Project(@Nullable String permalink, @Nullable String name, @Nullable String status,
			@Nullable String groupId) {
	}

}
