package io.rollcall.settings;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Checks on single settings, each naming its property and never echoing a value that may
 * be a secret.
 */
public final class Settings {

	/** The longest text setting that is not a credential. */
	public static final int MAX_TEXT = 2048;

	/** The longest credential. */
	public static final int MAX_SECRET = 8192;

	private Settings() {
	}

	public static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationException(property,
					"must be a positive duration, e.g. 30s (was " + value + ")");
		}
	}

	public static void notNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new InvalidConfigurationException(property, "must not be negative (was " + value + ")");
		}
	}

	public static void between(String property, long value, long min, long max) {
		if (value < min || value > max) {
			throw new InvalidConfigurationException(property,
					"must be between " + min + " and " + max + " (was " + value + ")");
		}
	}

	public static void between(String property, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new InvalidConfigurationException(property,
					"must be between " + min + " and " + max + " (was " + value + ")");
		}
	}

	public static void between(String property, DataSize value, DataSize min, DataSize max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new InvalidConfigurationException(property,
					"must be between " + min + " and " + max + " (was " + value + ")");
		}
	}

	/**
	 * A readable setting: at most {@link #MAX_TEXT} characters, none of them a control
	 * character (a line break in a setting ends up in a header or a log line).
	 */
	public static void text(String property, @Nullable String value) {
		if (value == null) {
			return;
		}
		if (value.length() > MAX_TEXT) {
			throw new InvalidConfigurationException(property,
					"is " + value.length() + " characters long; the limit is " + MAX_TEXT);
		}
		controlCharacters(property, value);
	}

	/** A credential: bounded, and no control or white-space characters, never echoed. */
	public static void secret(String property, @Nullable String value) {
		if (value == null) {
			return;
		}
		if (value.length() > MAX_SECRET) {
			throw new InvalidConfigurationException(property, "is longer than " + MAX_SECRET + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= ' ' || c == 0x7F) {
				throw new InvalidConfigurationException(property,
						"holds a white-space or control character at position " + (i + 1));
			}
		}
	}

	/**
	 * A setting that must be there and not blank.
	 * @param property the property, for the problem
	 * @param value its value
	 * @return the value
	 */
	public static String required(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfigurationException(property, "must be set");
		}
		return value;
	}

	/** Whether a setting is absent or blank. */
	public static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static void controlCharacters(String property, String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new InvalidConfigurationException(property,
						"holds a control character (such as a line break) at position " + (i + 1));
			}
		}
	}

}
