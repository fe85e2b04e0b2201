package io.rollcall.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which users a client asks for; every criterion given must hold.
 *
 * @param sources only these sources
 * @param vendors only these vendors
 * @param email exact email, compared case-insensitively after trimming
 * @param search case-insensitive substring of display name, email or username
 * @param role has an account or project role with this name
 * @param group member of a group with this name
 * @param active the account's active flag
 */
public record UserFilter(@Nullable List<String> sources, @Nullable List<Vendor> vendors, @Nullable String email,
		@Nullable String search, @Nullable String role, @Nullable String group, @Nullable Boolean active) {

	public static final UserFilter NONE = new UserFilter(null, null, null, null, null, null, null);

}
