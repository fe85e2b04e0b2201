package io.rollcall.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rollcall.domain.Vendor;

/**
 * Simulations of the four vendors on loopback, with made-up data, for demo mode and
 * benchmarks. Each follows the wire contract, quirks included.
 */
public final class DemoVendors implements AutoCloseable {

	private final List<SimServer> servers;

	private final List<Endpoint> endpoints;

	private final Path tokenDirectory;

	private final TestmoSimulation testmo;

	private DemoVendors(List<SimServer> servers, List<Endpoint> endpoints, Path tokenDirectory,
			TestmoSimulation testmo) {
		this.servers = servers;
		this.endpoints = endpoints;
		this.tokenDirectory = tokenDirectory;
		this.testmo = testmo;
	}

	/**
	 * Starts the four simulations.
	 * @param settings how many people, how slow, how short-lived Cintoo's tokens are
	 * @return the running simulations
	 */
	public static DemoVendors start(Settings settings) {
		DemoData data = DemoData.generate(settings.people(), settings.seed());
		Clock clock = Clock.systemUTC();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Path tokens;
		try {
			// A fresh place each run: the simulation issues new refresh tokens every
			// start.
			tokens = Files.createTempDirectory("rollcall-demo-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<SimServer> servers = new ArrayList<>();
		List<Endpoint> endpoints = new ArrayList<>();
		CintooSimulation cintoo = new CintooSimulation(data, clock, settings.accessTokenLifetime());
		SimServer cintooServer = SimServer.start(settings.latency(), settings.jitter(), cintoo);
		servers.add(cintooServer);
		endpoints.add(new Endpoint("cintoo", Vendor.CINTOO, "Cintoo (demo)", cintooServer.baseUrl(),
				Map.of("account-id", cintoo.accountId, "refresh-token", cintoo.initialRefreshToken(), "token-file",
						tokens.resolve("cintoo.refresh-token").toString())));
		String testmoToken = "demo-testmo-" + suffix;
		TestmoSimulation testmoSimulation = new TestmoSimulation(data, testmoToken);
		SimServer testmo = SimServer.start(settings.latency(), settings.jitter(), testmoSimulation);
		servers.add(testmo);
		endpoints.add(
				new Endpoint("testmo", Vendor.TESTMO, "Testmo (demo)", testmo.baseUrl(), Map.of("token", testmoToken)));
		String codebaseKey = "demo-codebase-" + suffix;
		SimServer codebase = SimServer.start(settings.latency(), settings.jitter(),
				new CodebaseSimulation(data, "acme/rollcall", codebaseKey));
		servers.add(codebase);
		endpoints.add(new Endpoint("codebase", Vendor.CODEBASE, "Codebase HQ (demo)", codebase.baseUrl(),
				Map.of("username", "acme/rollcall", "api-key", codebaseKey)));
		String periscopeKey = "demo-periscope-" + suffix;
		SimServer periscope = SimServer.start(settings.latency(), settings.jitter(),
				new PeriscopeSimulation(data, "acme", periscopeKey));
		servers.add(periscope);
		endpoints.add(new Endpoint("periscope", Vendor.PERISCOPE, "Periscope acme (demo)", periscope.baseUrl(),
				Map.of("site", "acme", "api-key", periscopeKey, "invited-by", "admin@acme.example")));
		return new DemoVendors(servers, endpoints, tokens, testmoSimulation);
	}

	/** Calls each simulated vendor received so far, by source id. */
	public java.util.Map<String, Long> calls() {
		java.util.Map<String, Long> calls = new java.util.LinkedHashMap<>();
		for (int i = 0; i < this.servers.size(); i++) {
			calls.put(this.endpoints.get(i).id(), this.servers.get(i).calls());
		}
		return calls;
	}

	/**
	 * The fewest calls the vendor APIs allow for users with roles, groups and projects of
	 * every source, cold: Cintoo's token, users and projects; every Testmo page of users,
	 * roles, groups, projects and each project's users; Codebase's users, roles and
	 * projects; Periscope's users and groups.
	 */
	public java.util.Map<String, Long> minimumCalls() {
		return java.util.Map.of("cintoo", 3L, "testmo", this.testmo.minimumCalls(), "codebase", 3L, "periscope", 2L);
	}

	/**
	 * The longest chain of vendor calls that must wait on each other, in any one source,
	 * for the everything query on a cold cache (Cintoo's token exchange counts when no
	 * access token is held yet).
	 * @param withToken whether Cintoo still has to exchange its refresh token
	 * @return the number of dependent calls
	 */
	public int longestChain(boolean withToken) {
		return Math.max(withToken ? 2 : 1, this.testmo.longestChain());
	}

	/** One source per simulated vendor. */
	public List<Endpoint> endpoints() {
		return this.endpoints;
	}

	/** Where the simulations listen, for the log. */
	public String describe() {
		return String.join(", ", this.endpoints.stream().map((e) -> e.id() + " at " + e.baseUrl()).toList());
	}

	@Override
	public void close() {
		this.servers.forEach(SimServer::close);
		try (var files = Files.list(this.tokenDirectory)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(this.tokenDirectory);
		}
		catch (IOException ex) {
			// Only a temporary directory is left behind.
		}
	}

	/**
	 * How the simulations behave.
	 *
	 * @param people how many people to make up
	 * @param seed the seed of the made-up data
	 * @param latency how long each vendor takes to answer
	 * @param accessTokenLifetime how long a Cintoo access token lives
	 * @param jitter whether each answer takes up to a fifth longer, at random
	 */
	public record Settings(int people, long seed, Duration latency, Duration accessTokenLifetime, boolean jitter) {

		/**
		 * For people exploring: 320 people, a little latency, tokens that rotate every
		 * few minutes.
		 */
		public static Settings interactive() {
			return new Settings(320, 42, Duration.ofMillis(60), Duration.ofMinutes(3), true);
		}

	}

	/**
	 * A simulated vendor as a source's configuration.
	 *
	 * @param id the source id
	 * @param vendor the vendor
	 * @param name the source's name, which says it is a demo
	 * @param baseUrl where the simulation listens
	 * @param properties the source's other properties, by their configuration names
	 */
	public record Endpoint(String id, Vendor vendor, String name, String baseUrl, Map<String, String> properties) {

		@Override
		public String toString() {
			return "Endpoint[" + this.id + " at " + this.baseUrl + "]";
		}

	}

}
