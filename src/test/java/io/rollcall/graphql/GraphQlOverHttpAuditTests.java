package io.rollcall.graphql;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code graphql-http} audit suite (the GraphQL over HTTP spec's own conformance
 * checks, from npm) against the running gateway: every MUST and every SHOULD passes. Only
 * MAY checks are left, listed in the README.
 */
class GraphQlOverHttpAuditTests extends GatewayTestBase {

	private static final Path AUDIT = Path.of("src/test/graphql-http");

	@Test
	void everyMustAndShouldOfGraphQlOverHttpPasses() throws Exception {
		if (!Files.isDirectory(AUDIT.resolve("node_modules/graphql-http"))) {
			run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
		}
		List<String> lines = run(List.of("node", "audit.mjs", "http://127.0.0.1:" + this.port + "/graphql"), 120);
		JsonMapper json = JsonMapper.builder().build();
		List<Map<?, ?>> results = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("{")) {
				results.add(json.readValue(line, Map.class));
			}
		}
		assertThat(results).as("audit results").hasSizeGreaterThan(30);
		assertThat(results).filteredOn((result) -> "error".equals(result.get("status"))).as("MUST failures").isEmpty();
		assertThat(results).filteredOn((result) -> "warn".equals(result.get("status"))).as("SHOULD failures").isEmpty();
		assertThat(results).filteredOn((result) -> "notice".equals(result.get("status")))
			.allSatisfy((result) -> assertThat((String) result.get("name")).startsWith("MAY"));
	}

	private static List<String> run(List<String> command, long seconds) throws IOException, InterruptedException {
		File output = Files.createTempFile("rollcall-audit", ".log").toFile();
		Process process = new ProcessBuilder(command).directory(AUDIT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output)
			.start();
		boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
		List<String> lines = Files.readAllLines(output.toPath(), StandardCharsets.UTF_8);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished && process.exitValue() == 0)
			.as(String.join(" ", command) + ":\n" + String.join("\n", lines))
			.isTrue();
		return lines;
	}

}
