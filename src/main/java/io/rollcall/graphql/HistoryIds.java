package io.rollcall.graphql;

import graphql.GraphQLContext;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.RequestTrace;
import io.rollcall.history.HistoryUnavailableException;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What every history field shares: snapshot ids and cursors read from arguments, the
 * history's parts (none while it is off), and answers marked live so that the answer
 * cache never keeps one.
 */
final class HistoryIds {

	private HistoryIds() {
	}

	/** A snapshot's id from an argument. */
	static long snapshot(String id, String argument) {
		return number(id, argument, "is not a snapshot id (Snapshot.id)");
	}

	/** A cursor from an argument, or null. */
	static @org.jspecify.annotations.Nullable Long cursor(@org.jspecify.annotations.Nullable String after) {
		return (after != null) ? number(after, "after", "is not a cursor of this list") : null;
	}

	/** The error for a snapshot that is not (or no longer) kept. */
	static InvalidInputException noSnapshot(long id, String argument) {
		return new InvalidInputException(argument, "No snapshot " + id + " (" + argument
				+ "): it was never taken, or the retention (rollcall.history.keep) dropped it");
	}

	/** A part of the history, or HISTORY_UNAVAILABLE while it is off. */
	static <T> T required(ObjectProvider<T> part) {
		T found = part.getIfAvailable();
		if (found == null) {
			throw HistoryUnavailableException.off();
		}
		return found;
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
