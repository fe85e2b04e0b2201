package io.rollcall.graphql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.NodeScripts;
import io.rollcall.support.SecuredGateway;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients frontend teams use (Apollo Client, urql with its defaults and with
 * Graphcache, graphql-request; npm packages from {@code src/test/graphql-clients}'s lock
 * file) against the gateway: pagination, partial results, a validation error, a 401, a
 * dry run that leaves the cache as it is, the persisted-query link, GET queries; each
 * passes with no client warning.
 */
@SecuredGateway
class GraphQlClientsTests extends GatewayTestBase {

	private static final Path CLIENTS = Path.of("src/test/graphql-clients");

	@Test
	void apolloUrqlAndGraphqlRequestWorkOutOfTheBox() throws Exception {
		VendorStubs.periscope()
			.stubFor(put(urlEqualTo("/api/v1/users?test_mode=true"))
				.withHeader("HTTP-X-EMAIL", equalTo("Dan@Example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"email\":\"Dan@Example.com\",\"first_name\":\"Dan\",\"groups\":[\"Administrators\"],"
							+ "\"test_mode\":true}")));
		String url = "http://127.0.0.1:" + this.port + "/graphql";
		List<Map<?, ?>> results = new ArrayList<>(
				NodeScripts.run(CLIENTS, List.of("node", "clients.mjs", url, SecuredGateway.ADMIN_KEY)));
		// Then Testmo goes down, for the partial-results scenario.
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1).willReturn(aResponse().withStatus(500)));
		this.directory.connector("testmo").orElseThrow().forget();
		results
			.addAll(NodeScripts.run(CLIENTS, List.of("node", "clients.mjs", url, SecuredGateway.ADMIN_KEY, "outage")));
		assertThat(results).hasSize(9);
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.get("ok")).as(result.get("name") + ": " + result.get("detail")).isEqualTo(true);
			assertThat((List<?>) result.get("warnings")).as(result.get("name") + ": client warnings").isEmpty();
		});
	}

}
