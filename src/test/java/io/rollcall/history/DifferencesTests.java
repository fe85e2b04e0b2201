package io.rollcall.history;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What changed for one account between two snapshots, each kind.
 */
class DifferencesTests {

	private static final AccountRecord.Item TESTER = new AccountRecord.Item("2", "Tester", null);

	private static final AccountRecord.Item LEAD = new AccountRecord.Item("3", "Lead", null);

	private static final AccountRecord.Item QA = new AccountRecord.Item("1", "QA", null);

	@Test
	void sameAccessIsNoChange() {
		AccountRecord ada = account(true, List.of(TESTER), List.of(QA), List.of(project("5", "view")));
		assertThat(Differences.of(ada, ada)).isEmpty();
	}

	@Test
	void eachChangeIsNamedWithWhatItChanged() {
		AccountRecord before = account(true, List.of(TESTER), List.of(QA),
				List.of(project("5", "view"), project("6", "view")));
		AccountRecord after = account(false, List.of(LEAD), List.of(),
				List.of(project("5", "edit", "view"), project("7", "view")));
		assertThat(Differences.of(before, after)).extracting((change) -> change.kind() + " " + change.item())
			.containsExactlyInAnyOrder("ACCOUNT_DISABLED null", "ROLE_ADDED Lead", "ROLE_REMOVED Tester",
					"GROUP_REMOVED QA", "PERMISSIONS_CHANGED Project 5", "PROJECT_ADDED Project 7",
					"PROJECT_REMOVED Project 6");
		AccessChange permissions = Differences.of(before, after)
			.stream()
			.filter((change) -> change.kind() == AccessChange.Kind.PERMISSIONS_CHANGED)
			.findFirst()
			.orElseThrow();
		assertThat(permissions.permissionsBefore()).containsExactly("view");
		assertThat(permissions.permissionsAfter()).containsExactly("edit", "view");
		assertThat(permissions.project()).isEqualTo("Project 5");
		assertThat(permissions.role()).isNull();
	}

	@Test
	void anActiveFlagASourceDoesNotGiveIsNoChange() {
		AccountRecord known = account(true, List.of(), List.of(), List.of());
		AccountRecord unknown = account(null, List.of(), List.of(), List.of());
		assertThat(Differences.of(known, unknown)).isEmpty();
		assertThat(Differences.of(account(false, List.of(), List.of(), List.of()), known))
			.extracting(AccessChange::kind)
			.containsExactly(AccessChange.Kind.ACCOUNT_ENABLED);
	}

	@Test
	void aRoleRenamedIsTheSameRole() {
		AccountRecord before = account(true, List.of(TESTER), List.of(), List.of());
		AccountRecord after = account(true, List.of(new AccountRecord.Item("2", "QA Tester", null)), List.of(),
				List.of());
		assertThat(Differences.of(before, after)).isEmpty();
	}

	private static AccountRecord account(Boolean active, List<AccountRecord.Item> roles,
			List<AccountRecord.Item> groups, List<AccountRecord.ProjectAccess> projects) {
		return new AccountRecord("testmo", "2", "ada@example.com", "Ada Lovelace", active,
				new AccountRecord.Access(roles, groups, projects));
	}

	private static AccountRecord.ProjectAccess project(String id, String... permissions) {
		return new AccountRecord.ProjectAccess(id, "Project " + id, List.of(), List.of(permissions));
	}

}
