package io.rollcall.history;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two snapshots.
 *
 * @param kind what changed
 * @param source the source id
 * @param nativeId the account's id in its source
 * @param email the account's address
 * @param displayName the account's name
 * @param role the role added or removed
 * @param group the group added or removed
 * @param project the project added, removed, or whose permissions changed
 * @param permissionsBefore the project permissions before, for PERMISSIONS_CHANGED
 * @param permissionsAfter the project permissions after, for PERMISSIONS_CHANGED
 */
public record AccessChange(Kind kind, String source, String nativeId, @Nullable String email,
		@Nullable String displayName, @Nullable String role, @Nullable String group, @Nullable String project,
		@Nullable List<String> permissionsBefore, @Nullable List<String> permissionsAfter) {

	/** What changed. */
	public enum Kind {

		ACCOUNT_ADDED, ACCOUNT_REMOVED, ACCOUNT_ENABLED, ACCOUNT_DISABLED, ROLE_ADDED, ROLE_REMOVED, GROUP_ADDED,
		GROUP_REMOVED, PROJECT_ADDED, PROJECT_REMOVED, PERMISSIONS_CHANGED

	}

	/** The role, group or project named, whichever the kind names. */
	@Nullable String item() {
		return (this.role != null) ? this.role : (this.group != null) ? this.group : this.project;
	}

}
