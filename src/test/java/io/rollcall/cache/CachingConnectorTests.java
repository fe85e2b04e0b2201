package io.rollcall.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.rollcall.domain.Connector;
import io.rollcall.domain.Part;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.User;
import io.rollcall.domain.Vendor;
import io.rollcall.support.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache around a connector: fresh, refreshed ahead, stale within bounds, shared
 * calls.
 */
class CachingConnectorTests {

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

	private final CountingConnector vendor = new CountingConnector();

	private final CachingConnector cache = new CachingConnector(this.vendor,
			new CachingConnector.CacheSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15)),
			this.clock);

	@Test
	void servesFromTheCacheWithinTheTtl() {
		this.cache.users().block();
		this.clock.advance(Duration.ofSeconds(50));
		this.cache.users().block();
		assertThat(this.vendor.calls).hasValue(1);
	}

	@Test
	void refreshesInTheBackgroundAfterRefreshAheadWhileServingTheCachedList() {
		this.cache.users().block();
		this.vendor.name.set("Renamed");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.cache.users().block()).extracting(User::displayName).containsExactly("Ada");
		assertThat(this.vendor.calls).hasValue(2);
		assertThat(this.cache.users().block()).extracting(User::displayName).containsExactly("Renamed");
	}

	@Test
	void aListVersionIsCurrentUntilItIsReplacedOrOutlivesItsTtl() {
		RequestTrace trace = new RequestTrace();
		this.cache.users().contextWrite((context) -> context.put(RequestTrace.KEY, trace)).block();
		long version = trace.lists().get("src/USERS");
		assertThat(this.cache.current(Part.USERS, version)).isTrue();
		// Asking counts as a read: past refresh-ahead it refreshes, and the new list
		// replaces the version read.
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.cache.current(Part.USERS, version)).isTrue();
		assertThat(this.vendor.calls).hasValue(2);
		assertThat(this.cache.current(Part.USERS, version)).isFalse();
		RequestTrace again = new RequestTrace();
		this.cache.users().contextWrite((context) -> context.put(RequestTrace.KEY, again)).block();
		long next = again.lists().get("src/USERS");
		assertThat(next).isNotEqualTo(version);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.cache.current(Part.USERS, next)).as("past the ttl").isFalse();
		this.clock.advance(Duration.ofMinutes(-6));
		this.cache.forget();
		assertThat(this.cache.current(Part.USERS, next)).as("forgotten").isFalse();
	}

	@Test
	void servesStaleDataWhenTheVendorFailsAfterTheTtlAndSaysSo() {
		this.cache.users().block();
		this.vendor.failing.set(true);
		this.clock.advance(Duration.ofMinutes(6));
		RequestTrace trace = new RequestTrace();
		assertThat(this.cache.users().contextWrite(Context.of(RequestTrace.KEY, trace)).block()).hasSize(1);
		assertThat(trace.stale()).containsEntry("src", Duration.ofMinutes(6));
	}

	@Test
	void failsOnceTheCachedListIsOlderThanMaxStale() {
		this.cache.users().block();
		this.vendor.failing.set(true);
		this.clock.advance(Duration.ofMinutes(16));
		assertThatThrownBy(() -> this.cache.users().block()).isInstanceOf(SourceException.class);
	}

	@Test
	void concurrentReadsShareOneVendorCall() {
		this.vendor.delay.set(Duration.ofMillis(200));
		Flux.range(0, 25).flatMap((i) -> this.cache.users(), 25).collectList().block();
		assertThat(this.vendor.calls).hasValue(1);
	}

	@Test
	void forgettingMakesTheNextReadAskTheVendorAndDropsReadsInFlight() {
		this.vendor.delay.set(Duration.ofMillis(200));
		Mono<List<User>> before = this.cache.users().cache();
		before.subscribe();
		this.cache.forget();
		// A write changed the vendor's data; the read started before it is still out.
		this.vendor.name.set("Renamed");
		Mono<List<User>> after = this.cache.users().cache();
		after.subscribe();
		assertThat(this.vendor.calls).hasValue(2);
		assertThat(before.block()).extracting(User::displayName).containsExactly("Ada");
		assertThat(after.block()).extracting(User::displayName).containsExactly("Renamed");
		// The earlier read, finishing last or first, never becomes the cached list.
		this.vendor.delay.set(Duration.ZERO);
		assertThat(this.cache.users().block()).extracting(User::displayName).containsExactly("Renamed");
		assertThat(this.vendor.calls).hasValue(2);
	}

	@Test
	void listsDerivedFromUsersReadTheUsersOnce() {
		AtomicInteger rolesCalls = new AtomicInteger();
		Connector derivingRoles = new Connector() {
			@Override
			public SourceInfo info() {
				return CachingConnectorTests.this.vendor.info();
			}

			@Override
			public Mono<List<User>> users() {
				return CachingConnectorTests.this.vendor.users();
			}

			@Override
			public Mono<List<Role>> roles() {
				rolesCalls.incrementAndGet();
				return Mono.just(List.of());
			}

			@Override
			public Set<Part> derivedFromUsers() {
				return Set.of(Part.ROLES);
			}

			@Override
			public List<Role> rolesFromUsers(List<User> users) {
				return users.stream()
					.map((user) -> new Role("src", "r-" + user.nativeId(), "Role of " + user.displayName(), List.of(),
							null))
					.toList();
			}

			@Override
			public Mono<Void> probe() {
				return Mono.empty();
			}
		};
		CachingConnector cache = new CachingConnector(derivingRoles, new CachingConnector.CacheSettings(
				Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15)), this.clock);
		this.vendor.delay.set(Duration.ofMillis(100));
		List<List<? extends Record>> both = Flux.<List<? extends Record>>merge(cache.users(), cache.roles())
			.collectList()
			.block();
		assertThat(both).hasSize(2);
		assertThat(cache.roles().block()).extracting(Role::name).containsExactly("Role of Ada");
		assertThat(this.vendor.calls).hasValue(1);
		assertThat(rolesCalls).hasValue(0);
	}

	static final class CountingConnector implements Connector {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicReference<Boolean> failing = new AtomicReference<>(false);

		final AtomicReference<String> name = new AtomicReference<>("Ada");

		final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

		@Override
		public SourceInfo info() {
			return new SourceInfo("src", Vendor.TESTMO, "src", EnumSet.noneOf(io.rollcall.domain.Capability.class));
		}

		@Override
		public Mono<List<User>> users() {
			Mono<List<User>> answer = Mono.defer(() -> {
				this.calls.incrementAndGet();
				if (this.failing.get()) {
					return Mono.error(new SourceException("src", SourceException.Code.SOURCE_UNAVAILABLE, "down"));
				}
				return Mono.just(List.of(User.builder("src", "1", this.name.get()).build()));
			});
			// Without a delay the answer comes synchronously, as from a warm connection
			// pool.
			return this.delay.get().isZero() ? answer : answer.delayElement(this.delay.get());
		}

		@Override
		public Mono<Void> probe() {
			return Mono.empty();
		}

	}

}
