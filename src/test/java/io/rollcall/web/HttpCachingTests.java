package io.rollcall.web;

import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browsers and proxies may keep, and compression: versioned web-jar assets for a
 * year, GraphiQL's page revalidated by its ETag, answers and exports carrying account
 * data never; answers worth it gzipped when the client accepts gzip.
 */
class HttpCachingTests extends GatewayTestBase {

	@Test
	void versionedAssetsAreKeptForAYear() {
		String cacheControl = this.http.get()
			.uri("/webjars/graphiql/2.4.7/graphiql.min.css")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getCacheControl();
		assertThat(cacheControl).contains("max-age=31536000", "public").doesNotContain("no-store");
	}

	@Test
	void graphiqlIsRevalidatedByItsEtag() {
		HttpHeaders first = this.http.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(first.getETag()).isNotBlank();
		assertThat(first.getCacheControl()).contains("no-cache");
		this.http.get()
			.uri("/graphiql")
			.header(HttpHeaders.IF_NONE_MATCH, first.getETag())
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void answersWithAccountDataAreNeverKept() {
		HttpHeaders graphql = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ users { totalCount } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(graphql.getCacheControl()).contains("no-store");
		HttpHeaders get = this.http.get()
			.uri("/graphql?query={query}", "{ users { totalCount } }")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(get.getCacheControl()).contains("no-store");
		assertThat(this.http.get()
			.uri("/exports/accounts.csv")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void largeAnswersAreGzippedWhenTheClientAcceptsIt() {
		Map<String, String> everyone = Map.of("query",
				"{ users { edges { node { id displayName email roles { name } groups { name } projects { project { name } permissions } } } } }");
		assertThat(encoding(everyone, "gzip")).isEqualTo("gzip");
		assertThat(encoding(everyone, null)).isNull();
		assertThat(encoding(Map.of("query", "{ sources { id } }"), "gzip")).as("a small answer").isNull();
	}

	private String encoding(Map<String, String> body, String accept) {
		var request = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
		if (accept != null) {
			request.header(HttpHeaders.ACCEPT_ENCODING, accept);
		}
		return request.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.CONTENT_ENCODING);
	}

}
