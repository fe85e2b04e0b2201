package io.rollcall.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code graphql/operations/} holds one operation per file, named like it, and
 * {@code http-tests/gateway.http} keeps one request per operation, with the document as
 * it is there.
 */
class HttpTestsTests {

	private static final Pattern OPERATION = Pattern.compile("(?m)^(?:query|mutation)\\s+(\\w+)");

	@Test
	void everyExampleFileHoldsOneOperationNamedLikeTheFile() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("graphql/operations"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphql")).toList()) {
				Matcher names = OPERATION.matcher(Files.readString(file));
				List<String> found = new ArrayList<>();
				while (names.find()) {
					found.add(names.group(1));
				}
				// Apollo refuses a document with several operations; urql sends the
				// first.
				assertThat(found).as(file.toString())
					.containsExactly(file.getFileName().toString().replace(".graphql", ""));
			}
		}
	}

	@Test
	void everyOperationHasARequestCarryingItsDocument() throws IOException {
		String http = Files.readString(Path.of("http-tests/gateway.http"));
		List<Map<?, ?>> bodies = new ArrayList<>();
		for (String request : http.split("(?m)^### ")) {
			int json = request.indexOf("\n{");
			if (json >= 0) {
				bodies.add(JsonMapper.builder().build().readValue(request.substring(json + 1), Map.class));
			}
		}
		List<Path> documents;
		try (Stream<Path> files = Files.list(Path.of("graphql/operations"))) {
			documents = files.filter((file) -> file.toString().endsWith(".graphql")).sorted().toList();
		}
		assertThat(documents).hasSizeGreaterThanOrEqualTo(8);
		for (Path document : documents) {
			String text = Files.readString(document);
			Matcher names = OPERATION.matcher(text);
			while (names.find()) {
				String name = names.group(1);
				assertThat(bodies).as(name + " in http-tests/gateway.http").anySatisfy((body) -> {
					assertThat(body.get("operationName")).isEqualTo(name);
					assertThat(body.get("query")).isEqualTo(text);
				});
			}
		}
	}

}
