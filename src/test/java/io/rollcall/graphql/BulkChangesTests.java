package io.rollcall.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk invitations and removals against WireMock vendors: every entry checked before
 * anything is sent, exactly one write per person per source, each fault mid-run (429,
 * 500, hang, breaker) reported per person with the rest of the run going on or stopping
 * as it should, a client that goes away, and the totals.
 */
@ExtendWith(OutputCaptureExtension.class)
class BulkChangesTests extends GatewayTestBase {

	private static final String EU = "";

	private static final String US = "/us";

	/** The 30 people of the {@code bulk-users.json} payload, on both Periscope sites. */
	private static final List<String> LEAVERS = IntStream.rangeClosed(1, 30)
		.mapToObj((i) -> String.format("leaver%02d@example.com", i))
		.toList();

	@Test
	void removesEachPersonOnceInEachSiteAndCountsEveryOutcome() {
		servePeople(EU);
		servePeople(US);
		List<String> emails = new ArrayList<>(LEAVERS);
		emails.add("LEAVER07@Example.com");
		emails.add("nobody.here@example.com");
		GraphQlTester.Response response = bulkOffboarding(emails, List.of("periscope-eu", "periscope-us"), false);
		response.errors().verify();
		response.path("removeUsers.asked").entity(Integer.class).isEqualTo(32);
		response.path("removeUsers.people[*].email").entityList(String.class).hasSize(31);
		response.path("removeUsers.people[?(@.email == 'leaver07@example.com')].changes[*].status")
			.entityList(String.class)
			.containsExactly("DONE", "DONE");
		response.path("removeUsers.people[?(@.email == 'nobody.here@example.com')].changes[*].code")
			.entityList(String.class)
			.containsExactly("NOT_FOUND", "NOT_FOUND");
		assertThat(map(response, "removeUsers.totals"))
			.isEqualTo(Map.of("changes", 62, "done", 60, "dryRun", 0, "unsupported", 0, "notFound", 2, "failed", 0));
		response.path("removeUsers.bySource[*].source.id")
			.entityList(String.class)
			.containsExactly("periscope-eu", "periscope-us");
		response.path("removeUsers.bySource[0].totals.done").entity(Integer.class).isEqualTo(30);
		response.path("removeUsers.ok").entity(Boolean.class).isEqualTo(false);
		for (String prefix : List.of(EU, US)) {
			assertThat(deletesByEmail(prefix)).as("deletes at %s", prefix)
				.hasSize(30)
				.allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1));
		}
	}

	@Test
	void offboardingEverywhereAsADryRunSaysWhichAccountsStayInReadOnlyTools() {
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users?test_mode=true")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"email\":\"ada@example.com\",\"deleted\":true,\"test_mode\":true}")));
		GraphQlTester.Response response = bulkOffboarding(List.of("ada@example.com", "grace@example.com"), null, true);
		response.errors().verify();
		response.path("removeUsers.people[?(@.email == 'ada@example.com')].changes[*].status")
			.entityList(String.class)
			.containsExactly("UNSUPPORTED", "UNSUPPORTED", "DRY_RUN", "UNSUPPORTED");
		response.path("removeUsers.totals.dryRun").entity(Integer.class).isEqualTo(1);
		response.path("removeUsers.totals.unsupported")
			.entity(Integer.class)
			.satisfies((n) -> assertThat(n).isGreaterThanOrEqualTo(5));
		response.path("removeUsers.bySource[*].source.id")
			.entityList(String.class)
			.containsExactly("cintoo", "codebase", "periscope-eu", "periscope-us", "testmo");
		for (WireMockServer server : VendorStubs.all().values()) {
			server.verify(0, deleteRequestedFor(urlEqualTo("/api/v1/users")));
			server.verify(0, postRequestedFor(urlEqualTo("/users")));
		}
	}

	@Test
	void oneBadEmailRefusesTheWholeRequestNamingEachBadEntry() {
		Map<String, Object> answer = removeUsers(
				List.of("ok@example.com", "not-an-email", "ok@example.com", " ", "x".repeat(300) + "@"),
				List.of("periscope-eu"));
		Map<String, Object> error = onlyError(answer);
		assertThat(answer.get("data")).isNull();
		assertThat(extensions(error)).containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "input.emails");
		List<Map<String, Object>> problems = problems(error);
		assertThat(problems).extracting((problem) -> problem.get("argument"))
			.containsExactly("input.emails[1]", "input.emails[3]", "input.emails[4]");
		assertThat(problems.get(0)).containsEntry("value", "not-an-email");
		assertThat((String) problems.get(2).get("value")).hasSizeLessThan(110);
		assertThat((String) error.get("message"))
			.startsWith("3 entries of input.emails cannot be used; nothing was sent")
			.contains("input.emails[1] 'not-an-email' is not a valid email address");
		assertNothingSent();
	}

	@Test
	void unknownSourcesAndTooManyPeopleAreRefusedBeforeAnythingIsSent() {
		Map<String, Object> unknown = removeUsers(List.of("ada@example.com"), List.of("periscope-eu", "jira"));
		assertThat(extensions(onlyError(unknown))).containsEntry("code", "BAD_USER_INPUT")
			.containsEntry("argument", "input.sources");
		List<String> many = IntStream.range(0, 501).mapToObj((i) -> "p" + i + "@example.com").toList();
		Map<String, Object> tooMany = removeUsers(many, List.of("periscope-eu"));
		assertThat((String) onlyError(tooMany).get("message")).contains("501 entries", "at most 500",
				"rollcall.bulk.max-people");
		assertThat(extensions(onlyError(removeUsers(List.of(), List.of("periscope-eu"))))).containsEntry("argument",
				"input.emails");
		assertNothingSent();
	}

	@Test
	void invitationsWithABadEntryNameEachOneAndSendNothing() {
		List<Map<String, Object>> people = List.of(invitee("new.one@example.com", "New", "One", null, List.of()),
				invitee("bad@", "Bad", "Email", null, List.of()),
				invitee("blank.name@example.com", "Blank", " ", null, List.of()),
				invitee("no.group@example.com", "No", "Group", null, List.of("Nope")),
				invitee("no.role@example.com", "No", "Role", "Overlord", List.of()),
				invitee("NEW.ONE@example.com", "Other", "Name", null, List.of()));
		Map<String, Object> answer = postGraphQl(Map.of("query",
				"mutation($people: [Invitee!]!) { inviteUsers(input: {people: $people, sources: [\"codebase\", \"periscope-eu\"]}) { ok } }",
				"variables", Map.of("people", people)));
		Map<String, Object> error = onlyError(answer);
		assertThat(extensions(error)).containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "input.people");
		assertThat(problems(error)).extracting((problem) -> problem.get("argument"))
			.containsExactlyInAnyOrder("input.people[1].email", "input.people[2].lastName", "input.people[5].email",
					"input.people[4].role", "input.people[3].groups");
		assertThat((String) error.get("message")).contains("No group 'Nope' in periscope-eu",
				"No role 'Overlord' in codebase", "repeats input.people[0]");
		assertNothingSent();
	}

	@Test
	void invitesEachPersonOnceIntoEverySourceAndRefusesAccountsThatExist() {
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withTransformers("response-template")
					.withBody("{\"id\":900,\"first_name\":\"{{jsonPath request.body '$.first_name'}}\","
							+ "\"last_name\":\"{{jsonPath request.body '$.last_name'}}\","
							+ "\"email\":\"{{jsonPath request.body '$.email'}}\",\"groups\":[]}")));
		List<Map<String, Object>> people = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			people.add(invitee("joiner" + i + "@example.com", "Joiner", "No" + i, null, List.of("Everyone")));
		}
		people.add(invitee("JOINER3@example.com", "Joiner", "No3", null, List.of("Everyone")));
		people.add(invitee("ada@example.com", "Ada", "Lovelace", null, List.of()));
		GraphQlTester.Response response = this.graphQl.documentName("bulkOnboarding")
			.variable("people", people)
			.variable("sources", List.of("periscope-eu", "testmo"))
			.execute();
		response.errors().verify();
		response.path("inviteUsers.asked").entity(Integer.class).isEqualTo(14);
		response.path("inviteUsers.people[*].email").entityList(String.class).hasSize(13);
		assertThat(map(response, "inviteUsers.bySource[0].totals"))
			.isEqualTo(Map.of("done", 12, "dryRun", 0, "failed", 1));
		assertThat(map(response, "inviteUsers.bySource[0].failures[0]"))
			.isEqualTo(Map.of("code", "ALREADY_EXISTS", "count", 1));
		response.path("inviteUsers.people[?(@.email == 'joiner1@example.com')].changes[*].status")
			.entityList(String.class)
			.containsExactly("DONE", "UNSUPPORTED");
		List<ServeEvent> posts = VendorStubs.periscope()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("POST"))
			.toList();
		assertThat(posts).hasSize(12);
		assertThat(posts.stream().map((event) -> event.getRequest().getBodyAsString()).distinct()).hasSize(12);
	}

	@Test
	void aLongCoolDownMidRunStopsThatSourceAndReportsTheRestNotSentWhileOtherSourcesGoOn() {
		servePeople(EU);
		servePeople(US);
		// The other removals take a while, so that the 429 comes while the next few are
		// out.
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(2)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"deleted\":true}")
					.withFixedDelay(300)));
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1)
				.withHeader("HTTP-X-EMAIL", equalTo("leaver05@example.com"))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		GraphQlTester.Response response = bulkOffboarding(LEAVERS, List.of("periscope-eu", "periscope-us"), false);
		response.errors().verify();
		response.path("removeUsers.bySource[1].totals.done").entity(Integer.class).isEqualTo(30);
		response.path("removeUsers.bySource[0].failures[0].code").entity(String.class).isEqualTo("SOURCE_RATE_LIMITED");
		response.path("removeUsers.bySource[0].retryAfterSeconds").entity(Integer.class).isEqualTo(120);
		assertThat(map(response, "removeUsers.people[29].changes[0]")).containsEntry("status", "FAILED")
			.containsEntry("code", "SOURCE_RATE_LIMITED")
			.containsEntry("retryAfterSeconds", 120);
		response.path("removeUsers.people[29].changes[0].message")
			.entity(String.class)
			.satisfies((message) -> assertThat(message).contains("not sent", "nothing was changed"));
		Map<String, Integer> deletes = deletesByEmail(EU);
		// Those already out when the 429 came may finish; nothing after them is sent.
		assertThat(deletes.values()).allSatisfy((count) -> assertThat(count).isEqualTo(1));
		assertThat(deletes).hasSizeLessThanOrEqualTo(5 + 4);
		int failed = response.path("removeUsers.bySource[0].totals.failed").entity(Integer.class).get();
		assertThat(failed).isEqualTo(30 - (deletes.size() - 1));
	}

	@Test
	void aShortWaitMidRunIsWaitedOutAndTheRestIsSent() {
		servePeople(EU);
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1)
				.withHeader("HTTP-X-EMAIL", equalTo("leaver05@example.com"))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
		GraphQlTester.Response response = bulkOffboarding(LEAVERS, List.of("periscope-eu"), false);
		response.errors().verify();
		response.path("removeUsers.totals.done").entity(Integer.class).isEqualTo(29);
		assertThat(map(response, "removeUsers.people[4].changes[0]")).containsEntry("code", "SOURCE_RATE_LIMITED")
			.containsEntry("retryAfterSeconds", 1);
		assertThat(deletesByEmail(EU)).hasSize(30).allSatisfy((email, count) -> assertThat(count).isEqualTo(1));
		List<ServeEvent> deletes = deletes(EU);
		long limited = deletes.stream()
			.filter((event) -> event.getResponse().getStatus() == 429)
			.findFirst()
			.orElseThrow()
			.getRequest()
			.getLoggedDate()
			.getTime();
		// Nothing is sent in the second the source asked for, beyond what was already
		// out.
		assertThat(deletes.stream().map((event) -> event.getRequest().getLoggedDate().getTime() - limited))
			.noneMatch((after) -> after > 300 && after < 900);
	}

	@Test
	void aFailingOrHangingWriteIsReportedOnceAndNeverSentAgain() {
		servePeople(EU);
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1)
				.withHeader("HTTP-X-EMAIL", equalTo("leaver03@example.com"))
				.willReturn(aResponse().withStatus(500)));
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1)
				.withHeader("HTTP-X-EMAIL", equalTo("leaver09@example.com"))
				.willReturn(aResponse().withStatus(200).withFixedDelay(2500)));
		GraphQlTester.Response response = bulkOffboarding(LEAVERS, List.of("periscope-eu"), false);
		response.errors().verify();
		response.path("removeUsers.totals.done").entity(Integer.class).isEqualTo(28);
		response.path("removeUsers.people[2].changes[0].code").entity(String.class).isEqualTo("SOURCE_UNAVAILABLE");
		response.path("removeUsers.people[8].changes[0].code").entity(String.class).isEqualTo("SOURCE_TIMEOUT");
		response.path("removeUsers.people[8].changes[0].message")
			.entity(String.class)
			.satisfies((message) -> assertThat(message).contains("the outcome is unknown"));
		assertThat(deletesByEmail(EU)).hasSize(30).allSatisfy((email, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void anOpenBreakerMidRunStopsTheWritesToThatSource() {
		servePeople(EU);
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1).willReturn(aResponse().withStatus(503)));
		GraphQlTester.Response response = bulkOffboarding(LEAVERS, List.of("periscope-eu"), false);
		response.errors().verify();
		response.path("removeUsers.totals.failed").entity(Integer.class).isEqualTo(30);
		response.path("removeUsers.people[29].changes[0].message")
			.entity(String.class)
			.satisfies((message) -> assertThat(message).contains("circuit open", "nothing was changed"));
		assertThat(deletesByEmail(EU).values()).allSatisfy((count) -> assertThat(count).isEqualTo(1));
		assertThat(deletes(EU)).as("writes sent before the breaker opened").hasSizeLessThanOrEqualTo(10 + 4);
	}

	@Test
	void aClientThatGoesAwayStopsNewWritesAndWhatWasSentIsAudited(CapturedOutput output) throws InterruptedException {
		servePeople(EU);
		VendorStubs.periscope()
			.stubFor(delete(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"deleted\":true}")
					.withFixedDelay(300)));
		Disposable request = WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query",
					"mutation($emails: [String!]!) { removeUsers(input: {emails: $emails, sources: [\"periscope-eu\"]}) { ok } }",
					"variables", Map.of("emails", LEAVERS)))
			.retrieve()
			.bodyToMono(String.class)
			.subscribe();
		waitFor(() -> deletes(EU).size() >= 4);
		request.dispose();
		Thread.sleep(1500);
		int sent = deletes(EU).size();
		Thread.sleep(1000);
		assertThat(deletes(EU)).as("no write after the client left").hasSize(sent);
		assertThat(sent).isLessThan(30);
		waitFor(() -> output.getOut().contains("change=removeUsers size=30"));
		long audited = output.getOut()
			.lines()
			.filter((line) -> line.contains("change=removeUser ") && line.contains("source=periscope-eu")
					&& line.contains("status=DONE"))
			.count();
		assertThat(audited).as("audited changes").isEqualTo(sent);
		assertThat(output.getOut()).contains("complete=false sent=" + sent);
	}

	@Test
	void theAuditLogHasALinePerChangeAndASummaryPerRequest(CapturedOutput output) {
		servePeople(EU);
		bulkOffboarding(List.of("leaver01@example.com", "Leaver01@example.com", "leaver02@example.com"),
				List.of("periscope-eu"), true)
			.errors()
			.verify();
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("change=removeUsers ") || (line.contains("change=removeUser ")
					&& line.contains("dryRun=true") && line.contains("status=DRY_RUN"))))
			.hasSize(3);
		assertThat(output.getOut()).contains("change=removeUsers size=3 people=2 actor=", "complete=true sent=2",
				"changes=2 done=0 dryRuns=2");
	}

	private GraphQlTester.Response bulkOffboarding(List<String> emails, List<String> sources, boolean dryRun) {
		GraphQlTester.Request<?> request = this.graphQl.documentName("bulkOffboarding")
			.variable("emails", emails)
			.variable("dryRun", dryRun);
		return ((sources != null) ? request.variable("sources", sources) : request).execute();
	}

	private static Map<String, Object> map(GraphQlTester.Response response, String path) {
		return response.path(path).entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	private Map<String, Object> removeUsers(List<String> emails, List<String> sources) {
		return postGraphQl(Map.of("query",
				"mutation($emails: [String!]!, $sources: [ID!]) { removeUsers(input: {emails: $emails, sources: $sources}) { ok } }",
				"variables", Map.of("emails", emails, "sources", sources)));
	}

	private static Map<String, Object> invitee(String email, String firstName, String lastName, String role,
			List<String> groups) {
		Map<String, Object> person = new HashMap<>();
		person.put("email", email);
		person.put("firstName", firstName);
		person.put("lastName", lastName);
		person.put("role", role);
		person.put("groups", groups);
		return person;
	}

	/** The 30 leavers on a Periscope site, and a DELETE that removes any of them. */
	private static void servePeople(String prefix) {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo(prefix + "/api/v1/users")).atPriority(2)
				.willReturn(
						aResponse().withHeader("Content-Type", "application/json").withBodyFile("bulk-users.json")));
		VendorStubs.periscope()
			.stubFor(delete(urlPathEqualTo(prefix + "/api/v1/users")).atPriority(3)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withTransformers("response-template")
					.withBody("{\"email\":\"{{request.headers.HTTP-X-EMAIL}}\",\"deleted\":true}")));
	}

	private static List<ServeEvent> deletes(String prefix) {
		return VendorStubs.periscope()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("DELETE")
					&& event.getRequest().getUrl().equals(prefix + "/api/v1/users"))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
	}

	private static Map<String, Integer> deletesByEmail(String prefix) {
		Map<String, Integer> counts = new HashMap<>();
		deletes(prefix).forEach((event) -> counts.merge(event.getRequest().getHeader("HTTP-X-EMAIL"), 1, Integer::sum));
		return counts;
	}

	private static void assertNothingSent() {
		for (WireMockServer server : VendorStubs.all().values()) {
			server.verify(0, postRequestedFor(anyUrl()).withUrl("/users"));
			server.verify(0, postRequestedFor(urlEqualTo("/api/v1/users")));
			server.verify(0, putRequestedFor(anyUrl()));
			server.verify(0, deleteRequestedFor(anyUrl()));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> onlyError(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		assertThat(errors).as("errors of %s", answer).hasSize(1);
		return errors.get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> problems(Map<String, Object> error) {
		return (List<Map<String, Object>>) extensions(error).get("problems");
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
