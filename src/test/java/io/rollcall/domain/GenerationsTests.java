package io.rollcall.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is computed from cached lists is kept while they are the very same lists.
 */
class GenerationsTests {

	private final Generations generations = new Generations();

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void theSameListsGiveTheKeptValue() {
		List<String> users = new ArrayList<>(List.of("ada", "alan"));
		assertThat(sorted(users)).containsExactly("ada", "alan");
		assertThat(sorted(users)).containsExactly("ada", "alan");
		assertThat(this.computed).hasValue(1);
	}

	@Test
	void anEqualButNewListIsANewGeneration() {
		sorted(new ArrayList<>(List.of("ada")));
		sorted(new ArrayList<>(List.of("ada")));
		assertThat(this.computed).hasValue(2);
	}

	@Test
	void keysAreKeptApart() {
		List<String> users = List.of("b", "a");
		sorted(users);
		assertThat(this.generations.get("reversed", List.of(users), () -> List.of(users.get(1), users.get(0))))
			.containsExactly("a", "b");
		assertThat(sorted(users)).containsExactly("a", "b");
		assertThat(this.computed).hasValue(1);
	}

	private List<String> sorted(List<String> users) {
		return this.generations.get("sorted", List.of(users), () -> {
			this.computed.incrementAndGet();
			return users.stream().sorted().toList();
		});
	}

}
