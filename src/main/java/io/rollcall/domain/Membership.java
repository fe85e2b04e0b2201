package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

/**
 * A user's place in a project, in the vendor's terms.
 *
 * @param projectId native id of the project
 * @param userId native id of the user
 * @param roleIds native ids of roles that apply in the project
 * @param permissions permission strings that apply in the project
 * @param accountRolesApply whether the user's account-level roles also apply in the
 * project
 */
public record Membership(String projectId, String userId, List<String> roleIds, List<String> permissions,
		boolean accountRolesApply) {

	public Membership {
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(userId, "userId");
		roleIds = List.copyOf(roleIds);
		permissions = List.copyOf(permissions);
	}

}
