package io.rollcall.web;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.config.RollcallProperties;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Part;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Whole answers to queries asked again, served from the bytes written the first time,
 * without executing anything: the same document (white space, commas and comments aside),
 * operation, variables, extensions, role and accepted media type, as long as every cached
 * list the answer was computed from is still the current version and within its time to
 * live. A write, {@code refreshSources}, a background refresh or another replica's
 * invalidation replaces a list, so the next request misses at once: a kept answer is
 * never older than its lists. Serving one counts as a read of its lists (due refreshes
 * start). What may be kept is decided by the GraphQL layer (no errors, nothing stale or
 * live, queries only), which names the lists in {@link #LISTS}. Bounded by
 * {@code rollcall.answers.max-size}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AnswerCache implements WebFilter {

	/**
	 * Exchange attribute: a {@link Keep} where the GraphQL layer says which lists a
	 * keepable answer was computed from.
	 */
	public static final String LISTS = AnswerCache.class.getName() + ".lists";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable Cache<Key, Answer> answers;

	private final Directory directory;

	private final GraphQlEndpoint endpoint;

	private final Counter hits;

	private final Counter misses;

	private final int maxDocumentSize;

	AnswerCache(RollcallProperties properties, Directory directory, GraphQlEndpoint endpoint, MeterRegistry meters) {
		long maxBytes = properties.answers().maxSize().toBytes();
		this.answers = (maxBytes > 0) ? Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, Answer answer) -> key.size() + answer.body().length)
			.build() : null;
		this.directory = directory;
		this.endpoint = endpoint;
		this.hits = Counter.builder("rollcall.answers.requests").tag("result", "hit").register(meters);
		this.misses = Counter.builder("rollcall.answers.requests").tag("result", "miss").register(meters);
		this.maxDocumentSize = properties.limits().maxDocumentSize();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		byte[] body = exchange.getAttribute(GraphQlRequestBodies.BODY);
		if (this.answers == null || body == null || !this.endpoint.isAt(exchange)) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal().map(AnswerCache::isAdmin).defaultIfEmpty(false).flatMap((admin) -> {
			Key key = key(body, admin, String.valueOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT)));
			if (key == null) {
				return chain.filter(exchange);
			}
			Answer kept = this.answers.getIfPresent(key);
			if (kept != null && current(kept)) {
				this.hits.increment();
				ServerHttpResponse response = exchange.getResponse();
				response.setStatusCode(HttpStatus.OK);
				response.getHeaders().setContentType(kept.contentType());
				response.getHeaders().setContentLength(kept.body().length);
				return response.writeWith(Mono.just(response.bufferFactory().wrap(kept.body())));
			}
			this.misses.increment();
			Capture capture = new Capture(exchange.getResponse());
			Keep keep = new Keep();
			exchange.getAttributes().put(LISTS, keep);
			return chain.filter(exchange.mutate().response(capture).build()).doOnSuccess((done) -> {
				Map<String, Long> lists = keep.lists;
				MediaType type = capture.getHeaders().getContentType();
				if (lists != null && capture.written != null && type != null
						&& HttpStatus.OK.equals(capture.getStatusCode())) {
					this.answers.put(key, new Answer(capture.written, type, lists));
				}
			});
		});
	}

	/**
	 * The key of a request body, or null when it is not a JSON object with a query, or
	 * its document is over {@code max-document-size}: folding white space would otherwise
	 * let a padded copy of a kept document past the limit.
	 */
	private @Nullable Key key(byte[] body, boolean admin, String accept) {
		JsonNode request;
		try {
			request = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (request == null || !request.isObject() || !request.path("query").isString()) {
			return null;
		}
		String document = request.get("query").asString();
		if (document.length() > this.maxDocumentSize) {
			return null;
		}
		return new Key(NormalisedDocument.of(document), request.path("operationName").asString(""),
				request.path("variables"), request.path("extensions"), admin, accept, body.length);
	}

	private static boolean isAdmin(java.security.Principal principal) {
		return principal instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	private boolean current(Answer answer) {
		for (Map.Entry<String, Long> list : answer.lists().entrySet()) {
			int slash = list.getKey().lastIndexOf('/');
			String source = list.getKey().substring(0, slash);
			Part part = Part.valueOf(list.getKey().substring(slash + 1));
			boolean current = this.directory.connector(source)
				.map((connector) -> connector.current(part, list.getValue()))
				.orElse(false);
			if (!current) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Where the GraphQL layer notes that an answer may be kept: the versions of the lists
	 * it was computed from, by {@code source/PART}.
	 */
	public static final class Keep {

		private volatile @Nullable Map<String, Long> lists;

		public void lists(Map<String, Long> lists) {
			this.lists = Map.copyOf(lists);
		}

	}

	/** Keeps a copy of the answer's bytes as they are written. */
	private static final class Capture extends ServerHttpResponseDecorator {

		private byte @Nullable [] written;

		Capture(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				this.written = bytes;
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

	}

	/**
	 * What decides an answer: the document (ignored tokens folded), operation, variables
	 * and extensions, the role, the media type asked for.
	 *
	 * @param size the request's size, for the cache's weight
	 */
	private record Key(String document, String operationName, JsonNode variables, JsonNode extensions, boolean admin,
			String accept, int size) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.document.equals(this.document)
					&& key.operationName.equals(this.operationName) && key.variables.equals(this.variables)
					&& key.extensions.equals(this.extensions) && key.admin == this.admin
					&& key.accept.equals(this.accept);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.document, this.operationName, this.variables, this.extensions,
					this.admin, this.accept);
		}

	}

	/**
	 * A kept answer's bytes, media type, and the list versions it was computed from.
	 */
	private record Answer(byte[] body, MediaType contentType, Map<String, Long> lists) {
	}

}
