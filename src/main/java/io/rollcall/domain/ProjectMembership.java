package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

/**
 * A user's place in a project, resolved against the source's catalogue.
 *
 * @param project the project
 * @param user the user
 * @param roles roles that apply in the project
 * @param permissions permission strings that apply in the project
 */
public record ProjectMembership(Project project, User user, List<Role> roles, List<String> permissions) {

	public ProjectMembership {
		Objects.requireNonNull(project, "project");
		Objects.requireNonNull(user, "user");
		roles = List.copyOf(roles);
		permissions = List.copyOf(permissions);
	}

}
