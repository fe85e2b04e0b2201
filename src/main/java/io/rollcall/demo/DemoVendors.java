package io.rollcall.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rollcall.domain.Vendor;

/**
 * Simulated vendors on loopback, with made-up data, for demo mode and benchmarks: one
 * server per {@link Simulation}, each following its vendor's wire contract, quirks
 * included.
 */
public final class DemoVendors implements AutoCloseable {

	private final List<SimServer> servers;

	private final List<Simulation> simulations;

	private final List<Endpoint> endpoints;

	private final Path tokenDirectory;

	private DemoVendors(List<SimServer> servers, List<Simulation> simulations, List<Endpoint> endpoints,
			Path tokenDirectory) {
		this.servers = servers;
		this.simulations = simulations;
		this.endpoints = endpoints;
		this.tokenDirectory = tokenDirectory;
	}

	/**
	 * Starts the simulations, one server each.
	 * @param settings how many people, how slow, how short-lived access tokens are
	 * @param factories the vendors' simulations, in the order their sources are listed
	 * @return the running simulations
	 */
	public static DemoVendors start(Settings settings, List<Simulation.Factory> factories) {
		DemoData data = DemoData.generate(settings.people(), settings.seed());
		Path tokens;
		try {
			// A fresh place each run: the simulation issues new refresh tokens every
			// start.
			tokens = Files.createTempDirectory("rollcall-demo-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Simulation.Context context = new Simulation.Context(Clock.systemUTC(), settings.accessTokenLifetime(), tokens,
				UUID.randomUUID().toString().substring(0, 8));
		List<SimServer> servers = new ArrayList<>();
		List<Simulation> simulations = new ArrayList<>();
		List<Endpoint> endpoints = new ArrayList<>();
		for (Simulation.Factory factory : factories) {
			Simulation simulation = factory.create(data, context);
			SimServer server = SimServer.start(settings.latency(), settings.jitter(), simulation);
			servers.add(server);
			simulations.add(simulation);
			endpoints.add(new Endpoint(simulation.id(), simulation.vendor(), simulation.name(), server.baseUrl(),
					simulation.properties()));
		}
		return new DemoVendors(servers, simulations, endpoints, tokens);
	}

	/** Calls each simulated vendor received so far, by source id. */
	public Map<String, Long> calls() {
		Map<String, Long> calls = new LinkedHashMap<>();
		for (int i = 0; i < this.servers.size(); i++) {
			calls.put(this.endpoints.get(i).id(), this.servers.get(i).calls());
		}
		return calls;
	}

	/**
	 * The fewest calls the vendor APIs allow for users with roles, groups and projects of
	 * every source, cold, by source id.
	 */
	public Map<String, Long> minimumCalls() {
		Map<String, Long> calls = new LinkedHashMap<>();
		this.simulations.forEach((simulation) -> calls.put(simulation.id(), simulation.minimumCalls()));
		return calls;
	}

	/**
	 * The longest chain of vendor calls that must wait on each other, in any one source,
	 * for the everything query on a cold cache.
	 * @param withToken whether credentials are still to be exchanged (the first query)
	 * @return the number of dependent calls
	 */
	public int longestChain(boolean withToken) {
		return this.simulations.stream().mapToInt((simulation) -> simulation.longestChain(withToken)).max().orElse(0);
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
