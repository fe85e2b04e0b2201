package io.rollcall.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What went wrong, or was served stale, while answering one request: at most one failure
 * and one stale note per source, whichever field met it first.
 */
public final class RequestTrace {

	/** Where the trace sits in a Reactor context. */
	public static final Class<RequestTrace> KEY = RequestTrace.class;

	private final Map<String, Failure> failures = new ConcurrentHashMap<>();

	private final Map<String, Duration> stale = new ConcurrentHashMap<>();

	private final Map<String, SourceException> failedLists = new ConcurrentHashMap<>();

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
