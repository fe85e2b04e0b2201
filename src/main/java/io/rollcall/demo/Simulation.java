package io.rollcall.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.rollcall.domain.Vendor;

/**
 * One simulated vendor of demo mode and the benchmarks: it answers calls as the vendor's
 * API does (quirks included) from made-up people, and says how a source reaches it. A
 * vendor's module offers one through a {@link Factory}; a vendor without one is simply
 * not part of demo mode.
 */
public interface Simulation extends SimServer.Handler {

	/** The vendor simulated. */
	Vendor vendor();

	/** The demo source's id, e.g. {@code cintoo}. */
	String id();

	/** The demo source's readable name, which says it is a demo. */
	String name();

	/**
	 * The demo source's vendor properties (credentials), by their configuration names.
	 */
	Map<String, String> properties();

	/**
	 * The fewest calls the vendor's API allows for every user with roles, groups and
	 * projects, on a cold cache.
	 */
	long minimumCalls();

	/**
	 * The longest chain of those calls that must wait on each other.
	 * @param withToken whether credentials are still to be exchanged (the first query)
	 * @return the number of dependent calls
	 */
	default int longestChain(boolean withToken) {
		return 1;
	}

	/** Makes a vendor's simulation. */
	@FunctionalInterface
	interface Factory {

		/**
		 * @param data the made-up people
		 * @param context what every simulation is given
		 * @return the simulation
		 */
		Simulation create(DemoData data, Context context);

	}

	/**
	 * What every simulation is given.
	 *
	 * @param clock the clock tokens expire by
	 * @param accessTokenLifetime how long an access token lives
	 * @param tokens a fresh folder for token files
	 * @param secret a random part for this run's credentials
	 */
	record Context(Clock clock, Duration accessTokenLifetime, Path tokens, String secret) {
	}

}
