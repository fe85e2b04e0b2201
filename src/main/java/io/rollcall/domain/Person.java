package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

/**
 * One human across sources: every account whose email matches after trimming and
 * lower-casing.
 *
 * @param email the normalized email
 * @param displayName the name of the first account that has one
 * @param accounts the accounts, in source order
 */
public record Person(String email, String displayName, List<User> accounts) {

	public Person {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(displayName, "displayName");
		accounts = List.copyOf(accounts);
	}

	public NodeId id() {
		return NodeId.person(this.email);
	}

	public List<String> sourceIds() {
		return this.accounts.stream().map(User::source).distinct().toList();
	}

}
