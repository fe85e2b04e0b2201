package io.rollcall.connector.testmo;

import java.util.List;

import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.User;

/**
 * Testmo's answers to the unified model.
 */
final class TestmoMapper {

	private TestmoMapper() {
	}

	static User toUser(String source, TestmoWire.User user) {
		boolean forgotten = Boolean.TRUE.equals(user.forgotten());
		// A forgotten user keeps an id but loses name and email; it cannot sign in.
		Boolean active = forgotten ? Boolean.FALSE : user.active();
		String id = Long.toString(user.id());
		List<String> roles = (user.roleId() != null) ? List.of(Long.toString(user.roleId())) : List.of();
		List<String> groups = (user.groups() != null) ? user.groups().stream().map((g) -> Long.toString(g)).toList()
				: List.of();
		return User.builder(source, id, User.displayName(null, null, user.name(), user.email(), id))
			.email(user.email())
			.timezone(user.timezone())
			.active(active)
			.createdAt(VendorJson.instant(user.createdAt()))
			.roleIds(roles)
			.groupIds(groups)
			.build();
	}

	static Role toRole(String source, TestmoWire.Role role) {
		String id = Long.toString(role.id());
		// Testmo's permissions are an opaque bitmask with no published meaning: not
		// reported.
		return new Role(source, id, (role.name() != null) ? role.name() : id, List.of(), role.isDefault());
	}

	static Group toGroup(String source, TestmoWire.Group group) {
		String id = Long.toString(group.id());
		List<String> members = (group.members() != null)
				? group.members().stream().map((m) -> Long.toString(m)).toList() : List.of();
		return new Group(source, id, (group.name() != null) ? group.name() : id, null, members);
	}

	static Project toProject(String source, TestmoWire.Project project) {
		String id = Long.toString(project.id());
		String status = Boolean.TRUE.equals(project.completed()) ? "completed" : "active";
		return new Project(source, id, (project.name() != null) ? project.name() : id, status, List.of());
	}

	/**
	 * Testmo's role_id is the user's role everywhere, so it applies in each project too.
	 */
	static Membership toMembership(String projectId, TestmoWire.ProjectUser user) {
		return new Membership(projectId, Long.toString(user.id()), List.of(), List.of(), true);
	}

}
