package io.rollcall.graphql;

import graphql.GraphQLContext;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.RequestTrace;
import io.rollcall.history.HistoryUnavailableException;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What every history field shares: cursors and page sizes read from arguments, the
 * history's parts (none while it is off), and answers marked live so that the answer
 * cache never keeps one.
 */
final class HistoryIds {

	private HistoryIds() {
	}

	/** A cursor from an argument, or null. */
	static @org.jspecify.annotations.Nullable Long cursor(@org.jspecify.annotations.Nullable String after) {
		return (after != null) ? number(after, "after", "is not a cursor of this list") : null;
	}

	/** A part of the history, or HISTORY_UNAVAILABLE while it is off. */
	static <T> T required(ObjectProvider<T> part) {
		return HistoryUnavailableException.whenOn(part.getIfAvailable());
	}

	/** Marks the answer as not to be kept: the history changes under it. */
	static void live(GraphQLContext context) {
		RequestTrace trace = context.get(RequestTrace.KEY);
		if (trace != null) {
			trace.live();
		}
	}

	/** A page size from an argument, within its bounds. */
	static int first(@org.jspecify.annotations.Nullable Integer first, int fallback, int max) {
		int size = (first != null) ? first : fallback;
		if (size < 1 || size > max) {
			throw new InvalidInputException("first", "first must be between 1 and " + max + " (was " + size + ")");
		}
		return size;
	}

	private static long number(String text, String argument, String what) {
		try {
			long value = Long.parseLong(text.trim());
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// Named below.
		}
		throw new InvalidInputException(argument, argument + " " + what);
	}

}
