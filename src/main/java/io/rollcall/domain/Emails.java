package io.rollcall.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How Rollcall compares and checks email addresses.
 */
public final class Emails {

	// Deliberately plain: one @, no spaces, a dot in the domain. Vendors do their own
	// checks;
	// this one only keeps obvious typos from being sent to several tools at once.
	private static final Pattern SYNTAX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private Emails() {
	}

	/** The key people are joined on: trimmed and lower-cased, or null when blank. */
	public static @Nullable String normalize(@Nullable String email) {
		if (email == null) {
			return null;
		}
		String trimmed = email.trim();
		return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
	}

	public static boolean isValid(@Nullable String email) {
		return email != null && email.length() <= 254 && SYNTAX.matcher(email.trim()).matches();
	}

}
