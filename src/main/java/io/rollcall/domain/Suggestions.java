package io.rollcall.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known names nearest to a mistyped one, for "did you mean …?" answers: those within
 * an edit distance of about a third of the name (a different case alone counts as
 * nearest), closest first, at most five.
 */
public final class Suggestions {

	private static final int MOST = 5;

	private Suggestions() {
	}

	/**
	 * The nearest known names.
	 * @param input what was given
	 * @param known the names it should have been one of
	 * @return the nearest, possibly none
	 */
	public static List<String> nearest(String input, Collection<String> known) {
		String typed = input.toLowerCase(Locale.ROOT);
		int threshold = typed.length() * 2 / 5 + 1;
		List<Candidate> candidates = new ArrayList<>();
		for (String name : known) {
			String lower = name.toLowerCase(Locale.ROOT);
			int distance = lower.equals(typed) ? 0 : distance(typed, lower) + 1;
			if (distance <= threshold) {
				candidates.add(new Candidate(name, distance));
			}
		}
		candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
		return candidates.stream().limit(MOST).map(Candidate::name).toList();
	}

	/**
	 * "did you mean" followed by the names, or "" when there are none.
	 * @param names the suggestions
	 * @return e.g. {@code Did you mean 'email' or 'emails'?}
	 */
	public static String didYouMean(List<String> names) {
		if (names.isEmpty()) {
			return "";
		}
		List<String> quoted = names.stream().map((name) -> "'" + name + "'").toList();
		String list = (quoted.size() == 1) ? quoted.get(0)
				: String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
		return "Did you mean " + list + "?";
	}

	/** Levenshtein's distance between two names. */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private record Candidate(String name, int distance) {
	}

}
