package io.rollcall.web;

import java.util.StringJoiner;

/**
 * A GraphQL document as its tokens, one space apart: white space, commas and comments
 * (GraphQL's ignored tokens) fold, so that the same document sent with other spacing is
 * recognised as the same. String literals and block strings are kept exactly.
 */
final class NormalisedDocument {

	private static final String PUNCTUATORS = "!$&()[]{}:=@|";

	private NormalisedDocument() {
	}

	static String of(String document) {
		StringJoiner tokens = new StringJoiner(" ");
		int i = 0;
		int length = document.length();
		while (i < length) {
			char c = document.charAt(i);
			if (c == '"') {
				int end = document.startsWith("\"\"\"", i) ? blockStringEnd(document, i) : stringEnd(document, i);
				tokens.add(document.substring(i, end));
				i = end;
			}
			else if (c == '#') {
				while (i < length && document.charAt(i) != '\n' && document.charAt(i) != '\r') {
					i++;
				}
			}
			else if (document.startsWith("...", i)) {
				tokens.add("...");
				i += 3;
			}
			else if (PUNCTUATORS.indexOf(c) >= 0) {
				tokens.add(String.valueOf(c));
				i++;
			}
			else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
				i++;
			}
			else {
				int start = i;
				while (i < length && isWordPart(document.charAt(i)) && !document.startsWith("...", i)) {
					i++;
				}
				if (i == start) {
					// Anything else is not GraphQL: kept as it is, for the parser to
					// refuse.
					i++;
				}
				tokens.add(document.substring(start, i));
			}
		}
		return tokens.toString();
	}

	/** Names and numbers: letters, digits, _, and a number's . + -. */
	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-';
	}

	/** Where a "…" string ends (after its closing quote), escapes included. */
	private static int stringEnd(String document, int start) {
		int i = start + 1;
		while (i < document.length()) {
			char c = document.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == '"' || c == '\n') {
				return Math.min(i + 1, document.length());
			}
			else {
				i++;
			}
		}
		return document.length();
	}

	/** Where a """…""" block string ends, \""" included. */
	private static int blockStringEnd(String document, int start) {
		int i = start + 3;
		while (i < document.length()) {
			if (document.startsWith("\\\"\"\"", i)) {
				i += 4;
			}
			else if (document.startsWith("\"\"\"", i)) {
				return i + 3;
			}
			else {
				i++;
			}
		}
		return document.length();
	}

}
