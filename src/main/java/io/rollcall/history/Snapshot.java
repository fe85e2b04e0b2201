package io.rollcall.history;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One snapshot of every source's accounts.
 *
 * @param id its id
 * @param takenAt when it was taken
 * @param takenBy who took it: a client's name, or {@code schedule}
 * @param accountCount the accounts it holds
 * @param complete whether every source was read completely
 * @param sources each source's part
 */
public record Snapshot(long id, Instant takenAt, String takenBy, int accountCount, boolean complete,
		List<SourcePart> sources) {

	public Snapshot {
		sources = List.copyOf(sources);
	}

	/**
	 * One source's part of a snapshot.
	 *
	 * @param source the source id
	 * @param complete whether it was read completely; a source that failed is missing,
	 * never "every account removed"
	 * @param accountCount its accounts
	 * @param code why it is missing, e.g. {@code SOURCE_TIMEOUT}
	 */
	public record SourcePart(String source, boolean complete, int accountCount, @Nullable String code) {
	}

}
