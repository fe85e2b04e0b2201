package io.rollcall.domain;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One source's lists joined: groups named on users or on groups, memberships listed on
 * projects or on users, account roles that apply inside projects, and what is left out
 * when a list does not know the other side.
 */
class SourceViewTests {

	private static final SourceInfo SOURCE = new SourceInfo("s", Vendor.TESTMO, "S", EnumSet.noneOf(Capability.class));

	private final Role admin = new Role("s", "r1", "Admin", List.of("all"), null);

	private final Role tester = new Role("s", "r2", "Tester", List.of(), null);

	private final User ada = User.builder("s", "1", "Ada Lovelace")
		.email(" Ada@Example.com ")
		.roleIds(List.of("r1"))
		.groupIds(List.of("Ops"))
		.memberships(List.of(new Membership("p1", "1", List.of("r2"), List.of("write"), true)))
		.build();

	private final User alan = User.builder("s", "2", "Alan Turing").email("alan@example.com").build();

	private final Group ops = new Group("s", "Ops", "Ops", "View", List.of());

	private final Group auditors = new Group("s", "Auditors", "Auditors", "SQL", List.of("2"));

	private final Project apollo = new Project("s", "p1", "Apollo", null,
			List.of(new Membership("p1", "2", List.of(), List.of("read"), false)));

	private final SourceView view = new SourceView(SOURCE, List.of(this.ada, this.alan), List.of(this.apollo),
			List.of(this.admin, this.tester), List.of(this.ops, this.auditors),
			List.of(new Membership("p1", "ghost", List.of(), List.of(), false)));

	@Test
	void groupsComeFromTheUsersAndFromTheGroups() {
		assertThat(this.view.groupsOf(this.ada)).containsExactly(this.ops);
		assertThat(this.view.groupsOf(this.alan)).containsExactly(this.auditors);
		assertThat(this.view.membersOf(this.auditors)).containsExactly(this.alan);
		assertThat(this.view.inGroupNamed(this.ada, "ops")).isTrue();
	}

	@Test
	void projectMembershipsComeFromTheProjectAndFromTheUsers() {
		assertThat(this.view.membersOf(this.apollo)).extracting((m) -> m.user().nativeId())
			.containsExactlyInAnyOrder("1", "2");
		ProjectMembership ada = this.view.projectsOf(this.ada).get(0);
		// Her account role applies inside the project, beside the project's own.
		assertThat(ada.roles()).containsExactlyInAnyOrder(this.tester, this.admin);
		assertThat(ada.permissions()).containsExactly("write");
		assertThat(this.view.hasRoleNamed(this.ada, "tester")).isTrue();
		assertThat(this.view.hasRoleNamed(this.alan, "admin")).isFalse();
	}

	@Test
	void aMembershipOfAnUnlistedUserIsLeftOut() {
		assertThat(this.view.membersOf(this.apollo)).extracting((m) -> m.user().nativeId()).doesNotContain("ghost");
	}

	@Test
	void accountsAreFoundByTheirNormalizedEmail() {
		assertThat(this.view.account("ada@example.com")).isEqualTo(this.ada);
		assertThat(this.view.account("nobody@example.com")).isNull();
	}

	@Test
	void namesInAChangeAreCheckedAgainstTheCatalogue() {
		assertThat(this.view.roleNamed(" admin ", "input.role")).isEqualTo(this.admin);
		assertThat(this.view.groupNames(List.of("ops", "AUDITORS"), "input.groups")).containsExactly("Ops", "Auditors");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.view.groupNames(List.of("Nope"), "input.groups"))
			.withMessageContaining("its groups are: Ops, Auditors");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.view.roleNamed("Wizard", "input.role"))
			.withMessageContaining("its roles are: Admin, Tester");
	}

}
