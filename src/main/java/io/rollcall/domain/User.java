package io.rollcall.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An account in one source.
 *
 * @param source the source id
 * @param nativeId the vendor's own key for the account
 * @param displayName a readable name, never empty
 * @param firstName given name, when the vendor tells it
 * @param lastName family name, when the vendor tells it
 * @param email the address as the vendor holds it
 * @param username the login name, when the vendor has one
 * @param timezone the account's time zone, as the vendor names it
 * @param active false when the vendor marks the account disabled, null when it does not
 * say
 * @param createdAt when the account was made, when the vendor tells it
 * @param roleIds native ids of the account-level roles
 * @param groupIds native ids (or names) of the groups the vendor lists on the account
 * @param memberships project memberships the vendor lists on the account itself
 */
public record User(String source, String nativeId, String displayName, @Nullable String firstName,
		@Nullable String lastName, @Nullable String email, @Nullable String username, @Nullable String timezone,
		@Nullable Boolean active, @Nullable Instant createdAt, List<String> roleIds, List<String> groupIds,
		List<Membership> memberships) {

	public User {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(nativeId, "nativeId");
		Objects.requireNonNull(displayName, "displayName");
		// Vendors sometimes keep stray spaces around addresses; the case is kept as they
		// hold it.
		email = (email == null || email.isBlank()) ? null : email.trim();
		roleIds = List.copyOf(roleIds);
		groupIds = List.copyOf(groupIds);
		memberships = List.copyOf(memberships);
	}

	/**
	 * Starts a user with what every account has; the rest is unknown until set.
	 * @param source the source id
	 * @param nativeId the vendor's id
	 * @param displayName the readable name (see {@link #displayName})
	 * @return a builder
	 */
	public static Builder builder(String source, String nativeId, String displayName) {
		return new Builder(source, nativeId, displayName);
	}

	public NodeId id() {
		return NodeId.user(this.source, this.nativeId);
	}

	/** The email as people are joined on it, or null when the account has none. */
	public @Nullable String personKey() {
		return Emails.normalize(this.email);
	}

	/**
	 * The readable name the vendors' own screens would show: the full name, else the
	 * username, else the email, else the native id.
	 * @param first given name
	 * @param last family name
	 * @param fallbacks what to show when there is no name, in order
	 * @return a non-empty name
	 */
	public static String displayName(@Nullable String first, @Nullable String last, @Nullable String... fallbacks) {
		String full = (blankToEmpty(first) + " " + blankToEmpty(last)).trim();
		if (!full.isEmpty()) {
			return full;
		}
		for (String fallback : fallbacks) {
			if (fallback != null && !fallback.isBlank()) {
				return fallback.trim();
			}
		}
		return "(unnamed)";
	}

	private static String blankToEmpty(@Nullable String value) {
		return (value != null) ? value.trim() : "";
	}

	/**
	 * A user, one named field at a time: vendors know different parts of an account.
	 */
	public static final class Builder {

		private final String source;

		private final String nativeId;

		private final String displayName;

		private @Nullable String firstName;

		private @Nullable String lastName;

		private @Nullable String email;

		private @Nullable String username;

		private @Nullable String timezone;

		private @Nullable Boolean active;

		private @Nullable Instant createdAt;

		private List<String> roleIds = List.of();

		private List<String> groupIds = List.of();

		private List<Membership> memberships = List.of();

		private Builder(String source, String nativeId, String displayName) {
			this.source = source;
			this.nativeId = nativeId;
			this.displayName = displayName;
		}

		public Builder name(@Nullable String firstName, @Nullable String lastName) {
			this.firstName = firstName;
			this.lastName = lastName;
			return this;
		}

		public Builder email(@Nullable String email) {
			this.email = email;
			return this;
		}

		public Builder username(@Nullable String username) {
			this.username = username;
			return this;
		}

		public Builder timezone(@Nullable String timezone) {
			this.timezone = timezone;
			return this;
		}

		public Builder active(@Nullable Boolean active) {
			this.active = active;
			return this;
		}

		public Builder createdAt(@Nullable Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder roleIds(List<String> roleIds) {
			this.roleIds = roleIds;
			return this;
		}

		public Builder groupIds(List<String> groupIds) {
			this.groupIds = groupIds;
			return this;
		}

		public Builder memberships(List<Membership> memberships) {
			this.memberships = memberships;
			return this;
		}

		public User build() {
			return new User(this.source, this.nativeId, this.displayName, this.firstName, this.lastName, this.email,
					this.username, this.timezone, this.active, this.createdAt, this.roleIds, this.groupIds,
					this.memberships);
		}

	}

}
