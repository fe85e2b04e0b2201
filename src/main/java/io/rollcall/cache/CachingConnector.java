package io.rollcall.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Part;
import io.rollcall.domain.Project;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.User;
import io.rollcall.domain.Writes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Caches a source's lists in Caffeine. Younger than {@code refreshAhead}: served as is;
 * younger than {@code ttl}: served, and refreshed in the background; older: read again,
 * and when that fails the last good list is served, marked stale, until it is
 * {@code maxStale} old. Concurrent reads of a list share one vendor call.
 */
public final class CachingConnector implements Connector {

	private static final Log logger = LogFactory.getLog(CachingConnector.class);

	private final Connector delegate;

	private final CacheSettings settings;

	private final Clock clock;

	private final SourceInfo info;

	private final Cache<Part, Entry> entries;

	private final Map<Part, Mono<Entry>> inflight = new ConcurrentHashMap<>();

	/**
	 * Bumped by every invalidation, so a read that began before it cannot store old data
	 * after it.
	 */
	private final AtomicLong generation = new AtomicLong();

	private final AtomicLong staleServes = new AtomicLong();

	/** Versions of lists, unique in the process: a new one for every list fetched. */
	private static final AtomicLong VERSIONS = new AtomicLong();

	private final SharedLists shared;

	private final ObservationRegistry observations;

	public CachingConnector(Connector delegate, CacheSettings settings, Clock clock) {
		this(delegate, settings, clock, SharedLists.NONE, ObservationRegistry.NOOP);
	}

	/**
	 * Caches a connector's lists.
	 * @param delegate the connector
	 * @param settings how long lists are kept
	 * @param clock the clock ages are measured by
	 * @param shared the level shared with other replicas, or {@link SharedLists#NONE}
	 * @param observations where each list read from the vendor (or the other replicas) is
	 * observed, a span of its own in a trace
	 */
	public CachingConnector(Connector delegate, CacheSettings settings, Clock clock, SharedLists shared,
			ObservationRegistry observations) {
		this.delegate = delegate;
		this.observations = observations;
		this.settings = settings;
		this.clock = clock;
		this.info = delegate.info().plus(Connector.capabilitiesOf(delegate));
		this.shared = shared;
		this.entries = Caffeine.newBuilder().expireAfterWrite(settings.maxStale()).recordStats().build();
		shared.onForget(delegate.info().id(), this::forgetLocally);
	}

	@Override
	public SourceInfo info() {
		return this.info;
	}

	@Override
	public Mono<List<User>> users() {
		return read(Part.USERS, this.delegate::users);
	}

	@Override
	public Mono<List<Project>> projects() {
		return read(Part.PROJECTS, this.delegate::projects);
	}

	@Override
	public Mono<List<Role>> roles() {
		if (this.delegate.derivedFromUsers().contains(Part.ROLES)) {
			return read(Part.ROLES, () -> users().map(this.delegate::rolesFromUsers));
		}
		return read(Part.ROLES, this.delegate::roles);
	}

	@Override
	public Mono<List<Group>> groups() {
		if (this.delegate.derivedFromUsers().contains(Part.GROUPS)) {
			return read(Part.GROUPS, () -> users().map(this.delegate::groupsFromUsers));
		}
		return read(Part.GROUPS, this.delegate::groups);
	}

	@Override
	public Mono<List<Membership>> memberships(List<Project> projects) {
		return read(Part.MEMBERSHIPS, () -> this.delegate.memberships(projects));
	}

	@Override
	public Mono<Void> probe() {
		return this.delegate.probe();
	}

	@Override
	public Writes writes() {
		return this.delegate.writes();
	}

	/** Forgets every list, so the next read asks the vendor. */
	@Override
	public void forget() {
		forgetLocally();
		this.shared.forget(info().id());
	}

	private void forgetLocally() {
		this.generation.incrementAndGet();
		this.entries.invalidateAll();
		// Reads already in flight may carry data from before a write: later reads do not
		// join them.
		this.inflight.clear();
	}

	/** How many answers were served from a list that could not be refreshed. */
	public long staleServes() {
		return this.staleServes.get();
	}

