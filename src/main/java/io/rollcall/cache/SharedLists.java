package io.rollcall.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.rollcall.domain.Part;
import reactor.core.publisher.Mono;

/**
 * A second cache level that replicas share, beneath each replica's own. It never fails a
 * read: when it cannot answer, it answers empty.
 */
public interface SharedLists {

	/** No sharing: every replica on its own. */
	SharedLists NONE = new SharedLists() {
	};

	/**
	 * A list another replica read, if any.
	 * @param source the source id
	 * @param part the list
	 * @return the list and when it was read, or empty
	 */
	default Mono<Entry> get(String source, Part part) {
		return Mono.empty();
	}

	/**
	 * Offers a list just read from the vendor to the other replicas.
	 * @param source the source id
	 * @param part the list
	 * @param entry the list and when it was read
	 * @param keep how long to keep it
	 * @return completion; never an error
	 */
	default Mono<Void> put(String source, Part part, Entry entry, Duration keep) {
		return Mono.empty();
	}

	/** Drops a source's shared lists and tells every replica to drop its own. */
	default void forget(String source) {
	}

	/**
	 * Registers what to do when another replica drops a source's lists.
	 * @param source the source id
	 * @param onForget drops this replica's lists
	 */
	default void onForget(String source, Runnable onForget) {
	}

	/**
	 * A shared list.
	 *
	 * @param value the list
	 * @param fetchedAt when the vendor answered it
	 */
	record Entry(List<?> value, Instant fetchedAt) {
	}

}
