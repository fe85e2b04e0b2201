package io.rollcall.domain;

import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a client asks to change, each request checked as it is made: syntax only (the
 * sources' catalogues are checked by {@link Changes}). Each problem is a
 * {@link InvalidInputException} naming the argument as the API spells it.
 */
public final class ChangeRequests {

	/** The argument naming an invitation's role. */
	public static final String ROLE = "input.role";

	/** The argument naming a user's groups. */
	public static final String GROUPS = "input.groups";

	/** The argument naming a group's access level. */
	public static final String ACCESS = "input.access";

	private ChangeRequests() {
	}

	/**
	 * Invite a person into sources.
	 *
	 * @param sources the sources, at least one
	 * @param email the address, normalized
	 * @param firstName given name
	 * @param lastName family name
	 * @param role a role's name, for sources whose invitations take one
	 * @param groups group names, for sources whose invitations take groups
	 * @param dryRun check only
	 */
	public record Invite(List<String> sources, String email, String firstName, String lastName, @Nullable String role,
			List<String> groups, boolean dryRun) {

		public Invite {
			email = validEmail(email, "input.email");
			firstName = nonBlank(firstName, "input.firstName");
			lastName = nonBlank(lastName, "input.lastName");
			sources = someSources(sources, "input.sources");
			groups = List.copyOf(groups);
		}

	}

	/**
	 * Change a user's name or groups in one source.
	 *
	 * @param source the source
	 * @param email the user's address, normalized
	 * @param firstName new given name, or null to keep
	 * @param lastName new family name, or null to keep
	 * @param groups the complete new set of group names, or null to keep
	 * @param dryRun check only
	 */
	public record UpdateUser(String source, String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> groups, boolean dryRun) {

		public UpdateUser {
			email = validEmail(email, "input.email");
			source = someSources(List.of(source), "input.source").get(0);
			firstName = (firstName != null) ? nonBlank(firstName, "input.firstName") : null;
			lastName = (lastName != null) ? nonBlank(lastName, "input.lastName") : null;
			groups = (groups != null) ? List.copyOf(groups) : null;
		}

	}

	/**
	 * Remove a person's accounts.
	 *
	 * @param email the address, normalized
	 * @param sources the sources, or empty for every source (offboarding)
	 * @param dryRun check only
	 */
	public record RemoveUser(String email, List<String> sources, boolean dryRun) {

		public RemoveUser {
			email = validEmail(email, "input.email");
			sources = List.copyOf(new LinkedHashSet<>(sources));
		}

		/** Whether every source is asked: offboarding. */
		public boolean everywhere() {
			return this.sources.isEmpty();
		}

	}

	/**
	 * Create a group.
	 *
	 * @param source the source
	 * @param name its name
	 * @param access its access level, as the vendor names them
	 * @param dryRun check only
	 */
	public record CreateGroup(String source, String name, String access, boolean dryRun) {

		public CreateGroup {
			source = someSources(List.of(source), "input.source").get(0);
			name = nonBlank(name, "input.name");
			access = nonBlank(access, ACCESS);
		}

	}

	/**
	 * Rename a group or change its access level.
	 *
	 * @param source the source
	 * @param name its name now
	 * @param newName its new name, or null to keep
	 * @param access its new access level, or null to keep
	 * @param dryRun check only
	 */
	public record UpdateGroup(String source, String name, @Nullable String newName, @Nullable String access,
			boolean dryRun) {

		public UpdateGroup {
			source = someSources(List.of(source), "input.source").get(0);
			name = nonBlank(name, "input.name");
			newName = (newName != null) ? nonBlank(newName, "input.newName") : null;
			access = (access != null) ? nonBlank(access, ACCESS) : null;
		}

	}

	/**
	 * Delete a group.
	 *
	 * @param source the source
	 * @param name its name
	 * @param dryRun check only
	 */
	public record DeleteGroup(String source, String name, boolean dryRun) {

		public DeleteGroup {
			source = someSources(List.of(source), "input.source").get(0);
			name = nonBlank(name, "input.name");
		}

	}

	/**
	 * Add a user to a project, or remove one.
	 *
	 * @param project the project
	 * @param user the user, an account of the project's source
	 * @param add add when true, remove when false
	 * @param dryRun check only
	 */
	public record ProjectMember(NodeId project, NodeId user, boolean add, boolean dryRun) {

		public ProjectMember {
			if (project.kind() != NodeId.Kind.PROJECT) {
				throw new InvalidInputException("input.project", "input.project is not a project id");
			}
			if (user.kind() != NodeId.Kind.USER) {
				throw new InvalidInputException("input.user", "input.user is not a user id");
			}
			if (!project.source().equals(user.source())) {
				throw new InvalidInputException("input.user", "input.user is an account of source '" + user.source()
						+ "', not of the project's source '" + project.source() + "'");
			}
		}

	}

	private static List<String> someSources(@Nullable List<String> ids, String argument) {
		if (ids == null || ids.isEmpty() || ids.stream().anyMatch((id) -> id == null || id.isBlank())) {
			throw new InvalidInputException(argument, argument + " must name at least one source");
		}
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private static String validEmail(@Nullable String email, String argument) {
		if (!Emails.isValid(email)) {
			throw new InvalidInputException(argument, argument + " is not a valid email address");
		}
		return java.util.Objects.requireNonNull(Emails.normalize(email));
	}

	private static String nonBlank(@Nullable String value, String argument) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(argument, argument + " must not be blank");
		}
		return value.trim();
	}

}
