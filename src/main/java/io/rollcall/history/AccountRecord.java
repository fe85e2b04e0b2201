package io.rollcall.history;

import java.util.List;

import io.rollcall.domain.Emails;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * One account as a snapshot holds it.
 *
 * @param source the source id
 * @param nativeId the account's id in its source
 * @param email its address, normalized
 * @param displayName its name
 * @param active whether the source says it is active, when it says
 * @param access its roles, groups and project memberships
 */
public record AccountRecord(String source, String nativeId, @Nullable String email, String displayName,
		@Nullable Boolean active, Access access) {

	/**
	 * An account as its source's view holds it now.
	 * @param view the source's view
	 * @param user the account
	 * @return the account, its access read off the view
	 */
	public static AccountRecord of(SourceView view, User user) {
		return new AccountRecord(user.source(), user.nativeId(), Emails.normalize(user.email()), user.displayName(),
				user.active(), AccessJson.of(view, user));
	}

	/**
	 * What an account may do, each list sorted so that equal access is equal text.
	 *
	 * @param roles its roles
	 * @param groups its groups
	 * @param projects its project memberships
	 */
	public record Access(List<Item> roles, List<Item> groups, List<ProjectAccess> projects) {

		public Access {
			roles = List.copyOf(roles);
			groups = List.copyOf(groups);
			projects = List.copyOf(projects);
		}

	}

	/**
	 * A role or group.
	 *
	 * @param id its id in the source
	 * @param name its name
	 * @param access a group's access level, if it has one
	 */
	public record Item(String id, String name, @Nullable String access) {
	}

	/**
	 * A project membership.
	 *
	 * @param id the project's id in the source
	 * @param name the project's name
	 * @param roles the account's roles in the project
	 * @param permissions what the account may do in the project
	 */
	public record ProjectAccess(String id, String name, List<Item> roles, List<String> permissions) {

		public ProjectAccess {
			roles = List.copyOf(roles);
			permissions = List.copyOf(permissions);
		}

	}

}
