package io.rollcall.connector.periscope;

import java.util.List;
import java.util.Locale;

import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Group;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * Periscope's answers to the unified model.
 */
final class PeriscopeMapper {

	/** Periscope's access levels, as it answers them. */
	static final List<String> ACCESS_LEVELS = List.of("View", "Discovery", "SQL");

	private PeriscopeMapper() {
	}

	/** Periscope keys users by email: the email is the native id. */
	static User toUser(String source, PeriscopeWire.User user) {
		String email = (user.email() != null) ? user.email().trim() : "";
		List<String> groups = (user.groups() != null) ? List.copyOf(user.groups()) : List.of();
		return User.builder(source, email, User.displayName(user.firstName(), user.lastName(), email))
			.name(user.firstName(), user.lastName())
			.email(email.isEmpty() ? null : email)
			.createdAt(VendorJson.instant(user.createdAt()))
			.groupIds(groups)
			.build();
	}

	/** Periscope keys groups by name; members are derived from the users' group lists. */
	static Group toGroup(String source, PeriscopeWire.Group group) {
		String name = (group.name() != null) ? group.name() : "";
		return new Group(source, name, name, canonicalAccess(group.access()), List.of());
	}

	/**
	 * The access level as Periscope answers it (View, Discovery, SQL), or null when the
	 * text is none of them.
	 */
	static @Nullable String canonicalAccess(@Nullable String access) {
		if (access == null) {
			return null;
		}
		for (String level : ACCESS_LEVELS) {
			if (level.toLowerCase(Locale.ROOT).equals(access.trim().toLowerCase(Locale.ROOT))) {
				return level;
			}
		}
		return access;
	}

}
