package io.rollcall.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Change requests check their own syntax as they are made, each problem naming its
 * argument; what they keep is normalized.
 */
class ChangeRequestsTests {

	@Test
	void anInvitationIsNormalized() {
		ChangeRequests.Invite invite = new ChangeRequests.Invite(List.of("codebase", "codebase", "testmo"),
				" Ada@Example.COM ", " Ada ", "Lovelace", null, List.of(), false);
		assertThat(invite.email()).isEqualTo("ada@example.com");
		assertThat(invite.firstName()).isEqualTo("Ada");
		assertThat(invite.sources()).containsExactly("codebase", "testmo");
	}

	@Test
	void eachBadArgumentIsNamed() {
		refused("input.email",
				() -> new ChangeRequests.Invite(List.of("codebase"), "not-an-email", "A", "B", null, List.of(), false));
		refused("input.firstName", () -> new ChangeRequests.Invite(List.of("codebase"), "a@example.com", " ", "B", null,
				List.of(), false));
		refused("input.sources",
				() -> new ChangeRequests.Invite(List.of(), "a@example.com", "A", "B", null, List.of(), false));
		refused("input.lastName",
				() -> new ChangeRequests.UpdateUser("periscope", "a@example.com", null, "", null, false));
		refused("input.email", () -> new ChangeRequests.RemoveUser("", List.of(), false));
		refused("input.access", () -> new ChangeRequests.CreateGroup("periscope", "Auditors", " ", false));
		refused("input.newName", () -> new ChangeRequests.UpdateGroup("periscope", "Auditors", "", null, false));
		refused("input.name", () -> new ChangeRequests.DeleteGroup("periscope", "", false));
	}

	@Test
	void aProjectMemberIsAnAccountOfTheProjectsSource() {
		NodeId project = NodeId.project("codebase", "p");
		refused("input.project", () -> new ChangeRequests.ProjectMember(NodeId.user("codebase", "1"),
				NodeId.user("codebase", "1"), true, false));
		refused("input.user", () -> new ChangeRequests.ProjectMember(project, project, true, false));
		refused("input.user", () -> new ChangeRequests.ProjectMember(project, NodeId.user("testmo", "1"), true, false));
		assertThat(new ChangeRequests.ProjectMember(project, NodeId.user("codebase", "1"), true, false).add()).isTrue();
	}

	@Test
	void removingFromNoSourceInParticularIsOffboarding() {
		assertThat(new ChangeRequests.RemoveUser("a@example.com", List.of(), true).everywhere()).isTrue();
		assertThat(new ChangeRequests.RemoveUser("a@example.com", List.of("testmo"), true).everywhere()).isFalse();
	}

	@Test
	void aBulkRemovalIsOnePersonPerEmailInAnyCaseInTheOrderSent() {
		ChangeRequests.BulkRemoval removal = ChangeRequests.BulkRemoval
			.of(List.of("b@example.com", " A@Example.com", "a@example.com", "B@EXAMPLE.COM"), List.of(), true);
		assertThat(removal.emails()).containsExactly("b@example.com", "a@example.com");
		assertThat(removal.asked()).isEqualTo(4);
		assertThat(removal.everywhere()).isTrue();
	}

	@Test
	void aBulkRemovalNamesEveryBadEmailByItsIndex() {
		List<String> emails = new java.util.ArrayList<>(List.of("ok@example.com", "nope", "ok2@example.com", ""));
		emails.add(null);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ChangeRequests.BulkRemoval.of(emails, List.of("periscope"), false))
			.satisfies((ex) -> {
				assertThat(ex.argument()).isEqualTo("input.emails");
				assertThat(ex.problems()).extracting(InvalidInputException.Problem::argument)
					.containsExactly("input.emails[1]", "input.emails[3]", "input.emails[4]");
				assertThat(ex.problems().get(0).value()).isEqualTo("nope");
				assertThat(ex.problems().get(2).value()).isNull();
			});
	}

	@Test
	void aBulkInvitationKeepsEveryProblemAndRepeatsOfOnePersonOnce() {
		ChangeRequests.Invitee ada = new ChangeRequests.Invitee("ada@example.com", "Ada", "Lovelace", null, List.of());
		ChangeRequests.BulkInvite invite = ChangeRequests.BulkInvite.of(
				List.of(ada, new ChangeRequests.Invitee("ADA@example.com", " Ada ", "Lovelace", null, List.of()),
						new ChangeRequests.Invitee("bob@", "Bob", "", null, List.of()),
						new ChangeRequests.Invitee("ada@example.com", "Ada", "Byron", null, List.of())),
				List.of("periscope"), false);
		assertThat(invite.people()).extracting(ChangeRequests.Invite::email).containsExactly("ada@example.com");
		assertThat(invite.at(0)).isEqualTo("input.people[0]");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> invite.refuseIfAny(List
				.of(InvalidInputException.Problem.at("input.people[1].groups", "Nope", "names no group of periscope"))))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::argument)
				.containsExactly("input.people[1].groups", "input.people[2].email", "input.people[2].lastName",
						"input.people[3].email"));
	}

	@Test
	void aListMessageNamesTheFirstTenEntriesAndCountsTheRest() {
		List<InvalidInputException.Problem> problems = java.util.stream.IntStream.range(0, 25)
			.mapToObj((i) -> InvalidInputException.Problem.at("input.emails[" + i + "]", "x" + i, "is bad"))
			.toList();
		InvalidInputException ex = InvalidInputException.of("input.emails", problems);
		assertThat(ex.getMessage()).startsWith("25 entries of input.emails cannot be used; nothing was sent: ")
			.contains("input.emails[9] 'x9' is bad")
			.doesNotContain("input.emails[10]")
			.endsWith("and 15 more (extensions.problems)");
		assertThat(ex.problems()).hasSize(25);
	}

	private static void refused(String argument, Executable request) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(request::execute)
			.satisfies((ex) -> assertThat(ex.argument()).isEqualTo(argument));
	}

}
