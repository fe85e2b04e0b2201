package io.rollcall.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What a source can change, one part per kind of change. A part is there exactly when the
 * source can make that change: this is the one place that says so, and the source's write
 * {@link Capability capabilities} are read off it. Each part sends at most one change to
 * the vendor per call and never retries it; with {@code dryRun} it changes nothing.
 * Requests have been checked against the source's catalogue before a part is called.
 */
public final class Writes {

	/** A source that changes nothing. */
	public static final Writes NONE = builder().build();

	private final @Nullable Invites invites;

	private final @Nullable UserUpdates userUpdates;

	private final @Nullable UserRemovals userRemovals;

	private final @Nullable Groups groups;

	private final @Nullable ProjectMembers projectMembers;

	private Writes(Builder builder) {
		this.invites = builder.invites;
		this.userUpdates = builder.userUpdates;
		this.userRemovals = builder.userRemovals;
		this.groups = builder.groups;
		this.projectMembers = builder.projectMembers;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Invitations, or null when the source cannot invite. */
	public @Nullable Invites invites() {
		return this.invites;
	}

	/** Changes to users' names and groups, or null. */
	public @Nullable UserUpdates userUpdates() {
		return this.userUpdates;
	}

	/** Removing users, or null. */
	public @Nullable UserRemovals userRemovals() {
		return this.userRemovals;
	}

	/** Creating, changing and deleting groups, or null. */
	public @Nullable Groups groups() {
		return this.groups;
	}

	/** Adding users to projects and removing them, or null. */
	public @Nullable ProjectMembers projectMembers() {
		return this.projectMembers;
	}

	/** The capabilities these parts give. */
	public Set<Capability> capabilities() {
		Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
		if (this.invites != null) {
			capabilities.add(Capability.INVITE_USER);
		}
		if (this.userUpdates != null) {
			capabilities.add(Capability.UPDATE_USER);
		}
		if (this.userRemovals != null) {
			capabilities.add(Capability.REMOVE_USER);
		}
		if (this.groups != null) {
			capabilities.add(Capability.MANAGE_GROUPS);
		}
		if (this.projectMembers != null) {
			capabilities.add(Capability.MANAGE_PROJECT_MEMBERS);
		}
		return capabilities;
	}

	/** Inviting people. */
	public interface Invites {

		/**
		 * An invitation as this source takes it, checked against its lists: the role and
		 * the groups asked for, by the source's own ids or names. A name the source does
		 * not have is refused ({@link InvalidInputException}). By default the source's
		 * invitations take neither, and both are left out.
		 * @param asked the invitation as asked, with the role by name
		 * @param view the source's users, roles and groups
		 * @return the invitation to send
		 */
		default Invitation invitation(Invitation asked, SourceView view) {
			return new Invitation(asked.email(), asked.firstName(), asked.lastName(), null, List.of());
		}

		/**
		 * Invites a person.
		 * @param invitation who, and with which role or groups
		 * @param dryRun check only
		 * @return the outcome
		 */
		Mono<Change> invite(Invitation invitation, boolean dryRun);

	}

	/** Changing users. */
	public interface UserUpdates {

		/**
		 * Changes a user's name or groups.
		 * @param email the user's email
		 * @param firstName new given name, or null to keep
		 * @param lastName new family name, or null to keep
		 * @param groups the complete new set of group names, or null to keep
		 * @param dryRun check only
		 * @return the outcome
		 */
		Mono<Change> updateUser(String email, @Nullable String firstName, @Nullable String lastName,
				@Nullable List<String> groups, boolean dryRun);

	}

	/** Removing users. */
	public interface UserRemovals {

		/** Removes the account with this email. */
		Mono<Change> removeUser(String email, boolean dryRun);

	}

	/** Managing groups. */
	public interface Groups {

		/**
		 * A group access level as this source spells it.
		 * @param access the level asked for
		 * @return the level to send
		 * @throws InvalidInputException when the source has no such level
		 */
		String access(String access);

		/** Creates a group. */
		Mono<Change> createGroup(String name, String access, boolean dryRun);

		/** Renames a group or changes its access level. */
		Mono<Change> updateGroup(String name, @Nullable String newName, @Nullable String access, boolean dryRun);

		/** Deletes a group. */
		Mono<Change> deleteGroup(String name, boolean dryRun);

	}

	/** Managing project members. */
	public interface ProjectMembers {

		/**
		 * Adds a user to a project, or removes one.
		 * @param projectId the project's native id
		 * @param userId the user's native id
		 * @param add add when true, remove when false
		 * @param dryRun check only
		 * @return the outcome
		 */
		Mono<Change> changeProjectMember(String projectId, String userId, boolean add, boolean dryRun);

	}

	/**
	 * A person to invite.
	 *
	 * @param email the address
	 * @param firstName given name
	 * @param lastName family name
	 * @param role as asked, a role's name; as sent, the role's native id; null for the
	 * source's default
	 * @param groups group names, for sources whose invitations take groups
	 */
	public record Invitation(String email, String firstName, String lastName, @Nullable String role,
			List<String> groups) {

		public Invitation {
			groups = List.copyOf(groups);
		}

	}

	/** The parts of a source's writes, each named. */
	public static final class Builder {

		private @Nullable Invites invites;

		private @Nullable UserUpdates userUpdates;

		private @Nullable UserRemovals userRemovals;

		private @Nullable Groups groups;

		private @Nullable ProjectMembers projectMembers;

		private Builder() {
		}

		public Builder invites(Invites invites) {
			this.invites = invites;
			return this;
		}

		public Builder userUpdates(UserUpdates userUpdates) {
			this.userUpdates = userUpdates;
			return this;
		}

		public Builder userRemovals(UserRemovals userRemovals) {
			this.userRemovals = userRemovals;
			return this;
		}

		public Builder groups(Groups groups) {
			this.groups = groups;
			return this;
		}

		public Builder projectMembers(ProjectMembers projectMembers) {
			this.projectMembers = projectMembers;
			return this;
		}

		public Writes build() {
			return new Writes(this);
		}

	}

}
