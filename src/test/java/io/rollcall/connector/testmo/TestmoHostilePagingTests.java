package io.rollcall.connector.testmo;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.connector.VendorHttp;
import io.rollcall.domain.Connector;
import io.rollcall.domain.HealthTracker;
import io.rollcall.domain.SourceException;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paging answers that would make a naive client read without end, or read nonsense: each
 * fails the list with {@code SOURCE_BAD_RESPONSE} after a bounded number of calls.
 */
class TestmoHostilePagingTests {

	@RegisterExtension
	static WireMockExtension testmo = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final Connector connector = TestmoConnectors.create("testmo", "Testmo", "testmo-token",
			TestHttp.factory("testmo", testmo.baseUrl(), Duration.ofSeconds(2), new HealthTracker(Clock.systemUTC()),
					new VendorHttp.Bounds(1_000, 20)),
			4);

	static Stream<Arguments> hostilePaging() {
		return Stream.of(
				Arguments.of("a million pages", page(1, 1_000_000, null, 100, null, 1), 1, "answered 1000000 pages"),
				Arguments.of("more pages than max-items needs", page(1, 12, null, 100, null, 1), 1,
						"more than 1000 items"),
				Arguments.of("a negative last page", page(1, -5, null, 100, null, 1), 1, "answered last_page -5"),
				Arguments.of("items without paging", page(null, null, null, 100, null, 1), 1, "without last_page"),
				Arguments.of("a total the pages cannot hold", page(1, 2, 2, 100, 5_000, 1), 1,
						"the paging does not add up"),
				Arguments.of("a negative total", page(1, 1, null, 100, -1, 1), 1, "the paging does not add up"),
				Arguments.of("a next page that does not advance", page(1, 3, 1, 100, null, 1), 1,
						"next_page 1 on page 1"),
				Arguments.of("another page than asked for", page(2, 3, 3, 100, null, 1), 1,
						"answered page 2 when asked for page 1"),
				Arguments.of("another page size than asked for", page(1, 1, null, 15, null, 1), 1, "15 items per page"),
				Arguments.of("more items than a page holds", page(1, 1, null, 100, null, 101), 1,
						"101 items on a page of 100"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostilePaging")
	void failsTheListAfterABoundedNumberOfCalls(String what, String firstPage, int calls, String message) {
		testmo.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("1"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(firstPage)));
		assertThatThrownBy(() -> this.connector.users().block()).isInstanceOfSatisfying(SourceException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(SourceException.Code.SOURCE_BAD_RESPONSE);
			assertThat(ex.getMessage()).startsWith("Source 'testmo' ").contains(message);
		});
		assertThat(testmo.getAllServeEvents()).hasSize(calls);
	}

	@Test
	void aLaterPageThatDisagreesOnTheLastPageFailsTheList() {
		testmo.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("1"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(page(1, 2, 2, 100, null, 100))));
		testmo.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("page", equalTo("2"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(page(2, 500, 3, 100, null, 100))));
		assertThatThrownBy(() -> this.connector.users().block()).isInstanceOf(SourceException.class)
			.hasMessageContaining("last_page 500 on page 2 but last_page 2 on page 1");
		assertThat(testmo.getAllServeEvents()).hasSize(2);
	}

	@Test
	void projectMembersAreReadForAtMostMaxPagesProjects() {
		String projects = page(1, 1, null, 100, 25, 0).replace("\"result\":[]",
				"\"result\":[" + IntStream.range(1, 26)
					.mapToObj((i) -> "{\"id\":" + i + ",\"name\":\"P" + i + "\"}")
					.collect(Collectors.joining(",")) + "]");
		testmo.stubFor(get(urlPathEqualTo("/api/v1/projects"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(projects)));
		assertThatThrownBy(() -> this.connector.projects().flatMap(this.connector::memberships).block())
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("has 25 projects")
			.hasMessageContaining("max-pages (20)");
		assertThat(testmo.getAllServeEvents()).hasSize(1);
	}

	/** A page of users in Testmo's envelope; a null number is sent as JSON null. */
	private static String page(Integer page, Integer lastPage, Integer nextPage, int perPage, Integer total,
			int items) {
		String result = IntStream.range(0, items)
			.mapToObj((i) -> "{\"id\":" + (i + 1) + ",\"name\":\"U" + i + "\",\"email\":\"u" + i
					+ "@example.com\",\"is_active\":true}")
			.collect(Collectors.joining(","));
		return "{\"page\":" + page + ",\"prev_page\":null,\"next_page\":" + nextPage + ",\"last_page\":" + lastPage
				+ ",\"per_page\":" + perPage + ",\"total\":" + total + ",\"result\":[" + result + "],\"expands\":[]}";
	}

}
