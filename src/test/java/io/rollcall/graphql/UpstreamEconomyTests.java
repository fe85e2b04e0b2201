package io.rollcall.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many vendor calls the "everything" query costs: one round per list per source,
 * never one per user, and none while the cache holds.
 */
class UpstreamEconomyTests extends GatewayTestBase {

	/**
	 * The minimum the vendor APIs allow for users with roles, groups and projects: Cintoo
	 * users and projects; Testmo two pages of users, roles, groups, projects and one list
	 * per project; Codebase users, roles, projects; each Periscope site users and groups.
	 * (Periscope US has no users, so strictly its groups are not needed; they are read
	 * beside its users, before the gateway can know, which keeps every source at one
	 * round of dependent calls.)
	 */
	private static final Map<String, Integer> EVERYTHING = Map.of("cintoo", 2, "testmo", 7, "codebase", 3, "periscope",
			4);

	@Test
	void everythingQueryMakesOneCallPerListAndSource() {
		everything().execute().errors().verify().path("users.totalCount").entity(Integer.class).isEqualTo(13);
		assertThat(VendorStubs.apiCalls()).isEqualTo(EVERYTHING);
	}

	@Test
	void everythingQueryCostsTheSameWithTenTimesTheUsers() {
		stubManyUsers(200);
		everything().execute().errors().verify().path("users.totalCount").entity(Integer.class).isEqualTo(4 + 3 * 200);
		assertThat(VendorStubs.apiCalls()).isEqualTo(EVERYTHING);
	}

	@Test
	void secondRunIsServedFromTheCache() {
		everything().execute().errors().verify();
		VendorStubs.reset();
		everything().execute().errors().verify().path("users.totalCount").entity(Integer.class).isEqualTo(13);
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void concurrentIdenticalQueriesShareTheirVendorCalls() {
		// Slow vendors, so that every query is in flight before any answer arrives.
		VendorStubs.all().values().forEach((server) -> server.setGlobalFixedDelay(300));
		try {
			Flux.range(0, 20)
				.flatMap((i) -> everything().execute()
					.errors()
					.verify()
					.path("users.totalCount")
					.entity(Integer.class)
					.isEqualTo(13)
					.get() == 13 ? Flux.just(i) : Flux.empty(), 20)
				.blockLast(Duration.ofSeconds(30));
		}
		finally {
			VendorStubs.all().values().forEach((server) -> server.setGlobalFixedDelay(0));
		}
		assertThat(VendorStubs.apiCalls()).isEqualTo(EVERYTHING);
	}

	private GraphQlTester.Request<?> everything() {
		return this.graphQl.documentName("everyoneWithAccess").variable("first", 100);
	}

	private static void stubManyUsers(int count) {
		String cintoo = IntStream.range(0, count)
			.mapToObj((i) -> "{\"id\":\"u" + i + "\",\"firstname\":\"User\",\"lastname\":\"" + i + "\",\"email\":\"user"
					+ i + "@example.com\"}")
			.collect(Collectors.joining(",", "[", "]"));
		VendorStubs.cintoo()
			.stubFor(get(urlEqualTo("/api/accounts/acct-1/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(cintoo)));
		String codebase = IntStream.range(0, count)
			.mapToObj((i) -> "<user><api-key>k" + i + "</api-key><email-address>user" + i
					+ "@example.com</email-address><id type=\"integer\">" + (100 + i)
					+ "</id><first-name>User</first-name><last-name>" + i + "</last-name><username>user" + i
					+ "</username><assignments type=\"array\"><assignment><permalink>codebase</permalink></assignment>"
					+ "</assignments><enabled type=\"boolean\">true</enabled></user>")
			.collect(Collectors.joining("", "<users type=\"array\">", "</users>"));
		VendorStubs.codebase()
			.stubFor(get(urlEqualTo("/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(codebase)));
		String periscope = IntStream.range(0, count)
			.mapToObj((i) -> "{\"id\":" + i + ",\"first_name\":\"User\",\"last_name\":\"" + i + "\",\"email\":\"user"
					+ i + "@example.com\",\"groups\":[\"Everyone\"]}")
			.collect(Collectors.joining(",", "{\"users\":[", "]}"));
		WireMockServer server = VendorStubs.periscope();
		server.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(periscope)));
	}

}
