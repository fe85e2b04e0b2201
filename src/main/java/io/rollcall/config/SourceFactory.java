package io.rollcall.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.ChannelOption;
import io.rollcall.cache.CachingConnector;
import io.rollcall.cache.SharedLists;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.SharedState;
import io.rollcall.connector.SourceGuard;
import io.rollcall.connector.SourceGuards;
import io.rollcall.connector.VendorHttp;
import io.rollcall.connector.VendorCallObservations;
import io.rollcall.connector.VendorModule;
import io.rollcall.domain.Connector;
import io.rollcall.domain.HealthTracker;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds one connector per configured source: its own connection pool and deadlines, the
 * vendor's connector, and the cache around it.
 */
final class SourceFactory implements AutoCloseable {

	private final WebClient.Builder webClients;

	private final CachingConnector.CacheSettings cache;

	private final Clock clock;

	private final ObservationRegistry observations;

	private final MeterRegistry meters;

	private final SourceGuards guards;

	private final SharedLists sharedLists;

	private final SharedState sharedState;

	private final List<ConnectionProvider> pools = new ArrayList<>();

	SourceFactory(WebClient.Builder webClients, CachingConnector.CacheSettings cache, MeterRegistry meters,
			ObservationRegistry observations, SourceGuards guards, @Nullable SharedLists sharedLists,
			@Nullable SharedState sharedState, Clock clock) {
		this.observations = observations;
		this.sharedLists = (sharedLists != null) ? sharedLists : SharedLists.NONE;
		this.sharedState = (sharedState != null) ? sharedState : SharedState.NONE;
		this.webClients = webClients;
		this.guards = guards;
		this.cache = cache;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Builds a source's connector, cached.
	 * @param id the source id
	 * @param source its properties, already validated
	 * @param valid its vendor's module and the vendor's own properties
	 * @param health where the source's calls are noted
	 * @return the connector
	 */
	Connector create(String id, SourceProperties source, SourceValidation.Valid valid, HealthTracker health) {
		String name = (source.name() != null && !source.name().isBlank()) ? source.name() : id;
		VendorModule.Source plugged = new VendorModule.Source(id, name, source.concurrency(), http(id, source, health),
				this.clock, this.sharedState);
		Connector connector = connector(valid.module(), plugged, valid.properties());
		CachingConnector cached = new CachingConnector(connector, this.cache, this.clock, this.sharedLists,
				this.observations);
		FunctionCounter.builder("rollcall.cache.requests", cached, (c) -> c.stats().hitCount())
			.tag("source", id)
			.tag("result", "hit")
			.register(this.meters);
		FunctionCounter.builder("rollcall.cache.requests", cached, (c) -> c.stats().missCount())
			.tag("source", id)
			.tag("result", "miss")
			.register(this.meters);
		FunctionCounter.builder("rollcall.cache.stale", cached, CachingConnector::staleServes)
			.description("Answers served from a cached list that could not be refreshed")
			.tag("source", id)
			.register(this.meters);
		return cached;
	}

	private HttpFactory http(String id, SourceProperties source, HealthTracker health) {
		ConnectionProvider pool = ConnectionProvider.builder("rollcall-" + id)
			.maxConnections(source.maxConnections())
			.pendingAcquireTimeout(source.timeout())
			// Paged vendors queue many page reads behind the pool: bounded, but not by
			// the
			// default of twice the pool, which a large Testmo instance exceeds.
			.pendingAcquireMaxCount(source.maxConnections() * 32)
			.maxIdleTime(source.maxIdleTime())
			.evictInBackground(source.maxIdleTime())
			.build();
		this.pools.add(pool);
		HttpClient httpClient = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) source.connectTimeout().toMillis())
			.followRedirect(false);
		String base = VendorHttp
			.trimBase(SourceValidation.baseUrl("rollcall.sources." + id + ".base-url", source.baseUrl()));
		WebClient client = this.webClients.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.observationConvention(new VendorCallObservations(id, String.valueOf(source.vendor())))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize((int) source.maxResponseSize().toBytes()))
			.build();
		SourceGuard guard = new SourceGuard(id, health, new SourceGuard.Settings(source.maxInlineRetryAfter(),
				source.breakerFailureRate(), source.breakerOpenFor(), source.maxRetryAfter()), this.meters, this.clock,
				this.sharedState);
		this.guards.add(guard);
		VendorHttp.Bounds bounds = new VendorHttp.Bounds(source.maxItems(), source.maxPages());
		return (auth, retryAfter, errorReader) -> new VendorHttp(id, base, client, source.timeout(), guard, auth,
				retryAfter, errorReader, this.clock, bounds);
	}

	private static <P extends Record> Connector connector(VendorModule<P> module, VendorModule.Source source,
			Record properties) {
		return module.connector(source, module.properties().cast(properties));
	}

	@Override
	public void close() {
		this.pools.forEach(ConnectionProvider::dispose);
	}

}
