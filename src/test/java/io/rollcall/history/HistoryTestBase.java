package io.rollcall.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access history against a real database (the subclasses say which): snapshots of the
 * WireMock vendors, what changed between two, a person as a snapshot holds them, the
 * audit trail, exports, retention and the one-per-period claim.
 */
@TestPropertySource(properties = "rollcall.history.keep=6")
abstract class HistoryTestBase extends GatewayTestBase {

	@Autowired
	Snapshots snapshots;

	@Autowired
	AuditTrail audit;

	@Autowired
	HistoryDatabase database;

	@BeforeEach
	void emptyHistory() {
		this.database.call((jdbc) -> {
			for (String table : List.of("history_audit", "history_snapshot")) {
				jdbc.update("DELETE FROM " + table);
			}
			return null;
		}).block();
	}

	@Test
	void aSnapshotKeepsEveryAccountWithItsAccessAndWhichSourcesWereComplete() {
		Map<String, Object> snapshot = takeSnapshot();
		assertThat(snapshot).containsEntry("complete", true);
		assertThat((Integer) snapshot.get("accountCount")).isEqualTo(13);
		GraphQlTester.Response list = this.graphQl.document(
				"{ snapshots { totalCount edges { node { id takenBy accountCount sources { id complete accountCount } } } } }")
			.execute();
		list.errors().verify();
		list.path("snapshots.totalCount").entity(Integer.class).isEqualTo(1);
		list.path("snapshots.edges[0].node.sources[*].id")
			.entityList(String.class)
			.containsExactly("cintoo", "codebase", "periscope-eu", "periscope-us", "testmo");
		list.path("snapshots.edges[0].node.takenBy").entity(String.class).isEqualTo("anonymous");
		String id = (String) snapshot.get("id");
		GraphQlTester.Response ada = this.graphQl.document(
				"query($asOf: ID) { person(email: \"ADA@example.com\", asOf: $asOf) { email accounts { source { id } active roles { name } groups { name access } projects { project { name } permissions } } } }")
			.variable("asOf", id)
			.execute();
		ada.errors().verify();
		ada.path("person.accounts[?(@.source.id == 'periscope-eu')].groups[*].name")
			.entityList(String.class)
			.satisfies((groups) -> assertThat(groups).containsExactlyInAnyOrder("Administrators", "Everyone"));
		ada.path("person.accounts[?(@.source.id == 'testmo')].roles[*].name")
			.entityList(String.class)
			.containsExactly("Tester");
		ada.path("person.accounts[?(@.source.id == 'cintoo')].projects[0].permissions[*]")
			.entityList(String.class)
			.containsExactly("annotate", "view3d");
	}

