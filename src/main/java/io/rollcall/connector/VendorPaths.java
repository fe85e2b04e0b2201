package io.rollcall.connector;

import java.nio.charset.StandardCharsets;

/**
 * Builds the path and query of a vendor call from a template whose {@code {name}}
 * placeholders take values as single path segments, encoded strictly: every byte but
 * letters, digits, {@code -}, {@code _} and {@code ~} is percent-encoded, dots included,
 * so that a value such as {@code ..} or {@code a/b} can never leave its segment.
 */
public final class VendorPaths {

	private VendorPaths() {
	}

	/**
	 * Fills a template.
	 * @param template e.g. {@code /api/v1/groups/{name}?test_mode=true}
	 * @param values one per placeholder, in order
	 * @return the path and query, encoded
	 * @throws IllegalArgumentException when a value is empty or the count is wrong
	 */
	public static String expand(String template, Object... values) {
		StringBuilder path = new StringBuilder(template.length() + 16);
		int next = 0;
		int at = 0;
		while (at < template.length()) {
			int open = template.indexOf('{', at);
			if (open < 0) {
				path.append(template, at, template.length());
				break;
			}
			int close = template.indexOf('}', open);
			if (close < 0) {
				throw new IllegalArgumentException("Unclosed placeholder in " + template);
			}
			if (next >= values.length) {
				throw new IllegalArgumentException("Too few values for " + template);
			}
			path.append(template, at, open).append(segment(String.valueOf(values[next++])));
			at = close + 1;
		}
		if (next != values.length) {
			throw new IllegalArgumentException("Too many values for " + template);
		}
		return path.toString();
	}

	/**
	 * One value as a path segment.
	 * @param value the value
	 * @return the encoded segment
	 * @throws IllegalArgumentException when the value is empty
	 */
	public static String segment(String value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("An empty path segment");
		}
		StringBuilder encoded = new StringBuilder(value.length() * 2);
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * A value for an HTTP header: printable ASCII only, so no value can end the header or
	 * start another.
	 * @param value the value
	 * @return the value
	 * @throws IllegalArgumentException when it holds anything else
	 */
	public static String headerValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				throw new IllegalArgumentException("A header value with a control or non-ASCII character");
			}
		}
		return value;
	}

}
