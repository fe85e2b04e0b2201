package io.rollcall.domain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write fan-out on its own: a source's cached lists are dropped before the outcome of
 * a change is passed on, so no read after the answer sees the list from before.
 */
class ChangesTests {

	private final AtomicBoolean forgotten = new AtomicBoolean();

	private final Connector source = new Connector() {

		private final Writes writes = Writes.builder()
			// Answered on another thread, as a vendor's answer is.
			.userRemovals((email, dryRun) -> Mono.delay(Duration.ofMillis(5))
				.thenReturn(Change.done("s", null, null, "Removed " + email)))
			.build();

		@Override
		public SourceInfo info() {
			return SourceInfo.of("s", Vendor.PERISCOPE, "S");
		}

		@Override
		public Mono<List<User>> users() {
			return Mono.just(List.of(User.builder("s", "1", "Ada").email("ada@example.com").build()));
		}

		@Override
		public Mono<Void> probe() {
			return Mono.empty();
		}

		@Override
		public void forget() {
			ChangesTests.this.forgotten.set(true);
		}

		@Override
		public Writes writes() {
			return this.writes;
		}

	};

	private final Changes changes = new Changes(new Directory(List.of(this.source)),
			new AuditLog(AuditSink.NONE, java.time.Clock.systemUTC()));

	@Test
	void theCacheIsDroppedBeforeTheOutcomeIsPassedOn() {
		StepVerifier
			.create(this.changes.removeUser(new ChangeRequests.RemoveUser("ada@example.com", List.of("s"), false),
					"test"))
			.assertNext((result) -> {
				assertThat(result.ok()).isTrue();
				assertThat(this.forgotten).as("forgotten when the answer arrives").isTrue();
			})
			.verifyComplete();
	}

	@Test
	void aDryRunKeepsTheCache() {
		StepVerifier
			.create(this.changes.removeUser(new ChangeRequests.RemoveUser("ada@example.com", List.of("s"), true),
					"test"))
			.assertNext((result) -> assertThat(result.changes()).hasSize(1))
			.verifyComplete();
		assertThat(this.forgotten).isFalse();
	}

}
