package io.rollcall.connector.codebase;

import java.util.List;

import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * Codebase's answers to the unified model.
 */
final class CodebaseMapper {

	private CodebaseMapper() {
	}

	/**
	 * Memberships come from the user's own assignments; Codebase names no project roles.
	 */
	static User toUser(String source, CodebaseWire.User user) {
		String id = Long.toString(user.id());
		List<Membership> memberships = user.assignments()
			.stream()
			.filter((a) -> a.permalink() != null && !a.permalink().isEmpty())
			.map((a) -> new Membership(a.permalink(), id, List.of(), List.of(), false))
			.toList();
		return User
			.builder(source, id,
					User.displayName(user.firstName(), user.lastName(), user.username(), user.emailAddress(), id))
			.name(emptyToNull(user.firstName()), emptyToNull(user.lastName()))
			.email(emptyToNull(user.emailAddress()))
			.username(emptyToNull(user.username()))
			.timezone(emptyToNull(user.timeZone()))
			.active(user.enabled())
			.memberships(memberships)
			.build();
	}

	static Role toRole(String source, CodebaseWire.Role role) {
		String id = Long.toString(role.id());
		return new Role(source, id, (role.name() != null) ? role.name() : id, role.permissions(), role.isDefault());
	}

	/** Projects are keyed by permalink. */
	static Project toProject(String source, CodebaseWire.Project project) {
		String permalink = (project.permalink() != null) ? project.permalink() : "";
		String name = (project.name() != null && !project.name().isEmpty()) ? project.name() : permalink;
		return new Project(source, permalink, name, emptyToNull(project.status()), List.of());
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
