package io.rollcall.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.rollcall.cache.CachingConnector;
import io.rollcall.cache.SharedLists;
import io.rollcall.connector.SharedState;
import io.rollcall.connector.SourceGuards;
import io.rollcall.connector.VendorModules;
import io.rollcall.demo.DemoVendors;
import io.rollcall.domain.AuditLog;
import io.rollcall.domain.AuditSink;
import io.rollcall.domain.BulkChanges;
import io.rollcall.domain.Changes;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Directory;
import io.rollcall.domain.HealthChecks;
import io.rollcall.history.AuditTrail;
import io.rollcall.settings.Problems;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires one connector per configured source, or, with none configured, starts demo mode:
 * simulations of the four vendors on loopback, one source each.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RollcallProperties.class)
class SourcesConfiguration {

	private static final Log logger = LogFactory.getLog(SourcesConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean(destroyMethod = "close")
	DemoMode demoMode(RollcallProperties properties) {
		if (!properties.sources().isEmpty()) {
			return new DemoMode(null);
		}
		DemoVendors vendors = DemoVendors.start(DemoVendors.Settings.interactive(), VendorModules.simulations());
		logger.warn("No source is configured: running in DEMO MODE against simulated vendors on loopback ("
				+ vendors.describe() + "). Configure rollcall.sources to talk to real vendors.");
		return new DemoMode(vendors);
	}

	@Bean
	SourceGuards sourceGuards() {
		return new SourceGuards();
	}

	@Bean(destroyMethod = "close")
	SourceFactory sourceFactory(WebClient.Builder webClients, RollcallProperties properties,
			ObjectProvider<MeterRegistry> meters, SourceGuards guards, ObjectProvider<SharedLists> sharedLists,
			ObjectProvider<SharedState> sharedState, ObjectProvider<ObservationRegistry> observations, Clock clock) {
		RollcallProperties.Cache cache = properties.cache();
		return new SourceFactory(webClients,
				new CachingConnector.CacheSettings(cache.ttl(), cache.refreshAhead(), cache.maxStale()),
				meters.getIfAvailable(SimpleMeterRegistry::new),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), guards, sharedLists.getIfAvailable(),
				sharedState.getIfAvailable(), clock);
	}

	@Bean
	HealthChecks healthChecks(RollcallProperties properties, DemoMode demo, Clock clock) {
		return new HealthChecks(demo.sources(properties).keySet(), clock);
	}

	@Bean
	Directory directory(RollcallProperties properties, DemoMode demo, SourceFactory factory, HealthChecks health,
			Environment environment) {
		Binder binder = demo.binder(environment);
		Map<String, SourceProperties> sources = demo.sources(properties);
		Map<String, SourceValidation.Valid> valid = new LinkedHashMap<>();
		Problems problems = new Problems();
		sources.forEach(
				(id, source) -> problems.check(() -> valid.put(id, SourceValidation.validate(id, source, binder))));
		problems.throwIfAny();
		List<Connector> connectors = new ArrayList<>();
		sources.forEach((id, source) -> connectors
			.add(factory.create(id, source, Objects.requireNonNull(valid.get(id)), health.tracker(id))));
		logger.info("Rollcall serves " + connectors.size() + " source(s): " + String.join(", ",
				connectors.stream().map((c) -> c.info().id() + " (" + c.info().vendor() + ")").toList()));
		return new Directory(connectors);
	}

	@Bean
	AuditLog auditLog(ObjectProvider<AuditTrail> trail, Clock clock) {
		AuditSink sink = trail.getIfAvailable();
		return new AuditLog((sink != null) ? sink : AuditSink.NONE, clock);
	}

	@Bean
	Changes changes(Directory directory, AuditLog audit) {
		return new Changes(directory, audit);
	}

	@Bean
	BulkChanges bulkChanges(Directory directory, AuditLog audit, RollcallProperties properties, Clock clock) {
		RollcallProperties.Bulk bulk = properties.bulk();
		return new BulkChanges(directory, audit,
				new BulkChanges.Settings(bulk.maxPeople(), bulk.concurrency(), bulk.maxWait()), clock);
	}

	/**
	 * Whether demo mode runs, its simulated vendors, and so where sources come from.
	 */
	static final class DemoMode implements AutoCloseable {

		private final @Nullable DemoVendors vendors;

		/** The simulated vendors' settings, in demo mode. */
		private final @Nullable Binder binder;

		/** The simulated vendors as sources, in demo mode. */
		private final @Nullable Map<String, SourceProperties> sources;

		DemoMode(@Nullable DemoVendors vendors) {
			this.vendors = vendors;
			this.binder = (vendors != null) ? binder(vendors) : null;
			this.sources = (this.binder != null)
					? this.binder.bind("rollcall.sources", Bindable.mapOf(String.class, SourceProperties.class))
						.orElseThrow(() -> new IllegalStateException("The demo sources did not bind"))
					: null;
		}

		boolean active() {
			return this.vendors != null;
		}

		/**
		 * Where the sources' properties are bound from: the simulations' settings in demo
		 * mode, else the environment.
		 */
		Binder binder(Environment environment) {
			return (this.binder != null) ? this.binder : Binder.get(environment);
		}

		/** The sources: the simulated vendors in demo mode, else the configured ones. */
		Map<String, SourceProperties> sources(RollcallProperties configured) {
			return (this.sources != null) ? this.sources : configured.sources();
		}

		/**
		 * The simulated vendors' settings, as if they were set under
		 * {@code rollcall.sources}, so they bind like any configured source and keep
		 * every default.
		 */
		private static Binder binder(DemoVendors vendors) {
			Map<String, String> settings = new LinkedHashMap<>();
			for (DemoVendors.Endpoint endpoint : vendors.endpoints()) {
				String prefix = "rollcall.sources." + endpoint.id() + ".";
				settings.put(prefix + "vendor", endpoint.vendor().name().toLowerCase(Locale.ROOT));
				settings.put(prefix + "name", endpoint.name());
				settings.put(prefix + "base-url", endpoint.baseUrl());
				endpoint.properties().forEach((key, value) -> settings.put(prefix + key, value));
			}
			return new Binder(new MapConfigurationPropertySource(settings));
		}

		@Override
		public void close() {
			DemoVendors vendors = this.vendors;
			if (vendors != null) {
				vendors.close();
			}
		}

	}

}
