package io.rollcall.graphql;

import java.util.EnumSet;
import java.util.Set;

import io.rollcall.domain.Part;

/**
 * The lists of a source that fields below a root field read: each field's items come from
 * one of these.
 */
enum NestedLists {

	/** {@code User.roles}. */
	ROLES(EnumSet.of(Part.ROLES)),

	/** {@code User.groups}. */
	GROUPS(EnumSet.of(Part.GROUPS)),

	/** {@code User.projects} and {@code Project.members}. */
	MEMBERSHIPS(EnumSet.of(Part.USERS, Part.PROJECTS, Part.MEMBERSHIPS, Part.ROLES)),

	/** {@code Group.members}. */
	GROUP_MEMBERS(EnumSet.of(Part.USERS, Part.GROUPS));

	private final Set<Part> parts;

	NestedLists(Set<Part> parts) {
		this.parts = parts;
	}

	Set<Part> parts() {
		return this.parts;
	}

}
