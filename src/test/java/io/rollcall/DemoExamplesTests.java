package io.rollcall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request of {@code http-tests/gateway.http} and every {@code curl} example of the
 * README, run as written against demo mode: each answers real data (no errors, no empty
 * answer, no change that found nothing).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoExamplesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CURL_DATA = Pattern.compile("(?s)curl [^`]*?--data '(\\{.*?\\})'");

	@LocalServerPort
	int port;

	private WebTestClient http;

	@BeforeEach
	void client() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.build();
	}

	static Stream<Arguments> examples() throws IOException {
		List<Arguments> examples = new ArrayList<>();
		String requests = Files.readString(Path.of("http-tests/gateway.http"));
		for (String request : requests.split("(?m)^### ")) {
			int json = request.indexOf("\n{");
			if (json >= 0) {
				String name = request.substring(0, request.indexOf('\n')).trim();
				examples.add(Arguments.of("gateway.http: " + name, request.substring(json + 1)));
			}
		}
		Matcher curl = CURL_DATA.matcher(Files.readString(Path.of("README.md")));
		while (curl.find()) {
			examples.add(Arguments.of("README: " + curl.group(1), curl.group(1)));
		}
		assertThat(examples).hasSizeGreaterThan(15);
		return examples.stream();
	}

	/**
	 * Demo mode shows a change to review, and who made it, within a minute of starting.
	 */
	@Test
	void demoModeHasARealDiffAndAuditTrailWithinAMinute() throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		while (true) {
			Map<String, Object> answer = this.http.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query",
						"{ accessChanges(filter: {kinds: [ACCOUNT_ADDED]}) { totalCount edges { node { source email } } } auditLog { totalCount } }"))
				.exchange()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
			String text = String.valueOf(answer);
			if (!text.contains("totalCount=0") && !text.contains("errors")) {
				assertThat(text).contains("source=periscope", "contractor.");
				return;
			}
			assertThat(System.nanoTime()).as("a diff in demo mode: " + text).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void answersRealDataInDemoMode(String example, String body) throws InterruptedException {
		if (example.contains("accessReview") || example.contains("auditTrail")) {
			demoModeHasARealDiffAndAuditTrailWithinAMinute();
		}
		Map<String, Object> answer = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JSON.readValue(body, Map.class))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(answer).as(example).doesNotContainKey("errors");
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) answer.get("data");
		assertThat(data).as(example).isNotEmpty();
		data.forEach((field, value) -> assertReal(example + ": " + field, value));
	}

	/** Not null, not empty, and no change that found nothing or failed. */
	@SuppressWarnings("unchecked")
	private static void assertReal(String what, Object value) {
		assertThat(value).as(what).isNotNull();
		if (value instanceof Collection<?> list) {
			assertThat(list).as(what).isNotEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			if (map.containsKey("totalCount")) {
				assertThat((Integer) map.get("totalCount")).as(what + ".totalCount").isPositive();
			}
			if (map.containsKey("changes")) {
				List<Map<String, Object>> changes = (List<Map<String, Object>>) map.get("changes");
				assertThat(changes).as(what + ".changes").isNotEmpty();
				assertThat(changes).as(what + ".changes")
					.allSatisfy((change) -> assertThat(change.get("status")).isIn("DONE", "DRY_RUN", "UNSUPPORTED"));
				assertThat(changes).as(what + ".changes")
					.anySatisfy((change) -> assertThat(change.get("status")).isIn("DONE", "DRY_RUN"));
			}
			if (map.containsKey("accounts")) {
				assertThat((Collection<?>) map.get("accounts")).as(what + ".accounts").isNotEmpty();
			}
		}
	}

}
