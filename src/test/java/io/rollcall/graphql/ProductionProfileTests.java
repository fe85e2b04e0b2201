package io.rollcall.graphql;

import java.util.Map;

import io.rollcall.RollcallApplication;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile: no introspection, no GraphiQL, no suggestions, no details for
 * strangers; and no start-up at all without client authentication.
 */
@ActiveProfiles("production")
@TestPropertySource(properties = { "rollcall.security.enabled=true", "rollcall.security.api-keys[0].name=ops",
		"rollcall.security.api-keys[0].key=" + ProductionProfileTests.KEY, "rollcall.security.api-keys[0].role=ADMIN" })
class ProductionProfileTests extends GatewayTestBase {

	static final String KEY = "production-key-5e8b1d";

	@Test
	void introspectionIsOff() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __schema { types { name } } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.data.__schema")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).containsIgnoringCase("introspection"));
	}

	@Test
	void graphiQlIsOff() {
		this.http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
	}

	@Test
	void errorsSuggestNothing() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ user { id } sourcez { id } }"))
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("sourcez").doesNotContainIgnoringCase("did you mean"));
	}

	@Test
	void healthShowsNoDetailsToStrangers() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.exists()
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void refusesToStartWithoutClientAuthentication() {
		SpringApplication application = new SpringApplication(RollcallApplication.class);
		assertThatThrownBy(() -> application.run("--server.port=0", "--rollcall.sources.t.vendor=testmo",
				"--rollcall.sources.t.base-url=https://acme.testmo.net", "--rollcall.sources.t.token=secret-token-xyz"))
			.hasRootCauseInstanceOf(InvalidConfigurationException.class)
			.rootCause()
			.hasMessageStartingWith("rollcall.security: no client authentication is configured")
			.hasMessageNotContaining("secret-token-xyz");
	}

}
