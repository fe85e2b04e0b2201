package io.rollcall.graphql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.SecuredGateway;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack table: every request here is refused before any vendor is called, with a
 * clear error; and no secret is ever found in a response or a log line, DEBUG included.
 */
@ExtendWith(OutputCaptureExtension.class)
@SecuredGateway
class SecurityTests extends GatewayTestBase {

	/** Secrets of the configured sources and of the vendors' payloads. */
	private static final List<String> CANARIES = List.of(SecuredGateway.READ_KEY, SecuredGateway.ADMIN_KEY,
			"testmo-token", "codebase-key", "periscope-key", "periscope-us-key", "YWNtZS9kYW46Y29kZWJhc2Uta2V5",
			"0123456789abcdef0123456789abcdef01234567", "fedcba9876543210fedcba9876543210fedcba98",
			"aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd", "c2lnbmF0dXJl");

	@Test
	void withoutAKeyTheAnswerIs401BeforeAnyParsingOrVendorCall() {
		post(null, "{ users { totalCount } }").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
		post("wrong-key-0000000000", "{ users { totalCount } }").expectStatus().isUnauthorized();
		post(null, "this is not GraphQL {{{").expectStatus().isUnauthorized();
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void aReadKeyQueriesButCannotChangeAnything() {
		post(SecuredGateway.READ_KEY, "{ users { totalCount } }").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.users.totalCount")
			.isEqualTo(13);
		VendorStubs.reset();
		refused(SecuredGateway.READ_KEY, "mutation { removeUser(input: {email: \"ada@example.com\"}) { ok } }",
				"FORBIDDEN");
		refused(SecuredGateway.READ_KEY, "mutation { refreshSources { id } }", "FORBIDDEN");
	}

	@Test
	void exportsNeedAKeyAndTheAuditTrailNeedsAdmin() {
		for (String export : List.of("/exports/accounts.csv", "/exports/access-changes.csv", "/exports/audit.csv")) {
			this.http.get().uri(export).exchange().expectStatus().isUnauthorized();
		}
		this.http.get()
			.uri("/exports/audit.csv")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/exports/accounts.csv?sources=periscope-eu")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/exports/audit.csv")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.ADMIN_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		VendorStubs.reset();
		refused(SecuredGateway.READ_KEY, "{ auditLog { totalCount } }", "FORBIDDEN");
		refused(SecuredGateway.READ_KEY, "mutation { takeSnapshot { id } }", "FORBIDDEN");
	}

