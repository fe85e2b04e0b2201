package io.rollcall.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history on its default engine: embedded H2 in file mode, in a folder of its own.
 */
class EmbeddedHistoryTests extends HistoryTestBase {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("rollcall-history-");
		registry.add("rollcall.history.url", () -> "jdbc:h2:file:" + folder.resolve("rollcall-history"));
	}

}
