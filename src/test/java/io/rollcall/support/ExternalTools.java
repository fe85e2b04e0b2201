package io.rollcall.support;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need beyond the JDK (Chromium, redis-server): found through an
 * environment variable or system property naming the program, else on the {@code PATH}.
 * Where one is missing the tests that need it are skipped with one line naming what to
 * install, except under {@code CI=true}, where they fail: CI installs them, so it always
 * proves those tests.
 */
public final class ExternalTools {

	private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

	private ExternalTools() {
	}

	/**
	 * The program, or the test is skipped (failed under CI).
	 * @param program its name on the PATH, e.g. {@code chromium}
	 * @param variable the environment variable (or system property) that may name it
	 * @param install what to install, e.g. {@code the chromium package}
	 * @return the program
	 */
	public static Path require(String program, String variable, String install) {
		Optional<Path> found = find(program, variable);
		if (found.isPresent()) {
			return found.get();
		}
		String message = program + " was not found: install " + install + ", or set " + variable
				+ " to its path, to run these tests";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(message + " (under CI=true no test may skip)");
		}
		if (SAID.add(message)) {
			// Straight to the process's error stream: Maven shows it, as the build's
			// output, where a test's own output goes to its report file.
			new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)
				.println("SKIPPED: " + message);
		}
		Assumptions.abort(message);
		throw new IllegalStateException("unreachable");
	}

	/**
	 * The program, if it is there.
	 * @param program its name on the PATH
	 * @param variable the environment variable (or system property) that may name it
	 * @return the program, or empty
	 */
	public static Optional<Path> find(String program, String variable) {
		String named = System.getProperty(variable, System.getenv(variable));
		if (named != null && !named.isBlank()) {
			Path path = Path.of(named);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String searchPath = System.getenv("PATH");
		if (searchPath == null) {
			return Optional.empty();
		}
		for (String folder : searchPath.split(File.pathSeparator)) {
			if (!folder.isEmpty()) {
				Path candidate = Path.of(folder, program);
				if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
