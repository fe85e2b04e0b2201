package io.rollcall.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

	/**
	 * One person of a bulk invitation, as sent: checked by {@link BulkInvite}.
	 *
	 * @param email the address
	 * @param firstName given name
	 * @param lastName family name
	 * @param role a role's name, for sources whose invitations take one
	 * @param groups group names, for sources whose invitations take groups
	 */
	public record Invitee(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable String role, List<String> groups) {

		public Invitee {
			groups = List.copyOf(groups);
		}

	}

	/**
	 * Invite many people into the same sources. Every entry is checked, and one bad entry
	 * refuses them all, naming each; an email sent twice (in any case) is one person.
	 *
	 * @param people one invitation per distinct person whose entry is well formed, in the
	 * order sent
	 * @param positions each invitation's index in the list as sent, for messages
	 * @param asked how many entries were sent, duplicates included
	 * @param sources the sources, at least one
	 * @param dryRun check only
	 * @param problems the entries that are not well formed
	 */
	public record BulkInvite(List<Invite> people, List<Integer> positions, int asked, List<String> sources,
			boolean dryRun, List<InvalidInputException.Problem> problems) {

		/** The argument the people come in. */
		public static final String PEOPLE = "input.people";

		public BulkInvite {
			people = List.copyOf(people);
			positions = List.copyOf(positions);
			sources = List.copyOf(sources);
			problems = List.copyOf(problems);
		}

		/**
		 * Checks the entries as sent.
		 * @param entries the people, as sent
		 * @param sources the sources
		 * @param dryRun check only
		 * @return the invitations of the entries that are well formed, and the problems
		 * of the others, for {@link #refuseIfAny} once the sources have checked theirs
		 */
		public static BulkInvite of(List<Invitee> entries, List<String> sources, boolean dryRun) {
			List<String> ids = someSources(sources, "input.sources");
			List<InvalidInputException.Problem> problems = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			List<Invite> people = new ArrayList<>();
			List<Integer> positions = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				Invitee entry = entries.get(i);
				String at = PEOPLE + "[" + i + "]";
				int before = problems.size();
				check(problems, at + ".email", entry.email(), emailProblem(entry.email()));
				check(problems, at + ".firstName", entry.firstName(), blankProblem(entry.firstName()));
				check(problems, at + ".lastName", entry.lastName(), blankProblem(entry.lastName()));
				if (problems.size() > before) {
					continue;
				}
				Invite invite = new Invite(ids, Objects.requireNonNull(entry.email()),
						Objects.requireNonNull(entry.firstName()), Objects.requireNonNull(entry.lastName()),
						entry.role(), entry.groups(), dryRun);
				Integer first = seen.putIfAbsent(invite.email(), people.size());
				if (first == null) {
					people.add(invite);
					positions.add(i);
				}
				else if (!invite.equals(people.get(first))) {
					problems.add(InvalidInputException.Problem.at(at + ".email", entry.email(), "repeats " + PEOPLE
							+ "[" + positions.get(first) + "] with other details; send each person once"));
				}
			}
			return new BulkInvite(people, positions, entries.size(), ids, dryRun, problems);
		}

		/**
		 * Refuses the request when any entry is bad.
		 * @param catalogue the problems the sources found with the well-formed entries
		 * @throws InvalidInputException naming every bad entry, in the order sent
		 */
		public void refuseIfAny(List<InvalidInputException.Problem> catalogue) {
			if (this.problems.isEmpty() && catalogue.isEmpty()) {
				return;
			}
			List<InvalidInputException.Problem> all = new ArrayList<>(this.problems);
			all.addAll(catalogue);
			all.sort(Comparator.comparingInt(BulkInvite::entryOf));
			throw InvalidInputException.of(PEOPLE, all);
		}

		private static int entryOf(InvalidInputException.Problem problem) {
			String argument = problem.argument();
			int open = argument.indexOf('[');
			return Integer.parseInt(argument.substring(open + 1, argument.indexOf(']', open)));
		}

		/** The path of a person's entry as sent, e.g. {@code input.people[3]}. */
		public String at(int person) {
			return PEOPLE + "[" + this.positions.get(person) + "]";
		}

	}

	/**
	 * Remove many people's accounts. Every email is checked, and one bad email refuses
	 * them all, naming each; an email sent twice (in any case) is one person.
	 *
	 * @param emails the distinct addresses, normalized, in the order sent
	 * @param asked how many emails were sent, duplicates included
	 * @param sources the sources, or empty for every source (offboarding)
	 * @param dryRun check only
	 */
	public record BulkRemoval(List<String> emails, int asked, List<String> sources, boolean dryRun) {

		/** The argument the emails come in. */
		public static final String EMAILS = "input.emails";

		public BulkRemoval {
			emails = List.copyOf(emails);
			sources = List.copyOf(new LinkedHashSet<>(sources));
		}

		/**
		 * Checks the emails as sent.
		 * @param emails the emails, as sent
		 * @param sources the sources, or empty for every source
		 * @param dryRun check only
		 * @return the removals
		 * @throws InvalidInputException naming every bad email
		 */
		public static BulkRemoval of(List<@Nullable String> emails, List<String> sources, boolean dryRun) {
			if (sources.stream().anyMatch((id) -> id == null || id.isBlank())) {
				throw new InvalidInputException("input.sources", "input.sources must not name a blank source");
			}
			List<InvalidInputException.Problem> problems = new ArrayList<>();
			Set<String> distinct = new LinkedHashSet<>();
			for (int i = 0; i < emails.size(); i++) {
				String email = emails.get(i);
				String problem = emailProblem(email);
				if (problem != null) {
					problems.add(InvalidInputException.Problem.at(EMAILS + "[" + i + "]", email, problem));
				}
				else {
					distinct.add(Objects.requireNonNull(Emails.normalize(email)));
				}
			}
			if (!problems.isEmpty()) {
				throw InvalidInputException.of(EMAILS, problems);
			}
			return new BulkRemoval(List.copyOf(distinct), emails.size(), sources, dryRun);
		}

		/** Whether every source is asked: offboarding. */
		public boolean everywhere() {
			return this.sources.isEmpty();
		}

	}

	private static void check(List<InvalidInputException.Problem> problems, String argument, @Nullable String value,
			@Nullable String problem) {
		if (problem != null) {
			problems.add(InvalidInputException.Problem.at(argument, value, problem));
		}
	}

	private static List<String> someSources(@Nullable List<String> ids, String argument) {
		if (ids == null || ids.isEmpty() || ids.stream().anyMatch((id) -> id == null || id.isBlank())) {
			throw new InvalidInputException(argument, argument + " must name at least one source");
		}
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private static String validEmail(@Nullable String email, String argument) {
		String problem = emailProblem(email);
		if (problem != null) {
			throw new InvalidInputException(argument, argument + " " + problem);
		}
		return Objects.requireNonNull(Emails.normalize(email));
	}

	private static @Nullable String emailProblem(@Nullable String email) {
		return Emails.isValid(email) ? null : "is not a valid email address";
	}

	private static String nonBlank(@Nullable String value, String argument) {
		String problem = blankProblem(value);
		if (problem != null) {
			throw new InvalidInputException(argument, argument + " " + problem);
		}
		return Objects.requireNonNull(value).trim();
	}

	private static @Nullable String blankProblem(@Nullable String value) {
		return (value == null || value.isBlank()) ? "must not be blank" : null;
	}

}