	@Test
	void anAdminKeyChangesThings() {
		VendorStubs.periscope()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/groups?test_mode=true"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"name\":\"Auditors\",\"access\":\"View\",\"test_mode\":true}")));
		post(SecuredGateway.ADMIN_KEY,
				"mutation { createGroup(input: {source: \"periscope-eu\", name: \"Auditors\", access: \"View\", dryRun: true}) { changes { status } } }")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.createGroup.changes[0].status")
			.isEqualTo("DRY_RUN");
	}

	@Test
	void deepWideAliasedHugeAndCostlyQueriesAreRefusedWithTheirOwnCodes() {
		refused(SecuredGateway.READ_KEY,
				"{ users { edges { node { person { accounts { person { accounts { person { accounts { person { "
						+ "accounts { person { accounts { displayName } } } } } } } } } } } } } }",
				"QUERY_TOO_DEEP");
		refused(SecuredGateway.READ_KEY, "{ "
				+ IntStream.range(0, 31).mapToObj((i) -> "a" + i + ": sources { id }").collect(Collectors.joining(" "))
				+ " }", "TOO_MANY_ALIASES");
		refused(SecuredGateway.READ_KEY,
				"{ sources { id } roles { id } groups { id } users { totalCount } people { totalCount } "
						+ "projects { totalCount } q: sources { id } r: roles { id } g: groups { id } u: users { totalCount } "
						+ "p: people { totalCount } }",
				"TOO_MANY_ROOT_FIELDS");
		refused(SecuredGateway.READ_KEY, "{ sources { "
				+ IntStream.range(0, 21).mapToObj((i) -> "id @include(if: true)").collect(Collectors.joining(" "))
				+ " } }", "TOO_MANY_DIRECTIVES");
		refused(SecuredGateway.READ_KEY,
				"{ users(first: 100) { edges { node { person { accounts { projects { project { members { "
						+ "user { groups { members { displayName } } } } } } } } } } } }",
				"QUERY_TOO_COSTLY");
		refused(SecuredGateway.READ_KEY, "{ sources { id } }" + " ".repeat(25_000), "QUERY_TOO_LARGE");
		refused(SecuredGateway.READ_KEY, "{ sources { " + "id ".repeat(4000) + "} }", "QUERY_TOO_LARGE");
	}

	@Test
	void onlyPostWithJsonOrGraphQlBodiesExecutes() {
		this.http.get()
			.uri("/graphql?query={query}", "mutation { refreshSources { id } }")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.ADMIN_KEY)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(404, 405));
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{ sources { id } }")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[{\"query\":\"{ users { totalCount } }\"},{\"query\":\"{ users { totalCount } }\"}]")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void aQueryOverGetNeedsAKeyToo() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{query}").build("{ users { totalCount } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{query}").build("{ users { totalCount } }"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.users.totalCount")
			.isEqualTo(13);
	}

	@Test
	void twoRolesNeverShareAKeptAnswer(
			@org.springframework.beans.factory.annotation.Autowired io.micrometer.core.instrument.MeterRegistry meters) {
		String query = "{ users(first: 3) { edges { node { id } } } }";
		post(SecuredGateway.READ_KEY, query).expectStatus().isOk();
		double hits = meters.counter("rollcall.answers.requests", "result", "hit").count();
		post(SecuredGateway.ADMIN_KEY, query).expectStatus().isOk();
		assertThat(meters.counter("rollcall.answers.requests", "result", "hit").count()).as("admin after read")
			.isEqualTo(hits);
		post(SecuredGateway.READ_KEY, query).expectStatus().isOk();
		assertThat(meters.counter("rollcall.answers.requests", "result", "hit").count()).as("read again")
			.isEqualTo(hits + 1);
	}

	@Test
	void clientCredentialsAreNeverForwardedToVendors() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.header(HttpHeaders.COOKIE, "session=client-cookie")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ users { totalCount } }"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(VendorStubs.totalCalls()).isPositive();
		VendorStubs.all().values().forEach((server) -> {
			server.verify(0, anyRequestedFor(anyUrl()).withHeader(HttpHeaders.COOKIE,
					com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
			server.getAllServeEvents()
				.forEach((event) -> assertThat(event.getRequest().getHeaders().all().toString())
					.doesNotContain(SecuredGateway.READ_KEY));
		});
		VendorStubs.periscope().verify(anyRequestedFor(anyUrl()).withHeader(HttpHeaders.COOKIE, absent()));
	}

	@Test
	void actuatorInternalsAreNotExposed() {
		for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans")) {
			this.http.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
				.exchange()
				.expectStatus()
				.isForbidden();
			this.http.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.ADMIN_KEY)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	void canarySecretsNeverAppearInResponsesOrLogs(CapturedOutput output) {
		StringBuilder responses = new StringBuilder();
		for (String query : List.of(
				"{ users(first: 100) { edges { node { id nativeId displayName email username source { id name } roles { name } groups { name } projects { project { name } } person { email } } } } }",
				"{ sources { id name health { status message } } }", "{ nope }",
				"{ users(first: 500) { totalCount } }")) {
			responses.append(
					post(SecuredGateway.ADMIN_KEY, query).expectBody(String.class).returnResult().getResponseBody());
		}
		responses.append(post(SecuredGateway.ADMIN_KEY,
				"mutation { inviteUser(input: {sources: [\"codebase\"], email: \"x@example.com\", firstName: \"X\", lastName: \"Y\", dryRun: true}) { ok } }")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		responses.append(this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(responses.toString()).contains("Dan Wentworth");
		for (String canary : CANARIES) {
			assertThat(responses.toString()).as("responses").doesNotContain(canary);
			assertThat(output.getAll()).as("log output").doesNotContain(canary);
		}
		assertThat(output.getAll()).contains("DEBUG");
	}

	private WebTestClient.ResponseSpec post(String key, String query) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		return request.bodyValue(Map.of("query", query)).exchange();
	}

	private void refused(String key, String query, String code) {
		VendorStubs.reset();
		post(key, query).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(code)
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.data.users")
			.doesNotExist();
		assertThat(VendorStubs.totalCalls()).as(code + ": vendor calls").isZero();
	}

}
