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

	private static void refused(String argument, Executable request) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(request::execute)
			.satisfies((ex) -> assertThat(ex.argument()).isEqualTo(argument));
	}

}
