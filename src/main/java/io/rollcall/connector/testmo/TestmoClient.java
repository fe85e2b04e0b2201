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
		return this.<T>page(path, query, type, 1, variables).flatMap((first) -> {
			int last = (first.lastPage() != null) ? first.lastPage() : 1;
			if (last <= 1) {
				return Mono.just(first.items());
			}
			Flux<List<T>> rest = Flux.range(2, last - 1)
				.flatMapSequential((n) -> this.<T>page(path, query, type, n, variables), this.concurrency)
				.map(TestmoWire.Page::items);
			return rest.startWith(first.items())
				.collectList()
				.map((pages) -> pages.stream().flatMap(List::stream).toList());
		});
	}

	private <T> Mono<TestmoWire.Page<T>> page(String path, String query, JavaType type, int page, Object... variables) {
		String uri = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page + "&per_page=" + PER_PAGE;
		return this.http.get(ACCEPT_JSON, uri, variables)
			.flatMap((body) -> this.http.decode(body, (bytes) -> VendorJson.mapper().readValue(bytes, type)));
	}

	Mono<Void> probe() {
		return this.http.get(ACCEPT_JSON, "/api/v1/user").then();
	}

}
