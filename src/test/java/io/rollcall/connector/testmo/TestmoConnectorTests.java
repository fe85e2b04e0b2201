package io.rollcall.connector.testmo;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.User;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Testmo connector against a WireMock Testmo serving {@code wiremock/testmo/}.
 */
class TestmoConnectorTests {

	@RegisterExtension
	static WireMockExtension testmo = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/testmo"))
		.build();

	private final Connector connector = TestmoConnectors.create("testmo", "Testmo", "testmo-token",
			TestHttp.factory("testmo", testmo.baseUrl(), Duration.ofSeconds(2)), 4);

	@Test
	void readsEveryPageOfUsersWithGroupsAndRolesExpanded() {
		List<User> users = this.connector.users().block();
		assertThat(users).extracting(User::nativeId).containsExactly("2", "3", "9", "5");
		testmo.verify(getRequestedFor(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("1"))
			.withQueryParam("per_page", equalTo("100"))
			.withQueryParam("expands", equalTo("groups,roles"))
			.withHeader("Authorization", equalTo("Bearer testmo-token")));
		testmo.verify(getRequestedFor(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("2")));
		testmo.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/users")));
	}

	@Test
	void mapsRoleGroupsAndTheActiveFlag() {
		User ada = this.connector.users().block().get(0);
		assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
		assertThat(ada.email()).isEqualTo("Ada@Example.com");
		assertThat(ada.personKey()).isEqualTo("ada@example.com");
		assertThat(ada.roleIds()).containsExactly("2");
		assertThat(ada.groupIds()).containsExactly("1", "3");
		assertThat(ada.active()).isTrue();
		assertThat(ada.timezone()).isEqualTo("Europe/London");
		assertThat(ada.createdAt()).hasToString("2024-01-01T10:00:00Z");
	}

	@Test
	void aForgottenUserIsInactiveAndHasNoEmail() {
		User forgotten = this.connector.users().block().get(2);
		assertThat(forgotten.displayName()).isEqualTo("Forgotten user");
		assertThat(forgotten.email()).isNull();
		assertThat(forgotten.personKey()).isNull();
		assertThat(forgotten.active()).isFalse();
	}

	@Test
	void readsProjectUsersPerProjectAndToleratesAnEmptyPageWithNullPagingAndEmptyExpands() {
		List<Project> projects = this.connector.projects().block();
		assertThat(projects).extracting(Project::name).containsExactly("Checkout", "Legacy Import");
		assertThat(projects).extracting(Project::status).containsExactly("active", "completed");
		List<Membership> memberships = this.connector.memberships(projects).block();
		assertThat(memberships).extracting(Membership::projectId, Membership::userId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("5", "2"),
					org.assertj.core.groups.Tuple.tuple("5", "3"));
		assertThat(memberships).allMatch(Membership::accountRolesApply);
		testmo.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/projects/6/users")));
	}

	@Test
	void rolesCarryTheDefaultFlagButNotTheOpaqueBitmask() {
		List<io.rollcall.domain.Role> roles = this.connector.roles().block();
		assertThat(roles).extracting(io.rollcall.domain.Role::name, io.rollcall.domain.Role::isDefault)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Tester", true),
					org.assertj.core.groups.Tuple.tuple("Lead", false));
		assertThat(roles).allSatisfy((role) -> assertThat(role.permissions()).isEmpty());
	}

	@Test
	void answers422AsABadResponse() {
		testmo.stubFor(get(urlPathEqualTo("/api/v1/roles")).atPriority(1)
			.willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBodyFile("error-422.json")));
		StepVerifier.create(this.connector.roles())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(SourceException.class, (error) -> {
				assertThat(error.code()).isEqualTo(SourceException.Code.SOURCE_BAD_RESPONSE);
				assertThat(error.getMessage())
					.isEqualTo("Source 'testmo' answered HTTP 422 where the gateway expected data");
			}))
			.verify();
	}

	@Test
	void a429WithoutRetryAfterMeansWaitAMinute() {
		testmo.stubFor(get(urlPathMatching("/api/v1/.*")).atPriority(1).willReturn(aResponse().withStatus(429)));
		StepVerifier.create(this.connector.groups())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(SourceException.class, (error) -> {
				assertThat(error.code()).isEqualTo(SourceException.Code.SOURCE_RATE_LIMITED);
				assertThat(error.retryAfterSeconds()).isEqualTo(60L);
			}))
			.verify();
		testmo.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/groups")));
	}

	@Test
	void aWrongTokenIsUnauthorized() {
		Connector wrong = TestmoConnectors.create("testmo", "Testmo", "wrong",
				TestHttp.factory("testmo", testmo.baseUrl(), Duration.ofSeconds(2)), 4);
		StepVerifier.create(wrong.users())
			.expectErrorSatisfies((ex) -> assertThat(((SourceException) ex).code())
				.isEqualTo(SourceException.Code.SOURCE_UNAUTHORIZED))
			.verify();
	}

}
