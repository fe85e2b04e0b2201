package io.rollcall.connector.periscope;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.domain.Capability;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Group;
import io.rollcall.domain.User;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Periscope connector against a WireMock site serving {@code wiremock/periscope/}.
 */
class PeriscopeConnectorTests {

	@RegisterExtension
	static WireMockExtension periscope = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/periscope"))
		.build();

	private final Connector connector = PeriscopeConnectors.create("periscope-eu", "Periscope", "acme-eu",
			"periscope-key", "admin@example.com",
			TestHttp.factory("periscope-eu", periscope.baseUrl(), Duration.ofSeconds(2)));

	@Test
	void readsUsersFromTheEnvelopeWithTheEmailAsNativeId() {
		List<User> users = this.connector.users().block();
		assertThat(users).extracting(User::nativeId)
			.containsExactly("ada@example.com", "Dan@Example.com", "barbara@example.com");
		assertThat(users.get(1).groupIds()).containsExactly("analysts", "Everyone");
		assertThat(users.get(0).createdAt()).hasToString("2019-05-01T12:00:00Z");
		assertThat(users.get(0).active()).isNull();
		periscope.verify(getRequestedFor(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-PARTNER-AUTH",
				equalTo("acme-eu:periscope-key")));
	}

	@Test
	void readsGroupsAnsweredAsABareArray() {
		assertThat(this.connector.groups().block()).extracting(Group::name, Group::access)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Administrators", "SQL"),
					org.assertj.core.groups.Tuple.tuple("Analysts", "Discovery"),
					org.assertj.core.groups.Tuple.tuple("Everyone", "View"));
	}

	@Test
	void readsUsersAnsweredAsABareArrayAndGroupsInAnEnvelopeWithAccessInAnyCase() {
		periscope.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(
						"[{\"id\":1,\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@example.com\",\"groups\":[]}]")));
		periscope.stubFor(get(urlEqualTo("/api/v1/groups")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"groups\":[{\"name\":\"Analysts\",\"access\":\"sql\"}]}")));
		assertThat(this.connector.users().block()).extracting(User::displayName).containsExactly("Ada Lovelace");
		assertThat(this.connector.groups().block()).extracting(Group::access).containsExactly("SQL");
	}

	@Test
	void canInviteAndManageGroupsOnlyWithAnInviter() {
		Connector withoutInviter = PeriscopeConnectors.create("p", "P", "acme-eu", "periscope-key", null,
				TestHttp.factory("p", periscope.baseUrl(), Duration.ofSeconds(2)));
		assertThat(Connector.capabilitiesOf(this.connector)).containsExactly(Capability.LIST_USERS,
				Capability.LIST_GROUPS, Capability.INVITE_USER, Capability.UPDATE_USER, Capability.REMOVE_USER,
				Capability.MANAGE_GROUPS);
		assertThat(Connector.capabilitiesOf(withoutInviter)).containsExactly(Capability.LIST_USERS,
				Capability.LIST_GROUPS, Capability.UPDATE_USER, Capability.REMOVE_USER);
	}

}
