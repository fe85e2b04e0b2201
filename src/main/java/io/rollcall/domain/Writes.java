package io.rollcall.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The changes a source can make. Each method sends at most one change to the vendor and
 * never retries it; with {@code dryRun} it changes nothing. Inputs have been validated
 * against the source's catalogue before a method is called.
 */
public interface Writes {

	/** A source that changes nothing. */
	Writes NONE = new Writes() {
	};

	/**
	 * An invitation as this source takes it, checked against its lists: the role and the
	 * groups asked for, by the source's own ids or names. A name the source does not have
	 * is refused ({@link InvalidInputException}). By default a source's invitations take
	 * neither, and both are left out.
	 * @param asked the invitation as asked, with the role by name
	 * @param view the source's users, roles and groups
	 * @return the invitation to send
	 */
	default Invitation invitation(Invitation asked, SourceView view) {
		return new Invitation(asked.email(), asked.firstName(), asked.lastName(), null, List.of());
	}

	/**
	 * A group access level as this source spells it.
	 * @param access the level asked for
	 * @return the level to send
	 * @throws InvalidInputException when the source has no such level
	 */
	default String access(String access) {
		throw new InvalidInputException(ChangeRequests.ACCESS,
				ChangeRequests.ACCESS + " is not something this source's groups have");
	}

	/**
	 * Invites a person.
	 * @param invitation who, and with which role or groups
	 * @param dryRun validate only
	 * @return the outcome
	 */
	default Mono<Change> invite(Invitation invitation, boolean dryRun) {
		return Mono.error(new IllegalStateException("invite is not a capability of this source"));
	}

	/**
	 * Changes a user's name or groups.
	 * @param email the user's email
	 * @param firstName new given name, or null to keep
	 * @param lastName new family name, or null to keep
	 * @param groups the complete new set of group names, or null to keep
	 * @param dryRun validate only
	 * @return the outcome
	 */
	default Mono<Change> updateUser(String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> groups, boolean dryRun) {
		return Mono.error(new IllegalStateException("updateUser is not a capability of this source"));
	}

	/** Removes the account with this email. */
	default Mono<Change> removeUser(String email, boolean dryRun) {
		return Mono.error(new IllegalStateException("removeUser is not a capability of this source"));
	}

	/** Creates a group. */
	default Mono<Change> createGroup(String name, String access, boolean dryRun) {
		return Mono.error(new IllegalStateException("createGroup is not a capability of this source"));
	}

	/** Renames a group or changes its access level. */
	default Mono<Change> updateGroup(String name, @Nullable String newName, @Nullable String access, boolean dryRun) {
		return Mono.error(new IllegalStateException("updateGroup is not a capability of this source"));
	}

	/** Deletes a group. */
	default Mono<Change> deleteGroup(String name, boolean dryRun) {
		return Mono.error(new IllegalStateException("deleteGroup is not a capability of this source"));
	}

	/**
	 * Adds a user to a project, or removes one.
	 * @param projectId the project's native id
	 * @param userId the user's native id
	 * @param add add when true, remove when false
	 * @param dryRun validate only
	 * @return the outcome
	 */
	default Mono<Change> changeProjectMember(String projectId, String userId, boolean add, boolean dryRun) {
		return Mono.error(new IllegalStateException("changeProjectMember is not a capability of this source"));
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
	record Invitation(String email, String firstName, String lastName, @Nullable String role, List<String> groups) {

		public Invitation {
			groups = List.copyOf(groups);
		}

	}

}
