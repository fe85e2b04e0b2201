package io.rollcall.connector.cintoo;

import java.util.List;

import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * Cintoo's answers to the unified model.
 */
final class CintooMapper {

	private CintooMapper() {
	}

	/** Unconfirmed users may have null or empty names: they show as their email. */
	static User toUser(String source, CintooWire.User user) {
		String id = (user.id() != null) ? user.id() : "";
		return User.builder(source, id, User.displayName(user.firstname(), user.lastname(), user.email(), id))
			.name(blankToNull(user.firstname()), blankToNull(user.lastname()))
			.email(blankToNull(user.email()))
			.build();
	}

	/**
	 * A project's one list of permissions is the permissions of each of its memberships,
	 * as Cintoo's own guide joins them.
	 */
	static Project toProject(String source, CintooWire.Project project) {
		String id = (project.id() != null) ? project.id() : "";
		List<String> permissions = (project.permissions() != null) ? project.permissions() : List.of();
		List<Membership> memberships = (project.userIds() != null) ? project.userIds()
			.stream()
			.map((userId) -> new Membership(id, userId, List.of(), permissions, false))
			.toList() : List.of();
		return new Project(source, id, (project.name() != null) ? project.name() : id, null, memberships);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
