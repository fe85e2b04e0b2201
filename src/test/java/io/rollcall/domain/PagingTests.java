package io.rollcall.domain;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursor paging and opaque ids.
 */
class PagingTests {

	private final List<String> items = IntStream.range(0, 120).mapToObj((i) -> String.format("item-%03d", i)).toList();

	@Test
	void firstDefaultsTo50AndPagesFollowEachOther() {
		Page<String> first = Paging.page(this.items, Function.identity(), null, null);
		assertThat(first.items()).hasSize(50).startsWith("item-000");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.total()).isEqualTo(120);
		Page<String> second = Paging.page(this.items, Function.identity(), 100, first.cursors().get(49));
		assertThat(second.items()).hasSize(70).startsWith("item-050").endsWith("item-119");
		assertThat(second.hasNext()).isFalse();
		assertThat(second.hasPrevious()).isTrue();
	}

	@Test
	void aCursorStillWorksWhenItsItemIsGone() {
		String cursor = Paging.page(this.items, Function.identity(), 10, null).cursors().get(9);
		List<String> fewer = this.items.stream().filter((item) -> !item.equals("item-009")).toList();
		assertThat(Paging.page(fewer, Function.identity(), 1, cursor).items()).containsExactly("item-010");
	}

	@Test
	void refusesPagesLargerThan100AndForeignCursors() {
		assertThatThrownBy(() -> Paging.first(101, null)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.argument()).isEqualTo("first"));
		assertThatThrownBy(() -> Paging.first(-1, null)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Paging.first(10, "bm9wZQ")).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.argument()).isEqualTo("after"));
	}

	@Test
	void idsAreOpaqueStableAndRoundTrip() {
		NodeId id = NodeId.user("periscope-eu", "ada@example.com");
		assertThat(id.encode()).isEqualTo(NodeId.user("periscope-eu", "ada@example.com").encode())
			.doesNotContain("ada@");
		assertThat(NodeId.decode(id.encode())).contains(id);
		assertThat(NodeId.decode(NodeId.project("codebase", "a:b:c").encode()))
			.contains(NodeId.project("codebase", "a:b:c"));
		assertThat(NodeId.decode("not an id")).isEmpty();
		assertThat(NodeId.decode("")).isEmpty();
	}

	@Test
	void peopleAreJoinedOnTheTrimmedLowerCasedEmail() {
		SourceInfo a = new SourceInfo("a", Vendor.TESTMO, "a", java.util.Set.of());
		SourceInfo b = new SourceInfo("b", Vendor.CODEBASE, "b", java.util.Set.of());
		SourceView viewA = new SourceView(a, List.of(user("a", "1", "Ada Lovelace", " Ada@Example.com")), List.of(),
				List.of(), List.of(), List.of());
		SourceView viewB = new SourceView(b,
				List.of(user("b", "7", "ada@example.com", "ada@example.com"), user("b", "8", "x", null)), List.of(),
				List.of(), List.of(), List.of());
		var people = Searches.people(List.of(viewA, viewB));
		assertThat(people).containsOnlyKeys("ada@example.com");
		assertThat(people.get("ada@example.com").accounts()).extracting(User::source).containsExactly("a", "b");
		assertThat(people.get("ada@example.com").displayName()).isEqualTo("Ada Lovelace");
	}

	private static User user(String source, String id, String name, String email) {
		return User.builder(source, id, name).email(email).build();
	}

}
