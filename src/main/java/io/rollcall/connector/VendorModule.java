package io.rollcall.connector;

import java.time.Clock;

import io.rollcall.demo.Simulation;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.Problems;
import org.jspecify.annotations.Nullable;

/**
 * A vendor, plugged in. Each vendor package has exactly one: it names its vendor, owns
 * the properties of a source that only this vendor has (its credentials, mostly), checks
 * them, and builds the source's connector. {@link VendorModules} finds them on the class
 * path; nothing outside the vendor's package names its types.
 *
 * @param <P> the vendor's own properties: a record bound from
 * {@code rollcall.sources.<id>}, each component one property ({@code apiKey} is
 * {@code api-key}); its {@code toString()} never shows a credential
 */
public interface VendorModule<P extends Record> {

	/** The vendor this module plugs in. */
	Vendor vendor();

	/** The record of the vendor's own properties. */
	Class<P> properties();

	/**
	 * Checks a source's properties of this vendor.
	 * @param id the source id
	 * @param prefix where its properties are, {@code rollcall.sources.<id>}
	 * @param properties the vendor's properties of the source
	 * @param problems where each problem goes, naming its property and never a
	 * credential's value
	 */
	void validate(String id, String prefix, P properties, Problems problems);

	/**
	 * Builds a source's connector from properties that passed {@link #validate}.
	 * @param source the source and what the gateway gives every connector
	 * @param properties the vendor's properties of the source
	 * @return the connector
	 */
	Connector connector(Source source, P properties);

	/**
	 * The vendor's simulation, for demo mode and the benchmarks.
	 * @return how to make it, or null when the vendor has none (it is then left out of
	 * demo mode)
	 */
	default Simulation.@Nullable Factory simulation() {
		return null;
	}

	/**
	 * One configured source, with what the gateway gives every connector.
	 *
	 * @param id the source id
	 * @param name its readable name
	 * @param concurrency pages or projects a paged vendor reads at once
	 * @param http makes the source's exchanges: its connection pool, deadlines, guard
	 * @param clock the application's clock
	 * @param shared what replicas share (tokens, cool-downs)
	 */
	record Source(String id, String name, int concurrency, HttpFactory http, Clock clock, SharedState shared) {
	}

}
