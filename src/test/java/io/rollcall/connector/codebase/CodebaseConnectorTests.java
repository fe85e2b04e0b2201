package io.rollcall.connector.codebase;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.User;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Codebase connector against a WireMock Codebase serving {@code wiremock/codebase/}.
 */
class CodebaseConnectorTests {

	@RegisterExtension
	static WireMockExtension codebase = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/codebase"))
		.build();

	private final Connector connector = CodebaseConnectors.create("codebase", "Codebase", "acme/dan", "codebase-key",
			TestHttp.factory("codebase", codebase.baseUrl(), Duration.ofSeconds(2)));

	@Test
	void readsUsersWithHttpBasicAndXml() {
		List<User> users = this.connector.users().block();
		assertThat(users).extracting(User::displayName).containsExactly("Dan Wentworth", "Ada Lovelace", "ken");
		codebase.verify(getRequestedFor(urlEqualTo("/users"))
			.withHeader("Authorization", equalTo("Basic YWNtZS9kYW46Y29kZWJhc2Uta2V5"))
			.withHeader("Accept", equalTo("application/xml")));
	}

	@Test
	void nilIsNullEvenWithTextAndEmptyElementsAreAbsent() {
		List<User> users = this.connector.users().block();
		User ada = users.get(1);
		assertThat(ada.timezone()).as("nil=\"true\" with text").isNull();
		assertThat(ada.active()).isFalse();
		assertThat(ada.email()).isEqualTo("ADA@example.com");
		User ken = users.get(2);
		assertThat(ken.firstName()).isNull();
		assertThat(ken.lastName()).isNull();
		assertThat(ken.username()).isEqualTo("ken");
		assertThat(ken.memberships()).isEmpty();
	}

	@Test
	void theApiKeyIsDroppedWhileParsing() {
		List<User> users = this.connector.users().block();
		assertThat(users.toString()).doesNotContain("0123456789abcdef").doesNotContain("fedcba98");
		assertThat(Arrays.stream(CodebaseWire.User.class.getRecordComponents()).map((c) -> c.getName()))
			.noneMatch((name) -> name.toLowerCase().contains("key"));
		byte[] xml = "<users type=\"array\"><user><api-key>secret-key-value</api-key><id type=\"integer\">7</id></user></users>"
			.getBytes();
		assertThat(CodebaseXml.users(xml).toString()).doesNotContain("secret-key-value");
	}

	@Test
	void membershipsComeFromTheUsersAssignmentsWithoutPerProjectCalls() {
		List<User> users = this.connector.users().block();
		assertThat(users.get(0).memberships()).extracting(Membership::projectId)
			.containsExactly("awesome-project", "codebase");
		List<Project> projects = this.connector.projects().block();
		assertThat(this.connector.memberships(projects).block()).isEmpty();
		codebase.verify(0, getRequestedFor(urlMatching(".*/assignments")));
	}

	@Test
	void projectsAreKeyedByPermalink() {
		assertThat(this.connector.projects().block()).extracting(Project::nativeId, Project::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("codebase", "Codebase"),
					org.assertj.core.groups.Tuple.tuple("awesome-project", "Awesome project"));
	}

	@Test
	void rolesAreACatalogueWithPermissionsAndTheDefault() {
		assertThat(this.connector.roles().block()).extracting(Role::name, Role::isDefault, Role::permissions)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Trusted Users", true, List.of("projects.read_all")),
					org.assertj.core.groups.Tuple.tuple("Administrators", false,
							List.of("admin", "projects.write_all")));
	}

	@Test
	void aWrongKeyIsUnauthorized() {
		Connector wrong = CodebaseConnectors.create("codebase", "Codebase", "acme/dan", "wrong",
				TestHttp.factory("codebase", codebase.baseUrl(), Duration.ofSeconds(2)));
		StepVerifier.create(wrong.users())
			.expectErrorSatisfies((ex) -> assertThat(((SourceException) ex).code())
				.isEqualTo(SourceException.Code.SOURCE_UNAUTHORIZED))
			.verify();
	}

	@Test
	void externalEntitiesAreRejectedAsABadResponse() {
		codebase.stubFor(get(urlEqualTo("/users")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/xml")
				.withBody("<?xml version=\"1.0\"?><!DOCTYPE users [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
						+ "<users type=\"array\"><user><id type=\"integer\">1</id><username>&xxe;</username></user></users>")));
		expectBadResponse();
	}

	@Test
	void entityExpansionIsRejectedAsABadResponse() {
		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i < 10; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			laughs.append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append(
				"]><users type=\"array\"><user><id type=\"integer\">1</id><username>&lol9;</username></user></users>");
		codebase.stubFor(get(urlEqualTo("/users")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(laughs.toString())));
		expectBadResponse();
	}

	@Test
	void anEntityReferenceWithoutADoctypeIsRejected() {
		codebase.stubFor(get(urlEqualTo("/users")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/xml")
				.withBody(
						"<users type=\"array\"><user><id type=\"integer\">1</id><username>&undefined;</username></user></users>")));
		expectBadResponse();
	}

	private void expectBadResponse() {
		StepVerifier.create(this.connector.users())
			.expectErrorSatisfies((ex) -> assertThat(((SourceException) ex).code())
				.isEqualTo(SourceException.Code.SOURCE_BAD_RESPONSE))
			.verify(Duration.ofSeconds(5));
		codebase.verify(1, anyRequestedFor(urlEqualTo("/users")));
	}

}
