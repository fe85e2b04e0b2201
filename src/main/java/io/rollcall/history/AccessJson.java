package io.rollcall.history;

import java.util.Comparator;
import java.util.List;

import io.rollcall.domain.Group;
import io.rollcall.domain.ProjectMembership;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's access as the history stores it: JSON with every list sorted, so that
 * equal access is equal text and the database can compare it.
 */
final class AccessJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Comparator<AccountRecord.Item> BY_ID = Comparator.comparing(AccountRecord.Item::id);

	private AccessJson() {
	}

	/** An account's access, read off its source's view. */
	static AccountRecord.Access of(SourceView view, User user) {
		List<AccountRecord.Item> roles = view.rolesOf(user).stream().map(AccessJson::role).sorted(BY_ID).toList();
		List<AccountRecord.Item> groups = view.groupsOf(user).stream().map(AccessJson::group).sorted(BY_ID).toList();
		List<AccountRecord.ProjectAccess> projects = view.projectsOf(user)
			.stream()
			.map(AccessJson::project)
			.sorted(Comparator.comparing(AccountRecord.ProjectAccess::id))
			.toList();
		return new AccountRecord.Access(roles, groups, projects);
	}

	static String write(AccountRecord.Access access) {
		return JSON.writeValueAsString(access);
	}

	static AccountRecord.Access read(String json) {
		return JSON.readValue(json, AccountRecord.Access.class);
	}

	private static AccountRecord.Item role(Role role) {
		return new AccountRecord.Item(role.nativeId(), role.name(), null);
	}

	private static AccountRecord.Item group(Group group) {
		return new AccountRecord.Item(group.nativeId(), group.name(), group.access());
	}

	private static AccountRecord.ProjectAccess project(ProjectMembership membership) {
		return new AccountRecord.ProjectAccess(membership.project().nativeId(), membership.project().name(),
				membership.roles().stream().map(AccessJson::role).sorted(BY_ID).toList(),
				membership.permissions().stream().sorted().toList());
	}

}
