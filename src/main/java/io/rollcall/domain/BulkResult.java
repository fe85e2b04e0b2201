package io.rollcall.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a bulk change: one result per person, and the totals an offboarding tool
 * shows ("148 removed, 2 failed, 30 accounts stay in read-only tools").
 *
 * @param asked how many entries the request had, duplicates included
 * @param people one result per distinct person, in the order asked
 * @param totals every change counted by status
 * @param bySource the changes of each source counted by status, in the order asked
 * @param complete false when the request stopped before every change was sent
 */
public record BulkResult(int asked, List<PersonChanges> people, Totals totals, List<SourceTotals> bySource,
		boolean complete) {

	public BulkResult {
		people = List.copyOf(people);
		bySource = List.copyOf(bySource);
	}

	static BulkResult of(int asked, List<PersonChanges> people, List<String> sources, boolean complete) {
		List<Change> all = people.stream().flatMap((person) -> person.changes().stream()).toList();
		List<SourceTotals> bySource = new ArrayList<>();
		for (String source : sources) {
			bySource
				.add(SourceTotals.of(source, all.stream().filter((change) -> change.source().equals(source)).toList()));
		}
		return new BulkResult(asked, people, Totals.of(all), bySource, complete);
	}

	/** Whether every change of every person is DONE or DRY_RUN. */
	public boolean ok() {
		return this.complete && this.people.stream().allMatch(PersonChanges::ok);
	}

	/**
	 * One person's changes.
	 *
	 * @param email the person's address, normalized
	 * @param changes one per source
	 */
	public record PersonChanges(String email, List<Change> changes) {

		public PersonChanges {
			changes = List.copyOf(changes);
		}

		/** Whether every change is DONE or DRY_RUN. */
		public boolean ok() {
			return !this.changes.isEmpty() && this.changes.stream().allMatch(Change::ok);
		}

	}

	/**
	 * Changes counted by status.
	 *
	 * @param changes all of them
	 * @param done made
	 * @param dryRun checked and not made
	 * @param unsupported not possible in the source
	 * @param notFound about an account the source does not have
	 * @param failed refused, failed, or not sent
	 */
	public record Totals(int changes, int done, int dryRun, int unsupported, int notFound, int failed) {

		static Totals of(Collection<Change> changes) {
			int[] counts = new int[Change.Status.values().length];
			changes.forEach((change) -> counts[change.status().ordinal()]++);
			return new Totals(changes.size(), counts[Change.Status.DONE.ordinal()],
					counts[Change.Status.DRY_RUN.ordinal()], counts[Change.Status.UNSUPPORTED.ordinal()],
					counts[Change.Status.NOT_FOUND.ordinal()], counts[Change.Status.FAILED.ordinal()]);
		}

	}

	/**
	 * One source's changes counted.
	 *
	 * @param source the source id
	 * @param totals its changes by status
	 * @param failures its failed changes by code, most frequent first
	 * @param retryAfterSeconds the longest wait the source asked for, if it asked
	 */
	public record SourceTotals(String source, Totals totals, List<CodeCount> failures,
			@Nullable Long retryAfterSeconds) {

		public SourceTotals {
			failures = List.copyOf(failures);
		}

		static SourceTotals of(String source, List<Change> changes) {
			Map<String, Integer> codes = new LinkedHashMap<>();
			Long retryAfter = null;
			for (Change change : changes) {
				if (change.status() == Change.Status.FAILED && change.code() != null) {
					codes.merge(change.code(), 1, Integer::sum);
				}
				if (change.retryAfterSeconds() != null
						&& (retryAfter == null || change.retryAfterSeconds() > retryAfter)) {
					retryAfter = change.retryAfterSeconds();
				}
			}
			List<CodeCount> failures = new ArrayList<>();
			codes.forEach((code, count) -> failures.add(new CodeCount(code, count)));
			failures.sort((a, b) -> Integer.compare(b.count(), a.count()));
			return new SourceTotals(source, Totals.of(changes), failures, retryAfter);
		}

	}

	/**
	 * How many changes failed with one code.
	 *
	 * @param code the code, e.g. {@code SOURCE_RATE_LIMITED}
	 * @param count how many
	 */
	public record CodeCount(String code, int count) {
	}

}
