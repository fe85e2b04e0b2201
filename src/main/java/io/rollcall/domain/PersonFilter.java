package io.rollcall.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which people a client asks for.
 *
 * @param search case-insensitive substring of display name or email
 * @param sources only people with an account in at least one of these sources
 * @param minAccounts only people with at least this many accounts
 */
public record PersonFilter(@Nullable String search, @Nullable List<String> sources, @Nullable Integer minAccounts) {

	public static final PersonFilter NONE = new PersonFilter(null, null, null);

}
