package io.rollcall.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What went wrong, or was served stale, while answering one request: at most one failure
 * and one stale note per source, whichever field met it first; and which version of each
 * cached list the answer was computed from, so that it can be reused exactly as long as
 * those lists are current.
 */
public final class RequestTrace {

	/** Where the trace sits in a Reactor context. */
	public static final Class<RequestTrace> KEY = RequestTrace.class;

	private final Map<String, Failure> failures = new ConcurrentHashMap<>();

	private final Map<String, Duration> stale = new ConcurrentHashMap<>();

	private final Map<String, SourceException> failedLists = new ConcurrentHashMap<>();

	private final Map<String, Long> lists = new ConcurrentHashMap<>();

	private volatile boolean live;

	/**
	 * Notes that a source failed.
	 * @param failure what went wrong
	 * @param path the path of the field that needed the source, or null for the request
	 */
	public void failed(SourceException failure, @Nullable List<Object> path) {
		this.failures.putIfAbsent(failure.source(), new Failure(failure, (path != null) ? List.copyOf(path) : null));
	}

	/**
	 * Notes that a source's data was served from a cache entry that could not be
	 * refreshed.
	 */
	public void servedStale(String source, Duration age) {
		this.stale.merge(source, age, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
	}

	/**
	 * Notes that one list of a source failed, so that later fields of the same request do
	 * not ask the vendor again.
	 * @param part the list
	 * @param failure what went wrong
	 */
	public void listFailed(Part part, SourceException failure) {
		this.failedLists.putIfAbsent(failure.source() + "/" + part, failure);
	}

	/** How a list of a source already failed in this request, or null. */
	public @Nullable SourceException failedList(String source, Part part) {
		return this.failedLists.get(source + "/" + part);
	}

	/**
	 * Notes that the answer used one version of a cached list. Two versions of one list
	 * in one answer (a refresh landed mid-request) make the answer one not to reuse.
	 * @param source the source id
	 * @param part the list
	 * @param version the cached list's version
	 */
	public void read(String source, Part part, long version) {
		this.lists.merge(source + "/" + part.name(), version, (a, b) -> a.equals(b) ? a : -1L);
	}

	/** The versions of the lists read, by {@code source/PART}; -1 where two were read. */
	public Map<String, Long> lists() {
		return Map.copyOf(this.lists);
	}

	/** Notes that the answer holds live data (e.g. health), which no cache may keep. */
	public void live() {
		this.live = true;
	}

	public boolean isLive() {
		return this.live;
	}

	public List<Failure> failures() {
		List<Failure> result = new ArrayList<>(this.failures.values());
		result.sort((a, b) -> a.error().source().compareTo(b.error().source()));
		return result;
	}

	public Map<String, Duration> stale() {
		return Map.copyOf(this.stale);
	}

	/**
	 * One source's failure and the path of the field that met it.
	 *
	 * @param error the failure
	 * @param path the field's path, or null
	 */
	public record Failure(SourceException error, @Nullable List<Object> path) {
	}

}
