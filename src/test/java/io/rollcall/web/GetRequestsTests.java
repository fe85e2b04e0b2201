package io.rollcall.web;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over GET run as they would over POST; mutations over GET never run.
 */
class GetRequestsTests extends GatewayTestBase {

	@Test
	void aQueryInTheUrlRunsWithItsVariables() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{query}")
				.queryParam("variables", "{variables}")
				.build("query($first: Int) { users(first: $first) { totalCount edges { node { id } } } }",
						"{\"first\": 2}"))
			.header(HttpHeaders.ACCEPT, "application/graphql-response+json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/graphql-response+json")
			.expectBody()
			.jsonPath("$.data.users.totalCount")
			.isEqualTo(13)
			.jsonPath("$.data.users.edges.length()")
			.isEqualTo(2);
	}

	@Test
	void aMutationOverGetIsRefusedWithAllowPost() {
		for (String[] request : new String[][] { { "mutation { refreshSources { id } }", "" },
				{ "query A { sources { id } } mutation B { refreshSources { id } }", "B" } }) {
			VendorStubs.reset();
			this.http.get()
				.uri((uri) -> uri.path("/graphql")
					.queryParam("query", "{query}")
					.queryParam("operationName", "{name}")
					.build(request[0], request[1]))
				.exchange()
				.expectStatus()
				.isEqualTo(405)
				.expectHeader()
				.valueEquals(HttpHeaders.ALLOW, "POST")
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("METHOD_NOT_ALLOWED");
			assertThat(VendorStubs.totalCalls()).isZero();
		}
	}

	@Test
	void variablesThatAreNotAJsonObjectAreABadRequest() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{query}")
				.queryParam("variables", "{variables}")
				.build("{ sources { id } }", "[1, 2]"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void aGetWithoutAQueryIsMethodNotAllowedWithABody() {
		this.http.get()
			.uri("/graphql")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("Send GraphQL requests as POST (queries may also be sent as GET)");
	}

}