	/** Hit and miss counts, for metrics. */
	public com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
		return this.entries.stats();
	}

	@SuppressWarnings("unchecked")
	private <T> Mono<List<T>> read(Part part, Supplier<Mono<List<T>>> loader) {
		return Mono.deferContextual((context) -> {
			Entry entry = this.entries.getIfPresent(part);
			Instant now = this.clock.instant();
			java.util.Optional<RequestTrace> trace = context.getOrEmpty(RequestTrace.KEY);
			if (entry != null) {
				Duration age = Duration.between(entry.fetchedAt(), now);
				if (age.compareTo(this.settings.ttl()) < 0) {
					if (age.compareTo(this.settings.refreshAhead()) >= 0) {
						refreshInBackground(part, loader);
					}
					trace.ifPresent((t) -> t.read(info().id(), part, entry.version()));
					return Mono.just((List<T>) entry.value());
				}
			}
			return fetch(part, loader).map((fresh) -> {
				trace.ifPresent((t) -> t.read(info().id(), part, fresh.version()));
				return (List<T>) fresh.value();
			}).onErrorResume(SourceException.class, (ex) -> {
				Entry last = this.entries.getIfPresent(part);
				if (last == null) {
					return Mono.error(ex);
				}
				Duration age = Duration.between(last.fetchedAt(), this.clock.instant());
				if (age.compareTo(this.settings.maxStale()) >= 0) {
					return Mono.error(ex);
				}
				this.staleServes.incrementAndGet();
				trace.ifPresent((t) -> t.servedStale(ex.source(), age));
				return Mono.just((List<T>) last.value());
			});
		});
	}

	@Override
	public boolean current(Part part, long version) {
		Entry entry = this.entries.getIfPresent(part);
		if (entry == null || entry.version() != version) {
			return false;
		}
		Duration age = Duration.between(entry.fetchedAt(), this.clock.instant());
		if (age.compareTo(this.settings.ttl()) >= 0) {
			return false;
		}
		if (age.compareTo(this.settings.refreshAhead()) >= 0) {
			refreshInBackground(part, entry.loader());
		}
		return true;
	}

	private <T> void refreshInBackground(Part part, Supplier<Mono<List<T>>> loader) {
		if (this.inflight.containsKey(part)) {
			return;
		}
		fetch(part, loader).subscribe((entry) -> {
		}, (ex) -> logger.debug("Background refresh of " + part + " from source '" + info().id()
				+ "' failed; serving the cached list: " + ex.getMessage()));
	}

	private <T> Mono<Entry> fetch(Part part, Supplier<Mono<List<T>>> loader) {
		Mono<Entry> running = this.inflight.get(part);
		if (running != null) {
			return running;
		}
		long startedIn = this.generation.get();
		AtomicReference<Mono<Entry>> self = new AtomicReference<>();
		String source = info().id();
		// Another replica may have read the list lately: take it rather than call the
		// vendor.
		Mono<Entry> fromVendor = Mono.defer(loader)
			.map((value) -> new Entry(value, this.clock.instant(), VERSIONS.incrementAndGet(), untyped(loader)))
			.flatMap((entry) -> this.shared
				.put(source, part, new SharedLists.Entry(entry.value(), entry.fetchedAt()), this.settings.maxStale())
				.thenReturn(entry));
		Mono<Entry> call = observed(part, this.shared.get(source, part)
			.filter((found) -> Duration.between(found.fetchedAt(), this.clock.instant())
				.compareTo(this.settings.refreshAhead()) < 0)
			.map((found) -> new Entry(found.value(), found.fetchedAt(), VERSIONS.incrementAndGet(), untyped(loader))),
				fromVendor)
			.doOnNext((entry) -> {
				if (this.generation.get() == startedIn) {
					this.entries.put(part, entry);
				}
			})
			.doFinally((signal) -> this.inflight.remove(part, self.get()))
			.cache();
		self.set(call);
		Mono<Entry> raced = this.inflight.putIfAbsent(part, call);
		return (raced != null) ? raced : call;
	}

	/**
	 * A list read observed, its vendor calls below it: {@code cache=shared} when another
	 * replica's copy served it, {@code cache=miss} when the vendor was asked.
	 */
	private Mono<Entry> observed(Part part, Mono<Entry> shared, Mono<Entry> fromVendor) {
		return Mono.deferContextual((context) -> {
			Observation list = Observation.createNotStarted("rollcall.source.list", this.observations)
				.parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.lowCardinalityKeyValue("rollcall.source", info().id())
				.lowCardinalityKeyValue("rollcall.vendor", info().vendor().name())
				.lowCardinalityKeyValue("rollcall.list", part.name().toLowerCase(Locale.ROOT))
				.start();
			AtomicReference<String> outcome = new AtomicReference<>("shared");
			return shared.switchIfEmpty(Mono.defer(() -> {
				outcome.set("miss");
				return fromVendor;
			}))
				.doOnError(list::error)
				.doFinally((signal) -> list.lowCardinalityKeyValue("cache", String.valueOf(outcome.get())).stop())
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, list));
		});
	}

	/**
	 * A list as read, when, its version, and how to read it again.
	 */
	private record Entry(List<?> value, Instant fetchedAt, long version, Supplier<Mono<List<Object>>> loader) {
	}

	/**
	 * A list's loader, kept beside the list for refreshes; lists are read as they are.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T> Supplier<Mono<List<Object>>> untyped(Supplier<Mono<List<T>>> loader) {
		return (Supplier) loader;
	}

	/**
	 * How long lists are kept.
	 *
	 * @param ttl served without asking the vendor again
	 * @param refreshAhead older than this: served, and refreshed in the background
	 * @param maxStale when refreshing fails, the last good list is served this long
	 */
	public record CacheSettings(Duration ttl, Duration refreshAhead, Duration maxStale) {

		public CacheSettings {
			if (refreshAhead.compareTo(ttl) > 0) {
				refreshAhead = ttl;
			}
			if (maxStale.compareTo(ttl) < 0) {
				maxStale = ttl;
			}
		}

	}

	@Override
	public String toString() {
		return "CachingConnector[" + info().id() + "]";
	}

}
