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

}
