package io.rollcall.connector.periscope;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.connector.VendorHttp;
import io.rollcall.domain.Change;
import io.rollcall.domain.Connector;
import io.rollcall.domain.HealthTracker;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.Writes;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names that would change a path or a header if sent as they are, and answers larger than
 * the source allows.
 */
class PeriscopeHostileInputTests {

	@RegisterExtension
	static WireMockExtension periscope = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final Connector connector = PeriscopeConnectors.create("periscope-eu", "Periscope", "acme-eu",
			"periscope-key", "admin@example.com", TestHttp.factory("periscope-eu", periscope.baseUrl(),
					Duration.ofSeconds(2), new HealthTracker(Clock.systemUTC()), new VendorHttp.Bounds(3, 10)));

	@ParameterizedTest(name = "group \"{0}\" is sent as {1}")
	@CsvSource(delimiter = '|',
			value = { "..|%2E%2E", ".|%2E", "a/b|a%2Fb", "../../users|%2E%2E%2F%2E%2E%2Fusers", "100%|100%25",
					"what?x=1|what%3Fx%3D1", "a#b|a%23b", "two words|two%20words",
					"Ünïcødé|%C3%9Cn%C3%AFc%C3%B8d%C3%A9", "v1.2|v1%2E2" })
	void everyPathSegmentIsEncoded(String name, String encoded) {
		periscope.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"name\":\"x\",\"deleted\":true}")));
		Writes.Groups groups = Objects.requireNonNull(this.connector.writes().groups());
		assertThat(groups.deleteGroup(name, false).block().status()).isEqualTo(Change.Status.DONE);
		assertThat(groups.updateGroup(name, null, "View", true).block().status()).isEqualTo(Change.Status.DRY_RUN);
		assertThat(periscope.getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
			.containsExactlyInAnyOrder("/api/v1/groups/" + encoded, "/api/v1/groups/" + encoded + "?test_mode=true");
	}

	@Test
	void aValueThatWouldEndAHeaderIsNeverSent() {
		Change change = Objects.requireNonNull(this.connector.writes().userRemovals())
			.removeUser("ada@example.com\r\nHTTP-X-PARTNER-AUTH: other:key", false)
			.block();
		assertThat(change.status()).isEqualTo(Change.Status.FAILED);
		assertThat(change.code()).isEqualTo("SOURCE_REJECTED");
		assertThat(change.message()).contains("nothing was sent");
		assertThat(periscope.getAllServeEvents()).isEmpty();
	}

	@Test
	void anAnswerWithMoreItemsThanAllowedFailsWithoutReadingItWhole() {
		periscope.stubFor(
				get(urlEqualTo("/api/v1/users")).willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"users\":[" + IntStream.range(0, 1000)
						.mapToObj((i) -> "{\"id\":" + i + ",\"email\":\"u" + i + "@example.com\"}")
						.collect(Collectors.joining(",")) + "]}")));
		assertThatThrownBy(() -> this.connector.users().block()).isInstanceOfSatisfying(SourceException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(SourceException.Code.SOURCE_BAD_RESPONSE);
			assertThat(ex.getMessage()).isEqualTo(
					"Source 'periscope-eu' answered more than 3 items in one list (rollcall.sources.periscope-eu.max-items)");
		});
	}

}