	@Test
	void whatChangedSinceTheLastSnapshotIsListedByKindAndFiltered() {
		String before = (String) takeSnapshot().get("id");
		laterPeriscopeAndTestmo();
		String after = (String) takeSnapshot().get("id");
		GraphQlTester.Response changes = this.graphQl.documentName("accessReview").execute();
		changes.errors().verify();
		changes.path("accessChanges.from.id").entity(String.class).isEqualTo(before);
		changes.path("accessChanges.to.id").entity(String.class).isEqualTo(after);
		changes.path("accessChanges.sourcesLeftOut").entityList(String.class).hasSize(0);
		List<String> kinds = changes.path("accessChanges.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.stream()
			.map((change) -> change.get("source") + " " + change.get("kind") + " " + change.get("email") + " "
					+ java.util.Objects.requireNonNullElse(change.get("role"),
							java.util.Objects.requireNonNullElse(change.get("group"), "")))
			.toList();
		assertThat(kinds).containsExactlyInAnyOrder("periscope-eu GROUP_ADDED ada@example.com Analysts",
				"periscope-eu GROUP_REMOVED ada@example.com Administrators",
				"periscope-eu ACCOUNT_ADDED mallory@example.com ", "periscope-eu ACCOUNT_REMOVED barbara@example.com ",
				"testmo ACCOUNT_DISABLED ada@example.com ", "testmo ROLE_ADDED ada@example.com Lead",
				"testmo ROLE_REMOVED ada@example.com Tester");
		this.graphQl.documentName("accessReview")
			.variable("filter", Map.of("sources", List.of("testmo"), "kinds", List.of("ROLE_ADDED")))
			.execute()
			.path("accessChanges.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		this.graphQl.documentName("accessReview")
			.variable("filter", Map.of("email", "ADA@example.com"))
			.execute()
			.path("accessChanges.totalCount")
			.entity(Integer.class)
			.isEqualTo(5);
		GraphQlTester.Response first = this.graphQl.documentName("accessReview").variable("first", 4).execute();
		first.path("accessChanges.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("accessChanges.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("accessReview")
			.variable("first", 4)
			.variable("after", cursor)
			.execute()
			.path("accessChanges.edges")
			.entityList(Object.class)
			.hasSize(3);
		// The person as they were, after they changed.
		this.graphQl.document(
				"query($asOf: ID) { person(email: \"ada@example.com\", asOf: $asOf) { accounts { source { id } groups { name } } } }")
			.variable("asOf", before)
			.execute()
			.path("person.accounts[?(@.source.id == 'periscope-eu')].groups[*].name")
			.entityList(String.class)
			.satisfies((groups) -> assertThat(groups).containsExactlyInAnyOrder("Administrators", "Everyone"));
	}

	@Test
	void theMergeOfTwoSnapshotsFindsWhatTheDatabasesJoinFinds() {
		long before = Long.parseLong((String) takeSnapshot().get("id"));
		laterPeriscopeAndTestmo();
		long after = Long.parseLong((String) takeSnapshot().get("id"));
		List<AccessChange> merged = changes(new AccessDiffs(this.database, this.clock, true), before, after);
		List<AccessChange> joined = changes(new AccessDiffs(this.database, this.clock, false), before, after);
		assertThat(merged).hasSize(7).containsExactlyInAnyOrderElementsOf(joined);
	}

	private List<AccessChange> changes(AccessDiffs diffs, long from, long to) {
		this.database.call((jdbc) -> jdbc.update("DELETE FROM history_diff WHERE from_id = ? AND to_id = ?", from, to))
			.block();
		AccessDiffs.Diff diff = diffs.diff(from, to).block();
		return diffs.changes(java.util.Objects.requireNonNull(diff), AccessDiffs.Filter.NONE, 100, null)
			.block()
			.items();
	}

	@Test
	void aSourceThatFailsIsMissingFromTheSnapshotNotEveryAccountRemoved() {
		takeSnapshot();
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1).willReturn(aResponse().withStatus(503)));
		// The cached lists expire; Testmo's are served stale, which is no evidence
		// either.
		this.clock.advance(java.time.Duration.ofMinutes(6));
		Map<String, Object> broken = takeSnapshot();
		assertThat(broken).containsEntry("complete", false);
		GraphQlTester.Response changes = this.graphQl.documentName("accessReview").execute();
		changes.errors().verify();
		changes.path("accessChanges.sourcesLeftOut").entityList(String.class).containsExactly("testmo");
		changes.path("accessChanges.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.document("{ snapshots(first: 1) { edges { node { sources { id complete code } } } } }")
			.execute()
			.path("snapshots.edges[0].node.sources[?(@.id == 'testmo')].code")
			.entityList(String.class)
			.containsExactly("SOURCE_UNAVAILABLE");
		// With nothing cached to serve, the vendor's own answer is the reason.
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthenticated.\"}")));
		this.directory.connector("testmo").orElseThrow().forget();
		takeSnapshot();
		this.graphQl.document("{ snapshots(first: 1) { edges { node { sources { id complete code } } } } }")
			.execute()
			.path("snapshots.edges[0].node.sources[?(@.id == 'testmo')].code")
			.entityList(String.class)
			.containsExactly("SOURCE_UNAUTHORIZED");
	}

	@Test
	void everyChangeIsInTheAuditTrailDryRunsIncludedNewestFirst() throws InterruptedException {
		Instant start = this.clock.instant();
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL", equalTo("ada@example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"email\":\"ada@example.com\",\"deleted\":true}")));
		removeUser("barbara@example.com", true);
		removeUser("ada@example.com", false);
		awaitWritten();
		GraphQlTester.Response trail = this.graphQl.documentName("auditTrail").execute();
		trail.errors().verify();
		trail.path("auditLog.edges[0].node.target").entity(String.class).isEqualTo("ada@example.com");
		trail.path("auditLog.edges[0].node.status").entity(String.class).isEqualTo("DONE");
		trail.path("auditLog.edges[0].node.dryRun").entity(Boolean.class).isEqualTo(false);
		trail.path("auditLog.edges[0].node.client").entity(String.class).isEqualTo("anonymous");
		trail.path("auditLog.edges[0].node.change").entity(String.class).isEqualTo("removeUser");
		trail.path("auditLog.edges[1].node.dryRun").entity(Boolean.class).isEqualTo(true);
		trail.path("auditLog.edges[1].node.status").entity(String.class).isEqualTo("DRY_RUN");
		this.graphQl.documentName("auditTrail")
			.variable("filter",
					Map.of("email", "ADA@Example.com", "source", "periscope-eu", "client", "anonymous", "since",
							start.minusSeconds(1).toString()))
			.execute()
			.path("auditLog.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		this.graphQl.documentName("auditTrail")
			.variable("filter", Map.of("until", start.minusSeconds(60).toString()))
			.execute()
			.path("auditLog.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void exportsAreCsvWithFormulasNeutralised() throws InterruptedException {
		String before = (String) takeSnapshot().get("id");
		laterPeriscopeAndTestmo();
		takeSnapshot();
		String accounts = csv("/exports/accounts.csv?sources=periscope-eu");
		assertThat(accounts.lines().toList()).first()
			.isEqualTo("source,native_id,email,display_name,active,roles,groups,projects");
		assertThat(accounts).contains("\r\n")
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") Mallory\"")
			.doesNotContain("barbara@example.com");
		String then = csv("/exports/accounts.csv?sources=periscope-eu&asOf=" + before);
		assertThat(then).contains("barbara@example.com").doesNotContain("mallory@example.com");
		String changes = csv("/exports/access-changes.csv");
		assertThat(changes.lines().toList()).hasSize(1 + 7);
		assertThat(changes).contains("GROUP_ADDED,periscope-eu,ada@example.com");
		removeUser("dan@example.com", true);
		awaitWritten();
		String trail = csv("/exports/audit.csv?email=DAN@example.com");
		assertThat(trail.lines().toList()).hasSize(2);
		assertThat(trail).contains(",anonymous,removeUser,periscope-eu,dan@example.com,true,DRY_RUN,");
		Map<String, Object> refused = this.http.get()
			.uri("/exports/access-changes.csv?from=x")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(String.valueOf(refused)).contains("BAD_USER_INPUT", "from is not a snapshot id");
	}

	@Test
	void oldSnapshotsGoAsTheRetentionSaysAndAPeriodIsTakenOnce() {
		for (int i = 0; i < 8; i++) {
			takeSnapshot();
		}
		this.graphQl.document("{ snapshots { totalCount } }")
			.execute()
			.path("snapshots.totalCount")
			.entity(Integer.class)
			.isEqualTo(6);
		Instant period = SnapshotSchedule.periodOf(this.clock.instant(), java.time.Duration.ofMinutes(5));
		assertThat(this.snapshots.take("schedule", period).block()).isNotNull();
		assertThat(this.snapshots.take("schedule", period).block()).as("the same period again").isNull();
	}

	/**
	 * Periscope's and Testmo's users as they are later (a group swapped, a leaver, a
	 * joiner, a role), once the cached lists have expired.
	 */
	void laterPeriscopeAndTestmo() {
		this.clock.advance(java.time.Duration.ofMinutes(6));
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(
						aResponse().withHeader("Content-Type", "application/json").withBodyFile("users-later.json")));
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("1"))
				.atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBodyFile("users-page-1-later.json")));
	}

	Map<String, Object> takeSnapshot() {
		Map<String, Object> answer = postGraphQl(
				Map.of("query", "mutation { takeSnapshot { id complete accountCount } }"));
		assertThat(answer).as("answer").doesNotContainKey("errors");
		@SuppressWarnings("unchecked")
		Map<String, Object> snapshot = (Map<String, Object>) ((Map<String, Object>) answer.get("data"))
			.get("takeSnapshot");
		return snapshot;
	}

	void removeUser(String email, boolean dryRun) {
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users?test_mode=true")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"deleted\":true,\"test_mode\":true}")));
		this.graphQl.documentName("offboardingDryRun")
			.variable("email", email)
			.variable("sources", List.of("periscope-eu"))
			.variable("dryRun", dryRun)
			.execute()
			.errors()
			.verify();
	}

	void awaitWritten() throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (this.audit.pending() > 0) {
			assertThat(System.nanoTime()).as("audit entries written").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	String csv(String uri) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
