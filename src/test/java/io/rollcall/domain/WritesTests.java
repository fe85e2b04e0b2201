package io.rollcall.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source's capabilities are read off its connector: the lists it implements and the
 * parts of its {@link Writes}, and nothing else.
 */
class WritesTests {

	private static final Writes.Invites INVITES = (invitation, dryRun) -> Mono
		.just(Change.dryRun("s", null, null, "Would have invited " + invitation.email()));

	@Test
	void capabilitiesAreReadOffTheParts() {
		assertThat(Writes.NONE.capabilities()).isEmpty();
		Writes.ProjectMembers members = (project, user, add, dryRun) -> Mono.empty();
		Writes writes = Writes.builder().invites(INVITES).projectMembers(members).build();
		assertThat(writes.capabilities()).containsExactly(Capability.INVITE_USER, Capability.MANAGE_PROJECT_MEMBERS);
		assertThat(writes.userRemovals()).isNull();
		SourceInfo source = new SourceInfo("s", Vendor.CODEBASE, "S", EnumSet.of(Capability.LIST_USERS))
			.plus(writes.capabilities());
		assertThat(source.capabilities()).containsExactly(Capability.LIST_USERS, Capability.INVITE_USER,
				Capability.MANAGE_PROJECT_MEMBERS);
	}

	@Test
	void listCapabilitiesAreTheListsAConnectorImplementsOrDerives() {
		Connector usersOnly = new Connector() {
			@Override
			public SourceInfo info() {
				return SourceInfo.of("s", Vendor.TESTMO, "S");
			}

			@Override
			public Mono<List<User>> users() {
				return Mono.just(List.of());
			}

			@Override
			public Set<Part> derivedFromUsers() {
				return Set.of(Part.GROUPS);
			}

			@Override
			public Mono<Void> probe() {
				return Mono.empty();
			}
		};
		assertThat(Connector.capabilitiesOf(usersOnly)).containsExactly(Capability.LIST_USERS, Capability.LIST_GROUPS);
	}

	@Test
	void byDefaultAnInvitationTakesNeitherRoleNorGroups() {
		Writes.Invitation asked = new Writes.Invitation("a@example.com", "A", "B", "Admin", List.of("Ops"));
		SourceView view = new SourceView(new SourceInfo("s", Vendor.CODEBASE, "S", EnumSet.noneOf(Capability.class)),
				List.of(), List.of(), List.of(), List.of(), List.of());
		assertThat(INVITES.invitation(asked, view))
			.isEqualTo(new Writes.Invitation("a@example.com", "A", "B", null, List.of()));
	}

}
