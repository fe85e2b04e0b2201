package io.rollcall.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fan-out over sources: every source read at once, a failing source or list costing
 * only its own data, and each failure noted once in the request's trace.
 */
class DirectoryTests {

	private final Directory directory = new Directory(
			List.of(source("a", null), source("b", Part.ROLES), source("c", Part.USERS)));

	@Test
	void aFailingListLeavesTheOtherListsOfItsSource() {
		Directory.Loaded loaded = this.directory.view("b", EnumSet.of(Part.USERS, Part.ROLES)).block();
		assertThat(loaded.error()).isNotNull().extracting(SourceException::source).isEqualTo("b");
		assertThat(loaded.view().users()).hasSize(1);
		assertThat(loaded.view().roles()).isEmpty();
	}

	@Test
	void rootReadsLeaveAFailingSourceOutAndNoteItOnce() {
		RequestTrace trace = new RequestTrace();
		List<SourceView> views = this.directory
			.views(List.of("a", "b", "c"), EnumSet.of(Part.USERS), trace, List.of("users"))
			.block(Duration.ofSeconds(5));
		assertThat(views).extracting((view) -> view.source().id()).containsExactly("a", "b");
		assertThat(trace.failures()).extracting((failure) -> failure.error().source()).containsExactly("c");
	}

	@Test
	void anUnknownSourceIsRefusedNamingTheKnownOnes() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.directory.requireKnown(List.of("a", "jira"), "filter.sources"))
			.withMessage("Unknown source 'jira'; known sources: a, b, c");
		assertThat(this.directory.load(List.of("jira"), EnumSet.of(Part.USERS), new RequestTrace()).block())
			.isEqualTo(Map.of());
	}

	/** A source with one user, whose list of the given part fails. */
	private static Connector source(String id, Part failing) {
		SourceInfo info = new SourceInfo(id, Vendor.TESTMO, id, EnumSet.noneOf(Capability.class));
		return new Connector() {
			@Override
			public SourceInfo info() {
				return info;
			}

			@Override
			public Mono<List<User>> users() {
				return (failing == Part.USERS) ? down() : Mono.just(List.of(User.builder(id, "1", "Ada").build()));
			}

			@Override
			public Mono<List<Role>> roles() {
				return (failing == Part.ROLES) ? down() : Mono.just(List.of());
			}

			private <T> Mono<T> down() {
				return Mono.error(new SourceException(id, SourceException.Code.SOURCE_UNAVAILABLE, id + " is down"));
			}

			@Override
			public Mono<Void> probe() {
				return Mono.empty();
			}
		};
	}

}
