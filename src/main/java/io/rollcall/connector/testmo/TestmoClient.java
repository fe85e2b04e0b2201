package io.rollcall.connector.testmo;

import java.util.List;
import java.util.function.Consumer;

import io.rollcall.connector.VendorHttp;
import io.rollcall.connector.VendorJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Testmo's paged lists: page 1 first, then the remaining pages at once, a few at a time.
 * The paging a vendor answers is checked before it is followed: page numbers, sizes and
 * totals that do not add up, more pages than {@code max-pages} or more items than
 * {@code max-items} fail the list with {@code SOURCE_BAD_RESPONSE}, so no answer can make
 * the gateway read without end.
 */
final class TestmoClient {

	/** The largest page Testmo allows; any size other than 15, 25, 50, 100 is a 422. */
	static final int PER_PAGE = 100;

	private static final Consumer<HttpHeaders> ACCEPT_JSON = (h) -> h.setAccept(List.of(MediaType.APPLICATION_JSON));

	private final VendorHttp http;

	private final int concurrency;

	TestmoClient(VendorHttp http, int concurrency) {
		this.http = http;
		this.concurrency = concurrency;
	}

	/**
	 * Every item of a paged list.
	 * @param <T> the item type
	 * @param path the list's path, a template for {@code variables}
	 * @param query extra query parameters, e.g. {@code expands=groups,roles}, or ""
	 * @param item the item type
	 * @param variables values for the path template
	 * @return all items, in page order
	 */
	<T> Mono<List<T>> all(String path, String query, Class<T> item, Object... variables) {
		JavaType type = VendorJson.mapper().getTypeFactory().constructParametricType(TestmoWire.Page.class, item);
		return this.<T>page(path, query, type, 1, 0, variables).flatMap((first) -> {
			long last = lastPage(first);
			if (last <= 1) {
				return Mono.just(first.items());
			}
			Flux<List<T>> rest = Flux.range(2, (int) last - 1)
				.flatMapSequential((n) -> this.<T>page(path, query, type, n, last, variables), this.concurrency)
				.map(TestmoWire.Page::items);
			return rest.startWith(first.items())
				.collectList()
				.map((pages) -> this.http.bounded(pages.stream().flatMap(List::stream).toList()));
		});
	}

	/**
	 * The last page, once page 1 shows that following the paging ends within the bounds.
	 */
	private long lastPage(TestmoWire.Page<?> first) {
		if (first.lastPage() == null) {
			// An empty result has no paging.
			if (!first.items().isEmpty()) {
				throw this.http.badResponse("answered a page of items without last_page");
			}
			return 1;
		}
		long last = first.lastPage();
		VendorHttp.Bounds bounds = this.http.bounds();
		if (last < 1) {
			throw this.http.badResponse("answered last_page " + last);
		}
		if (last > bounds.maxPages()) {
			throw this.http.badResponse("answered " + last + " pages, more than rollcall.sources." + this.http.source()
					+ ".max-pages (" + bounds.maxPages() + ")");
		}
		if (last * PER_PAGE > (long) bounds.maxItems() + PER_PAGE - 1) {
			throw this.http.tooManyItems();
		}
		if (first.total() != null && (first.total() < 0 || first.total() > last * PER_PAGE)) {
			throw this.http.badResponse("answered a total of " + first.total() + " items on " + last + " pages of "
					+ PER_PAGE + ": the paging does not add up");
		}
		return last;
	}

	/**
	 * Reads one page and checks that it is the page asked for, of the size asked for, and
	 * agrees with page 1 on where the list ends.
	 */
	private <T> Mono<TestmoWire.Page<T>> page(String path, String query, JavaType type, int page, long last,
			Object... variables) {
		String uri = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page + "&per_page=" + PER_PAGE;
		return this.http.get(ACCEPT_JSON, uri, variables).flatMap((body) -> this.http.decode(body, (bytes) -> {
			TestmoWire.Page<T> answer = VendorJson.mapper().readValue(bytes, type);
			check(answer, page, last);
			return answer;
		}));
	}

	private void check(TestmoWire.Page<?> answer, int page, long last) {
		if (answer.page() != null && answer.page() != page) {
			throw this.http.badResponse("answered page " + answer.page() + " when asked for page " + page);
		}
		if (answer.perPage() != null && answer.perPage() != PER_PAGE) {
			throw this.http.badResponse("answered " + answer.perPage() + " items per page when asked for " + PER_PAGE);
		}
		if (answer.items().size() > PER_PAGE) {
			throw this.http.badResponse("answered " + answer.items().size() + " items on a page of " + PER_PAGE);
		}
		if (answer.nextPage() != null && answer.nextPage() != page + 1) {
			throw this.http.badResponse("answered next_page " + answer.nextPage() + " on page " + page);
		}
		if (last > 0 && answer.lastPage() != null && answer.lastPage() != last) {
			throw this.http.badResponse("answered last_page " + answer.lastPage() + " on page " + page
					+ " but last_page " + last + " on page 1");
		}
	}

	<T> List<T> bounded(List<T> items) {
		return this.http.bounded(items);
	}

	/**
	 * Fails when reading each project's members one list at a time would take more than
	 * {@code max-pages} calls.
	 * @param projects the number of projects
	 * @return empty, or the failure
	 */
	Mono<Void> checkProjectCount(int projects) {
		int maxPages = this.http.bounds().maxPages();
		if (projects <= maxPages) {
			return Mono.empty();
		}
		return Mono.error(this.http.badResponse("has " + projects + " projects, and reading each one's members would "
				+ "take more than rollcall.sources." + this.http.source() + ".max-pages (" + maxPages + ") calls"));
	}

	Mono<Void> probe() {
		return this.http.get(ACCEPT_JSON, "/api/v1/user").then();
	}

}
