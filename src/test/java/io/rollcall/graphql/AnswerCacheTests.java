package io.rollcall.graphql;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole answers are served again only while every list they were computed from is the
 * current one: a write, {@code refreshSources} or a failing source makes the next request
 * execute.
 */
class AnswerCacheTests extends GatewayTestBase {

	private static final String QUERY = "{ users(filter: {sources: [\"periscope-eu\"]}) { edges { node { id email "
			+ "groups { name } } } } }";

	@Autowired
	MeterRegistry meters;

	@Test
	void aQueryAskedAgainIsAnsweredWithoutExecutingIt() {
		Map<String, Object> first = post(QUERY);
		double hits = hits();
		VendorStubs.reset();
		assertThat(post(QUERY)).isEqualTo(first);
		assertThat(hits()).isEqualTo(hits + 1);
		assertThat(VendorStubs.totalCalls()).isZero();
		// The same document spaced, commaed and commented otherwise is the same answer.
		assertThat(post("# again\n" + QUERY.replace("{ id", "{\n  id,").replace(" email ", " email\n")))
			.isEqualTo(first);
		assertThat(hits()).isEqualTo(hits + 2);
		// Another document, other variables or another string literal are other answers.
		post(QUERY.replace("email", "displayName"));
		post(QUERY.replace("periscope-eu", "periscope-us"));
		assertThat(hits()).isEqualTo(hits + 2);
	}

	@Test
	void aKeptDocumentPaddedPastTheSizeLimitIsStillRefused() {
		post(QUERY);
		double hits = hits();
		Map<String, Object> padded = post(QUERY + " ".repeat(25_000));
		assertThat(padded).extracting("errors")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.extracting("extensions")
			.extracting("code")
			.isEqualTo("QUERY_TOO_LARGE");
		assertThat(hits()).isEqualTo(hits);
	}

	@Test
	void theNextReadAfterAWriteShowsTheChange() {
		assertThat(post(QUERY).toString()).contains("Analysts");
		VendorStubs.periscope()
			.stubFor(put(urlEqualTo("/api/v1/users")).withHeader("HTTP-X-EMAIL", equalTo("Dan@Example.com"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"email\":\"Dan@Example.com\",\"groups\":[\"Administrators\"]}")));
		stubUsers("[\"Administrators\"]");
		post("mutation { updateUser(input: {source: \"periscope-eu\", email: \"dan@example.com\", "
				+ "groups: [\"Administrators\"]}) { ok } }");
		double hits = hits();
		assertThat(post(QUERY).toString()).contains("Administrators").doesNotContain("Analysts");
		assertThat(hits()).isEqualTo(hits);
	}

	@Test
	void refreshSourcesMakesTheNextReadAskTheVendor() {
		assertThat(post(QUERY).toString()).contains("Analysts");
		stubUsers("[\"Everyone\"]");
		post("mutation { refreshSources(ids: [\"periscope-eu\"]) { id } }");
		assertThat(post(QUERY).toString()).doesNotContain("Analysts");
	}

	@Test
	void answersWithErrorsOrLiveHealthAreNotKept() {
		VendorStubs.codebase().stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withStatus(500)));
		String failing = "{ users(filter: {sources: [\"codebase\"]}) { totalCount } }";
		post(failing);
		double hits = hits();
		assertThat(post(failing)).containsKey("errors");
		post("{ sources { id health { status } } }");
		post("{ sources { id health { status } } }");
		assertThat(hits()).isEqualTo(hits);
	}

	private void stubUsers(String danGroups) {
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"users\":[{\"id\":124,\"first_name\":\"Dan\",\"last_name\":\"Wentworth\","
							+ "\"email\":\"Dan@Example.com\",\"groups\":" + danGroups + "}]}")));
	}

	private double hits() {
		return this.meters.counter("rollcall.answers.requests", "result", "hit").count();
	}

	private Map<String, Object> post(String document) {
		return postGraphQl(Map.of("query", document));
	}

}
