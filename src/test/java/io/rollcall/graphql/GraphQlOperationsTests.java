package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the documents in {@code graphql/operations/} against vendors that answer as the
 * wire contract says, and checks the answers against the payload files.
 */
class GraphQlOperationsTests extends GatewayTestBase {

	@Test
	void everyoneWithAccessListsEveryAccountOfEverySourceWithRolesGroupsAndProjects() {
		this.graphQl.documentName("everyoneWithAccess")
			.execute()
			.errors()
			.verify()
			.path("users.totalCount")
			.entity(Integer.class)
			.isEqualTo(13)
			.path("users.edges[*].node.source.id")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsOnly("cintoo", "testmo", "codebase",
					"periscope-eu"))
			.path("users.edges[?(@.node.source.id == 'testmo' && @.node.displayName == 'Ada Lovelace')].node.roles[*].name")
			.entityList(String.class)
			.containsExactly("Tester")
			.path("users.edges[?(@.node.source.id == 'testmo' && @.node.displayName == 'Ada Lovelace')].node.groups[*].name")
			.entityList(String.class)
			.containsExactly("QA", "Developers")
			.path("users.edges[?(@.node.source.id == 'periscope-eu' && @.node.displayName == 'Dan Wentworth')].node.groups[*].name")
			.entityList(String.class)
			.containsExactly("Analysts", "Everyone")
			.path("users.edges[?(@.node.source.id == 'cintoo' && @.node.displayName == 'Ada Lovelace')].node.projects[0].permissions[*]")
			.entityList(String.class)
			.containsExactly("view3d", "annotate")
			.path("users.edges[?(@.node.source.id == 'testmo' && @.node.displayName == 'Grace Hopper')].node.projects[0].roles[*].name")
			.entityList(String.class)
			.containsExactly("Lead")
			.path("users.edges[?(@.node.source.id == 'codebase' && @.node.displayName == 'Dan Wentworth')].node.projects[*].project.name")
			.entityList(String.class)
			.satisfies(
					(list) -> assertThat(List.copyOf(list)).containsExactlyInAnyOrder("Awesome project", "Codebase"));
	}

	@Test
	void everyoneWithAccessPagesInAStableOrder() {
		List<String> firstPage = this.graphQl.documentName("everyoneWithAccess")
			.variable("first", 5)
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.get();
		String cursor = this.graphQl.documentName("everyoneWithAccess")
			.variable("first", 5)
			.execute()
			.path("users.pageInfo.endCursor")
			.entity(String.class)
			.get();
		List<String> secondPage = this.graphQl.documentName("everyoneWithAccess")
			.variable("first", 5)
			.variable("after", cursor)
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.get();
		List<String> all = this.graphQl.documentName("everyoneWithAccess")
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(firstPage).hasSize(5).doesNotContainAnyElementsOf(secondPage);
		assertThat(all.subList(0, 10)).containsExactlyElementsOf(
				java.util.stream.Stream.concat(firstPage.stream(), secondPage.stream()).toList());
	}

	@Test
	void personAccessJoinsAccountsOnTheNormalizedEmail() {
		this.graphQl.documentName("personAccess")
			.variable("email", "  ADA@Example.COM ")
			.execute()
			.errors()
			.verify()
			.path("person.email")
			.entity(String.class)
			.isEqualTo("ada@example.com")
			.path("person.displayName")
			.entity(String.class)
			.isEqualTo("Ada Lovelace")
			.path("person.accounts[*].source.id")
			.entityList(String.class)
			.containsExactly("cintoo", "codebase", "periscope-eu", "testmo")
			.path("person.sources[*].name")
			.entityList(String.class)
			.containsExactly("cintoo", "codebase", "Periscope (EU)", "testmo")
			.path("person.accounts[?(@.source.id == 'codebase')].active")
			.entityList(Boolean.class)
			.containsExactly(false)
			.path("person.accounts[?(@.source.id == 'periscope-eu')].nativeId")
			.entityList(String.class)
			.containsExactly("ada@example.com");
	}

	@Test
	void personAccessIsNullForAnUnknownEmail() {
		this.graphQl.documentName("personAccess")
			.variable("email", "nobody@example.com")
			.execute()
			.errors()
			.verify()
			.path("person")
			.valueIsNull();
	}

	@Test
	void projectMembersShowsRolesAndPermissionsWhereTheVendorTellsThem() {
		this.graphQl.documentName("projectMembers")
			.execute()
			.errors()
			.verify()
			.path("projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("projects.edges[?(@.node.name == 'Plant 7')].node.members[*].user.displayName")
			.entityList(String.class)
			.containsExactly("Ada Lovelace", "Grace Hopper")
			.path("projects.edges[?(@.node.name == 'Plant 7')].node.members[0].permissions[*]")
			.entityList(String.class)
			.containsExactly("view3d", "annotate")
			.path("projects.edges[?(@.node.name == 'Checkout')].node.members[*].roles[*].name")
			.entityList(String.class)
			.containsExactly("Tester", "Lead")
			.path("projects.edges[?(@.node.name == 'Legacy Import')].node.status")
			.entityList(String.class)
			.containsExactly("completed")
			.path("projects.edges[?(@.node.name == 'Awesome project')].node.members[*].user.email")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsExactlyInAnyOrder("dan@example.com",
					"ADA@example.com"));
	}

	@Test
	void projectMembersFiltersByName() {
		this.graphQl.documentName("projectMembers")
			.variable("search", "PLANT")
			.execute()
			.path("projects.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Plant 7");
	}

	@Test
	void peopleInManyToolsFindsThoseWithAtLeastThreeAccounts() {
		this.graphQl.documentName("peopleInManyTools")
			.execute()
			.errors()
			.verify()
			.path("people.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("people.edges[0].node.email")
			.entity(String.class)
			.isEqualTo("ada@example.com")
			.path("people.edges[0].node.accounts")
			.entityList(Object.class)
			.hasSize(4);
		this.graphQl.documentName("peopleInManyTools")
			.variable("minAccounts", 2)
			.execute()
			.path("people.edges[*].node.email")
			.entityList(String.class)
			.containsExactly("ada@example.com", "dan@example.com", "grace@example.com");
	}

	@Test
	void inactiveAccountsListsDisabledAndForgottenAccounts() {
		this.graphQl.documentName("inactiveAccounts").execute().errors().verify().path("inactiveAccounts", (path) -> {
		})
			.path("users.edges[*].node.displayName")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsExactlyInAnyOrder("Ada Lovelace",
					"Forgotten user", "Linus Torvalds"));
	}

	@Test
	void groupsAndMembersDerivesPeriscopeMembersFromUsers() {
		this.graphQl.documentName("groupsAndMembers")
			.execute()
			.errors()
			.verify()
			.path("groups[*].name")
			.entityList(String.class)
			.containsExactly("Administrators", "Analysts", "Everyone", "Analysts", "Everyone", "QA", "Developers")
			.path("groups[?(@.name == 'Everyone' && @.source.id == 'periscope-eu')].members[*].email")
			.entityList(String.class)
			.containsExactly("ada@example.com", "Dan@Example.com")
			.path("groups[?(@.name == 'Analysts')].access")
			.entityList(String.class)
			.containsExactly("Discovery", "SQL")
			.path("groups[?(@.name == 'QA')].members[*].displayName")
			.entityList(String.class)
			.containsExactly("Ada Lovelace", "Linus Torvalds");
	}

	@Test
	void groupsAndMembersNarrowsToSources() {
		this.graphQl.documentName("groupsAndMembers")
			.variable("sources", List.of("testmo"))
			.execute()
			.path("groups[*].source.id")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsOnly("testmo"));
	}

	@Test
	void rolesCatalogueListsRolesWithTheirDefault() {
		this.graphQl.documentName("rolesCatalogue")
			.execute()
			.errors()
			.verify()
			.path("roles[?(@.isDefault == true)].name")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsExactlyInAnyOrder("Trusted Users", "Tester"))
			.path("roles[?(@.name == 'Administrators')].permissions[*]")
			.entityList(String.class)
			.containsExactly("admin", "projects.write_all");
	}

	@Test
	void sourcesHealthProbesEverySource() {
		this.graphQl.documentName("sourcesHealth")
			.execute()
			.errors()
			.verify()
			.path("sources[*].id")
			.entityList(String.class)
			.containsExactly("cintoo", "codebase", "periscope-eu", "periscope-us", "testmo")
			.path("sources[*].health.status")
			.entityList(String.class)
			.satisfies((list) -> assertThat(List.copyOf(list)).containsOnly("UP"))
			.path("sources[?(@.id == 'codebase')].capabilities[*]")
			.entityList(String.class)
			.containsExactly("LIST_USERS", "LIST_PROJECTS", "LIST_ROLES", "INVITE_USER", "MANAGE_PROJECT_MEMBERS");
	}

	@Test
	void searchUsersMatchesNameEmailAndUsernameAndFiltersByRoleAndGroup() {
		this.graphQl.documentName("searchUsers")
			.variable("search", "ken")
			.execute()
			.path("users.edges[*].node.username")
			.entityList(String.class)
			.containsExactly("ken");
		this.graphQl.documentName("searchUsers")
			.variable("role", "lead")
			.execute()
			.path("users.edges[*].node.displayName")
			.entityList(String.class)
			.containsExactly("Grace Hopper");
		this.graphQl.documentName("searchUsers")
			.variable("group", "everyone")
			.execute()
			.path("users.edges[*].node.email")
			.entityList(String.class)
			.containsExactly("ada@example.com", "Dan@Example.com")
			.path("users.edges[0].node.person.accounts")
			.entityList(Object.class)
			.hasSize(4);
	}

	@Test
	void nodeByIdResolvesEveryKindOfNode() {
		List<Map<String, Object>> users = this.graphQl.documentName("searchUsers")
			.variable("search", "wentworth")
			.execute()
			.path("users.edges[*].node")
			.entityList(Object.class)
			.get()
			.stream()
			.map((node) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) node;
				return map;
			})
			.toList();
		assertThat(users).hasSize(2);
		for (Map<String, Object> user : users) {
			this.graphQl.documentName("nodeById")
				.variable("id", user.get("id"))
				.execute()
				.path("node.__typename")
				.entity(String.class)
				.isEqualTo("User")
				.path("node.displayName")
				.entity(String.class)
				.isEqualTo("Dan Wentworth");
		}
		String groupId = this.graphQl.documentName("groupsAndMembers")
			.variable("sources", List.of("periscope-eu"))
			.execute()
			.path("groups[0].id")
			.entity(String.class)
			.get();
		this.graphQl.documentName("nodeById")
			.variable("id", groupId)
			.execute()
			.path("node.__typename")
			.entity(String.class)
			.isEqualTo("Group")
			.path("node.access")
			.entity(String.class)
			.isEqualTo("SQL");
	}

	@Test
	void refreshSourcesMakesTheNextReadGoUpstream() {
		this.graphQl.documentName("groupsAndMembers").execute().errors().verify();
		int before = io.rollcall.support.VendorStubs.totalCalls();
		this.graphQl.documentName("groupsAndMembers").execute().errors().verify();
		assertThat(io.rollcall.support.VendorStubs.totalCalls()).isEqualTo(before);
		this.graphQl.documentName("refreshSources")
			.variable("ids", List.of("periscope-eu"))
			.execute()
			.path("refreshSources[*].id")
			.entityList(String.class)
			.containsExactly("periscope-eu");
		this.graphQl.documentName("groupsAndMembers").execute().errors().verify();
		assertThat(io.rollcall.support.VendorStubs.totalCalls()).isEqualTo(before + 2);
	}

}
