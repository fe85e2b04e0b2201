package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.rollcall.domain.NodeId;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes across sources: WireMock checks the exact method, path, headers and body of
 * every vendor write, and that each is sent exactly once.
 */
class MutationTests extends GatewayTestBase {

	private static final String CODEBASE_AUTH = "Basic YWNtZS9kYW46Y29kZWJhc2Uta2V5";

	@Test
	void invitesIntoCodebaseAndTwoPeriscopeSitesAndThePersonShowsAllAccountsAtOnce() {
		stubCodebaseInvite();
		stubPeriscopeInvite("", "acme-eu:periscope-key", "Analysts");
		stubPeriscopeInvite("/us", "acme-us:periscope-us-key", "Analysts");
		invite(List.of("codebase", "periscope-eu", "periscope-us"), false).path("inviteUser.ok")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("inviteUser.changes[*].status")
			.entityList(String.class)
			.containsExactly("DONE", "DONE", "DONE")
			.path("inviteUser.changes[*].source.id")
			.entityList(String.class)
			.containsExactly("codebase", "periscope-eu", "periscope-us");
		VendorStubs.codebase()
			.verify(1,
					postRequestedFor(urlEqualTo("/users")).withHeader("Content-Type", equalTo("application/xml"))
						.withHeader("Authorization", equalTo(CODEBASE_AUTH))
						.withRequestBody(equalTo("<user><first-name>Marie</first-name><last-name>Curie</last-name>"
								+ "<email-address>marie@example.com</email-address><role-id>1</role-id></user>")));
		for (String[] site : new String[][] { { "", "acme-eu:periscope-key" },
				{ "/us", "acme-us:periscope-us-key" } }) {
			VendorStubs.periscope()
				.verify(1, postRequestedFor(urlEqualTo(site[0] + "/api/v1/users"))
					.withHeader("HTTP-X-PARTNER-AUTH", equalTo(site[1]))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson(
							"{\"first_name\":\"Marie\",\"last_name\":\"Curie\",\"email\":\"marie@example.com\","
									+ "\"groups\":[\"Analysts\"],\"invited_by_email\":\"admin@example.com\"}")));
		}
		this.graphQl.documentName("personAccess")
			.variable("email", "marie@example.com")
			.execute()
			.errors()
			.verify()
			.path("person.accounts[*].source.id")
			.entityList(String.class)
			.containsExactly("codebase", "periscope-eu", "periscope-us");
	}

	@Test
	void aDryRunSendsNothingToCodebaseAndOnlyTestModeToPeriscope() {
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/users?test_mode=true")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":9,\"first_name\":\"Marie\",\"last_name\":\"Curie\",\"email\":\"marie@example.com\","
						+ "\"groups\":[\"Analysts\"],\"test_mode\":true}")));
		invite(List.of("codebase", "periscope-eu"), true).path("inviteUser.ok")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("inviteUser.changes[*].status")
			.entityList(String.class)
			.containsExactly("DRY_RUN", "DRY_RUN");
		VendorStubs.codebase().verify(0, postRequestedFor(anyUrl()));
		VendorStubs.periscope().verify(1, postRequestedFor(anyUrl()));
		VendorStubs.periscope().verify(1, postRequestedFor(urlEqualTo("/api/v1/users?test_mode=true")));
	}

	@Test
	void badInputIsRefusedWithTheArgumentNamedAndNothingSent() {
		expectBadInput(this.graphQl.documentName("inviteIntoTools")
			.variable("sources", List.of("codebase"))
			.variable("email", "not-an-email")
			.variable("firstName", "A")
			.variable("lastName", "B"), "input.email");
		expectBadInput(this.graphQl.documentName("inviteIntoTools")
			.variable("sources", List.of("codebase", "jira"))
			.variable("email", "a@example.com")
			.variable("firstName", "A")
			.variable("lastName", "B"), "input.sources");
		assertThat(VendorStubs.totalCalls()).isZero();
		expectBadInput(this.graphQl.documentName("inviteIntoTools")
			.variable("sources", List.of("codebase", "periscope-eu"))
			.variable("email", "a@example.com")
			.variable("firstName", "A")
			.variable("lastName", "B")
			.variable("role", "Wizards"), "input.role");
		expectBadInput(this.graphQl.documentName("inviteIntoTools")
			.variable("sources", List.of("periscope-eu"))
			.variable("email", "a@example.com")
			.variable("firstName", "A")
			.variable("lastName", "B")
			.variable("groups", List.of("Nope")), "input.groups");
		expectBadInput(this.graphQl.documentName("createGroup")
			.variable("source", "periscope-eu")
			.variable("name", "Auditors")
			.variable("access", "Admin"), "input.access");
		String project = NodeId.project("codebase", "codebase").encode();
		expectBadInput(this.graphQl.documentName("addProjectMember")
			.variable("project", project)
			.variable("user", NodeId.user("testmo", "2").encode()), "input.user");
		for (var server : VendorStubs.all().values()) {
			server.verify(0, postRequestedFor(anyUrl()));
			server.verify(0, putRequestedFor(anyUrl()));
			server.verify(0, deleteRequestedFor(anyUrl()));
		}
	}

	@Test
	void offboardingRemovesEverywhereItCanAndSaysWhereItCouldNot() {
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL", equalTo("ada@example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"email\":\"ada@example.com\",\"deleted\":true}")));
		GraphQlTester.Response response = this.graphQl.documentName("offboardingDryRun")
			.variable("email", "ADA@example.com")
			.variable("dryRun", false)
			.execute();
		response.errors().verify();
		List<Map<String, Object>> changes = changes(response, "removeUser");
		assertThat(changes).extracting((c) -> ((Map<?, ?>) c.get("source")).get("id") + ":" + c.get("status"))
			.containsExactly("cintoo:UNSUPPORTED", "codebase:UNSUPPORTED", "periscope-eu:DONE", "testmo:UNSUPPORTED");
		response.path("removeUser.ok").entity(Boolean.class).isEqualTo(false);
		VendorStubs.periscope()
			.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL",
					equalTo("ada@example.com")));
		VendorStubs.periscope().verify(0, deleteRequestedFor(urlEqualTo("/us/api/v1/users")));
	}

	@Test
	void offboardingSomeoneNoToolKnowsSaysNotFoundInEverySource() {
		GraphQlTester.Response response = this.graphQl.documentName("offboardingDryRun")
			.variable("email", "nobody.here@example.com")
			.execute();
		response.errors().verify();
		List<Map<String, Object>> changes = changes(response, "removeUser");
		assertThat(changes).extracting((c) -> ((Map<?, ?>) c.get("source")).get("id") + ":" + c.get("status"))
			.containsExactly("cintoo:NOT_FOUND", "codebase:NOT_FOUND", "periscope-eu:NOT_FOUND",
					"periscope-us:NOT_FOUND", "testmo:NOT_FOUND");
		assertThat(changes).allSatisfy((change) -> assertThat(change).containsEntry("code", "NOT_FOUND"));
		assertThat((String) changes.get(0).get("message")).contains("nobody.here@example.com");
		VendorStubs.periscope().verify(0, deleteRequestedFor(urlEqualTo("/api/v1/users")));
	}

	@Test
	void vendorRefusalsBecomeReadableFailures() {
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/users")).willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"User already exists\"}")));
		VendorStubs.codebase()
			.stubFor(post(urlEqualTo("/users")).willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/xml")
				.withBody("<errors><error>Email address is invalid</error></errors>")));
		GraphQlTester.Response response = invite(List.of("codebase", "periscope-eu"), false);
		List<Map<String, Object>> changes = changes(response, "inviteUser");
		assertThat(changes).extracting((c) -> c.get("status") + " " + c.get("code") + " " + c.get("message"))
			.containsExactly(
					"FAILED SOURCE_REJECTED Source 'codebase' refused the change (HTTP 422): Email address is invalid",
					"FAILED SOURCE_REJECTED Source 'periscope-eu' refused the change (HTTP 409): User already exists");
		VendorStubs.codebase().verify(1, postRequestedFor(urlEqualTo("/users")));
		VendorStubs.periscope().verify(1, postRequestedFor(urlEqualTo("/api/v1/users")));
	}

	@Test
	void aWriteWhoseAnswerNeverCameIsFailedWithAnUnknownOutcomeAndNotRetried() {
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/users")).willReturn(aResponse().withFixedDelay(2500).withStatus(201)));
		VendorStubs.codebase().stubFor(post(urlEqualTo("/users")).willReturn(aResponse().withStatus(503)));
		List<Map<String, Object>> changes = changes(invite(List.of("codebase", "periscope-eu"), false), "inviteUser");
		assertThat(changes.get(0)).containsEntry("status", "FAILED").containsEntry("code", "SOURCE_UNAVAILABLE");
		assertThat(changes.get(1)).containsEntry("status", "FAILED").containsEntry("code", "SOURCE_TIMEOUT");
		assertThat((String) changes.get(1).get("message")).contains("the outcome is unknown");
		VendorStubs.codebase().verify(1, postRequestedFor(urlEqualTo("/users")));
		VendorStubs.periscope().verify(1, postRequestedFor(urlEqualTo("/api/v1/users")));
	}

	@Test
	void concurrentAdditionsToOneCodebaseProjectBothSurvive() {
		// The stub keeps the project's set as Codebase would: each POST replaces it.
		String scenario = "assignments";
		stubAssignments(scenario, Scenario.STARTED, "1");
		stubAssignments(scenario, "1,2", "1,2");
		stubAssignments(scenario, "1,3", "1,3");
		stubAssignments(scenario, "1,2,3", "1,2,3");
		stubReplace(scenario, Scenario.STARTED, "<users><user><id>1</id></user><user><id>2</id></user></users>", "1,2");
		stubReplace(scenario, Scenario.STARTED, "<users><user><id>1</id></user><user><id>3</id></user></users>", "1,3");
		stubReplace(scenario, "1,2",
				"<users><user><id>1</id></user><user><id>2</id></user><user><id>3</id></user></users>", "1,2,3");
		stubReplace(scenario, "1,3",
				"<users><user><id>1</id></user><user><id>3</id></user><user><id>2</id></user></users>", "1,2,3");
		String project = NodeId.project("codebase", "codebase").encode();
		List<String> statuses = Flux.just("2", "3")
			.flatMap((user) -> Flux.just(this.graphQl.documentName("addProjectMember")
				.variable("project", project)
				.variable("user", NodeId.user("codebase", user).encode())
				.execute()
				.path("addProjectMember.changes[0].status")
				.entity(String.class)
				.get()), 2)
			.collectList()
			.block();
		assertThat(statuses).containsExactly("DONE", "DONE");
		VendorStubs.codebase().verify(2, postRequestedFor(urlEqualTo("/codebase/assignments")));
		assertThat(VendorStubs.codebase().getAllScenarios().getScenarios())
			.anySatisfy((s) -> assertThat(s.getState()).isEqualTo("1,2,3"));
	}

	@Test
	void aDryRunAnswersTheAccountAsItIsAndThePlannedChangeApart() {
		VendorStubs.periscope()
			.stubFor(put(urlEqualTo("/api/v1/users?test_mode=true"))
				.withHeader("HTTP-X-EMAIL", equalTo("Dan@Example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody(
							"{\"id\":124,\"first_name\":\"Dan\",\"last_name\":\"Wentworth\",\"email\":\"Dan@Example.com\","
									+ "\"groups\":[\"Administrators\"],\"test_mode\":true}")));
		GraphQlTester.Response response = this.graphQl.documentName("updateUserGroups")
			.variable("source", "periscope-eu")
			.variable("email", "dan@example.com")
			.variable("groups", List.of("administrators"))
			.variable("dryRun", true)
			.execute();
		response.path("updateUser.changes[0].status").entity(String.class).isEqualTo("DRY_RUN");
		// Under the real account's id, the groups it has: a normalised cache sees no
		// change.
		response.path("updateUser.changes[0].user.groups[*].name")
			.entityList(String.class)
			.containsExactly("Analysts", "Everyone");
		response.path("updateUser.changes[0].planned.account.groups")
			.entityList(String.class)
			.containsExactly("Administrators");
		response.path("updateUser.changes[0].planned.account.email").entity(String.class).isEqualTo("Dan@Example.com");
		this.graphQl.documentName("inviteIntoTools")
			.variable("sources", List.of("codebase"))
			.variable("email", "new.person@example.com")
			.variable("firstName", "New")
			.variable("lastName", "Person")
			.variable("dryRun", true)
			.execute()
			.path("inviteUser.changes[0].user")
			.valueIsNull();
	}

	@Test
	void updateUserReplacesGroupsAndTheNextReadShowsIt() {
		VendorStubs.periscope()
			.stubFor(put(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL", equalTo("Dan@Example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody(
							"{\"id\":124,\"first_name\":\"Dan\",\"last_name\":\"Wentworth\",\"email\":\"Dan@Example.com\","
									+ "\"groups\":[\"Administrators\"]}")));
		this.graphQl.documentName("updateUserGroups")
			.variable("source", "periscope-eu")
			.variable("email", "dan@example.com")
			.variable("groups", List.of("administrators"))
			.execute()
			.errors()
			.verify()
			.path("updateUser.changes[0].status")
			.entity(String.class)
			.isEqualTo("DONE");
		VendorStubs.periscope()
			.verify(1,
					putRequestedFor(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL", equalTo("Dan@Example.com"))
						.withRequestBody(equalToJson("{\"groups\":[\"Administrators\"]}")));
		// The write dropped the site's cached lists: the next read asks Periscope again.
		this.graphQl.documentName("groupsAndMembers")
			.variable("sources", List.of("periscope-eu"))
			.execute()
			.errors()
			.verify();
		VendorStubs.periscope().verify(2, WireMock.getRequestedFor(urlEqualTo("/api/v1/users")));
	}

	@Test
	void groupsAreCreatedWithTheCreatorAndUnknownGroupsAreNotFoundWithoutACall() {
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/groups")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"name\":\"Auditors\",\"access\":\"View\"}")));
		this.graphQl.documentName("createGroup")
			.variable("source", "periscope-eu")
			.variable("name", "Auditors")
			.variable("access", "view")
			.execute()
			.path("createGroup.changes[0].status")
			.entity(String.class)
			.isEqualTo("DONE")
			.path("createGroup.changes[0].group.access")
			.entity(String.class)
			.isEqualTo("View");
		VendorStubs.periscope()
			.verify(1, postRequestedFor(urlEqualTo("/api/v1/groups")).withRequestBody(equalToJson(
					"{\"name\":\"Auditors\",\"access\":\"View\",\"created_by_email\":\"admin@example.com\"}")));
		this.graphQl.documentName("deleteGroup")
			.variable("source", "periscope-eu")
			.variable("name", "Ghosts")
			.execute()
			.path("deleteGroup.changes[0].status")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		VendorStubs.periscope().verify(0, deleteRequestedFor(anyUrl()));
		this.graphQl.documentName("createGroup")
			.variable("source", "testmo")
			.variable("name", "Auditors")
			.variable("access", "View")
			.execute()
			.path("createGroup.changes[0].status")
			.entity(String.class)
			.isEqualTo("UNSUPPORTED");
		VendorStubs.testmo().verify(0, anyRequestedFor(anyUrl()));
	}

	private GraphQlTester.Response invite(List<String> sources, boolean dryRun) {
		return this.graphQl.documentName("inviteIntoTools")
			.variable("sources", sources)
			.variable("email", "Marie@Example.com")
			.variable("firstName", "Marie")
			.variable("lastName", "Curie")
			.variable("role", "administrators")
			.variable("groups", List.of("analysts"))
			.variable("dryRun", dryRun)
			.execute();
	}

	private static void stubCodebaseInvite() {
		String marie = "<user><api-key>abcabcabcabcabcabcabcabcabcabcabcabcabca</api-key>"
				+ "<email-address>marie@example.com</email-address><id type=\"integer\">9</id><first-name>Marie</first-name>"
				+ "<last-name>Curie</last-name><username>marie</username><assignments type=\"array\"></assignments>"
				+ "<enabled type=\"boolean\">true</enabled></user>";
		VendorStubs.codebase()
			.stubFor(post(urlEqualTo("/users")).inScenario("codebase-invite")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/xml").withBody(marie))
				.willSetStateTo("invited"));
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1)
				.inScenario("codebase-invite")
				.whenScenarioStateIs("invited")
				.willReturn(aResponse().withHeader("Content-Type", "application/xml")
					.withBody("<users type=\"array\">" + marie + "</users>")));
	}

	private static void stubPeriscopeInvite(String prefix, String auth, String group) {
		String marie = "{\"id\":200,\"first_name\":\"Marie\",\"last_name\":\"Curie\",\"email\":\"marie@example.com\","
				+ "\"groups\":[\"" + group + "\"]}";
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo(prefix + "/api/v1/users")).withHeader("HTTP-X-PARTNER-AUTH", equalTo(auth))
				.inScenario("periscope-invite" + prefix)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(marie))
				.willSetStateTo("invited"));
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo(prefix + "/api/v1/users")).atPriority(1)
				.inScenario("periscope-invite" + prefix)
				.whenScenarioStateIs("invited")
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"users\":[" + marie + "]}")));
	}

	private static void stubAssignments(String scenario, String state, String ids) {
		StringBuilder xml = new StringBuilder("<users type=\"array\">");
		for (String id : ids.split(",")) {
			xml.append("<user><id type=\"integer\">")
				.append(id)
				.append("</id><username>u")
				.append(id)
				.append("</username></user>");
		}
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/codebase/assignments")).atPriority(1)
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withHeader("Content-Type", "application/xml")
					.withBody(xml.append("</users>").toString())));
	}

	private static void stubReplace(String scenario, String state, String body, String next) {
		VendorStubs.codebase()
			.stubFor(post(urlEqualTo("/codebase/assignments")).inScenario(scenario)
				.whenScenarioStateIs(state)
				.withHeader("Content-Type", matching("application/xml.*"))
				.withRequestBody(equalTo(body))
				.willReturn(aResponse().withStatus(200))
				.willSetStateTo(next));
	}

	private static void expectBadInput(GraphQlTester.Request<?> request, String argument) {
		request.execute().errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
				.containsEntry("argument", argument);
			assertThat(error.getMessage()).isNotBlank();
		}));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> changes(GraphQlTester.Response response, String field) {
		return (List<Map<String, Object>>) (List<?>) response.path(field + ".changes").entityList(Map.class).get();
	}

}
