package io.rollcall.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node.js scripts the tests run (npm packages from a lock file, installed on first use):
 * each prints one JSON object a line.
 */
public final class NodeScripts {

	private NodeScripts() {
	}

	/**
	 * Runs a script of a folder holding a {@code package-lock.json}.
	 * @param folder the folder
	 * @param arguments {@code node} and its arguments
	 * @return the JSON lines it printed
	 */
	public static List<Map<?, ?>> run(Path folder, List<String> arguments) throws IOException, InterruptedException {
		if (!Files.isDirectory(folder.resolve("node_modules"))) {
			command(folder, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
		}
		JsonMapper json = JsonMapper.builder().build();
		List<Map<?, ?>> results = new ArrayList<>();
		for (String line : command(folder, arguments, 120)) {
			if (line.startsWith("{")) {
				results.add(json.readValue(line, Map.class));
			}
		}
		return results;
	}

	private static List<String> command(Path folder, List<String> command, long seconds)
			throws IOException, InterruptedException {
		File output = Files.createTempFile("rollcall-node", ".log").toFile();
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output)
			.start();
		boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
		List<String> lines = Files.readAllLines(output.toPath(), StandardCharsets.UTF_8);
		if (!finished) {
			process.destroyForcibly();
		}
		Files.deleteIfExists(output.toPath());
		assertThat(finished && process.exitValue() == 0)
			.as(String.join(" ", command) + ":\n" + String.join("\n", lines))
			.isTrue();
		return lines;
	}

}
