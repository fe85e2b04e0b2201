package io.rollcall.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the history tests, from Debian's {@code postgresql}
 * package: a fresh cluster in a temporary folder, started on a free loopback port, as the
 * Redis tests start redis-server. Missing, the tests that need it are skipped (failed
 * under {@code CI=true}, see {@link ExternalTools}).
 */
public final class PostgresServer implements AutoCloseable {

	private static final String VARIABLE = "POSTGRES_INITDB";

	private static final String INSTALL = "PostgreSQL (Debian: apt-get install postgresql)";

	private final Path bin;

	private final Path data;

	private final int port;

	private Process server;

	private PostgresServer(Path bin, Path data, int port) {
		this.bin = bin;
		this.data = data;
		this.port = port;
	}

	/**
	 * Starts a fresh server, or skips the test when PostgreSQL is not installed.
	 * @return the running server
	 * @throws Exception when it does not start
	 */
	public static PostgresServer start() throws Exception {
		Path initdb = find().orElseGet(() -> ExternalTools.require("initdb", VARIABLE, INSTALL));
		Path data = Files.createTempDirectory("rollcall-postgres-");
		PostgresServer server = new PostgresServer(initdb.getParent(), data, freePort());
		server.run(List.of(initdb.toString(), "-D", data.resolve("cluster").toString(), "-U", "rollcall",
				"--auth=trust", "-E", "UTF8", "--no-sync"));
		server.startServer();
		return server;
	}

	/** Debian keeps the programs under /usr/lib/postgresql/VERSION/bin, off the PATH. */
	private static Optional<Path> find() throws IOException {
		Optional<Path> named = ExternalTools.find("initdb", VARIABLE);
		if (named.isPresent()) {
			return named;
		}
		Path versions = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(versions)) {
			return Optional.empty();
		}
		try (Stream<Path> found = Files.list(versions)) {
			return found.map((version) -> version.resolve("bin/initdb"))
				.filter(Files::isExecutable)
				.max(Comparator.comparing(Path::toString));
		}
	}

	/** The JDBC URL of its {@code postgres} database. */
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	public String username() {
		return "rollcall";
	}

	/** Stops the server, as an outage would. */
	public void stop() throws InterruptedException {
		if (this.server != null) {
			this.server.destroy();
			this.server.waitFor();
			this.server = null;
		}
	}

	/** Starts it again on the same port and data. */
	public void startServer() throws Exception {
		List<String> command = asOwner(List.of(this.bin.resolve("postgres").toString(), "-D",
				this.data.resolve("cluster").toString(), "-p", Integer.toString(this.port), "-k", this.data.toString(),
				"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"));
		this.server = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("server.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try (var connection = DriverManager.getConnection(url(), username(), "")) {
				return;
			}
			catch (SQLException ex) {
				if (!this.server.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"PostgreSQL did not start: " + Files.readString(this.data.resolve("server.log")), ex);
				}
				Thread.sleep(100);
			}
		}
	}

	private void run(List<String> command) throws Exception {
		if (isRoot()) {
			// PostgreSQL refuses to run as root: the package's own user runs it.
			new ProcessBuilder("chown", "-R", "postgres:postgres", this.data.toString()).inheritIO().start().waitFor();
		}
		Process process = new ProcessBuilder(asOwner(command)).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("initdb.log").toFile())
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("initdb failed: " + Files.readString(this.data.resolve("initdb.log")));
		}
	}

	private static List<String> asOwner(List<String> command) {
		if (!isRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
