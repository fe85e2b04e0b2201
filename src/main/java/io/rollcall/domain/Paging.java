package io.rollcall.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Cursor paging over a list sorted by a unique text key. A cursor holds the key of the
 * item it stands for, so the next page starts right after that item even when items were
 * added or removed in between.
 */
public final class Paging {

	/** Page size when a client names none. */
	public static final int DEFAULT_FIRST = 50;

	/** The largest page a client may ask for. */
	public static final int MAX_FIRST = 100;

	private static final String PREFIX = "c1:";

	private Paging() {
	}

	/**
	 * Checks paging arguments, before anything is read.
	 * @param first the page size asked for, or null
	 * @param after a cursor, or null
	 * @return the page size to use
	 */
	public static int first(@Nullable Integer first, @Nullable String after) {
		if (after != null) {
			afterKey(after);
		}
		if (first == null) {
			return DEFAULT_FIRST;
		}
		if (first < 0 || first > MAX_FIRST) {
			throw new InvalidInputException("first", "first must be between 0 and " + MAX_FIRST + ", was " + first);
		}
		return first;
	}

	/**
	 * Pages a list.
	 * @param <T> the item type
	 * @param sorted the items, sorted by {@code key} as {@link String#compareTo} orders
	 * it
	 * @param key each item's unique sort key
	 * @param first the page size asked for, or null
	 * @param after a cursor from an earlier page, or null
	 * @return the page
	 */
	public static <T> Page<T> page(List<T> sorted, Function<T, String> key, @Nullable Integer first,
			@Nullable String after) {
		int size = first(first, after);
		int start = 0;
		if (after != null) {
			String afterKey = afterKey(after);
			int low = 0;
			int high = sorted.size();
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (key.apply(sorted.get(mid)).compareTo(afterKey) <= 0) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			start = low;
		}
		int end = Math.min(sorted.size(), start + size);
		List<T> items = sorted.subList(start, end);
		List<String> cursors = new ArrayList<>(items.size());
		for (T item : items) {
			cursors.add(cursor(key.apply(item)));
		}
		return new Page<>(items, cursors, end < sorted.size(), start > 0, sorted.size());
	}

	static String cursor(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
	}

	private static String afterKey(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (plain.startsWith(PREFIX)) {
				return plain.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// Not base64: fall through to the error below.
		}
		throw new InvalidInputException("after", "after is not a cursor from this connection");
	}

}
