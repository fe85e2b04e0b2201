package io.rollcall.connector;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.rollcall.domain.HealthTracker;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * One source's HTTP exchanges: authentication (renewed once after a 401), the deadline on
 * the whole exchange (body included), the one retry of a read, decoding within the
 * source's bounds. What a failure means is {@link VendorFailures}'s job.
 */
public final class VendorHttp {

	private static final Duration READ_RETRY_BACKOFF = Duration.ofMillis(100);

	/** Answers larger than this are parsed off the request threads. */
	private static final int INLINE_DECODE_BYTES = 256 * 1024;

	/**
	 * Where large answers are parsed: at most half the cores, so that one source's huge
	 * answer cannot hold up every other request.
	 */
	private static final Scheduler PARSING = Schedulers.newParallel("rollcall-parse",
			Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

	private final String source;

	private final String base;

	private final WebClient client;

	private final Duration timeout;

	private final SourceGuard guard;

	private final VendorAuth auth;

	private final VendorFailures failures;

	private final Bounds bounds;

	/**
	 * Makes the exchanges of one source.
	 * @param source the source id
	 * @param base the source's base URL, without a trailing slash
	 * @param client the source's client
	 * @param timeout the deadline for one whole exchange
	 * @param guard the source's breaker, cool-down, health and metrics
	 * @param auth how calls authenticate
	 * @param defaultRetryAfterSeconds the wait to assume when a 429 has no Retry-After
	 * @param errorReader reads the human message out of the vendor's error body, or null
	 * @param clock the clock for HTTP-date Retry-After values
	 * @param bounds how much the vendor's answers may hold
	 */
	public VendorHttp(String source, String base, WebClient client, Duration timeout, SourceGuard guard,
			VendorAuth auth, long defaultRetryAfterSeconds, Function<byte[], @Nullable String> errorReader, Clock clock,
			Bounds bounds) {
		this.source = source;
		this.base = base;
		this.client = client;
		this.timeout = timeout;
		this.guard = guard;
		this.auth = auth;
		this.failures = new VendorFailures(source, timeout, guard, defaultRetryAfterSeconds, errorReader, clock);
		this.bounds = bounds;
	}

	public String source() {
		return this.source;
	}

	public Bounds bounds() {
		return this.bounds;
	}

	/** The source's health, fed by every call. */
	public HealthTracker health() {
		return this.guard.health();
	}

	/**
	 * Reads a resource. A connection failure or 5xx is tried once more after a short,
	 * jittered pause; a 429 asking for a short wait is waited out and tried once more.
	 * @param headers extra headers
	 * @param uri path and query below the base URL, a template for {@code variables}
	 * @param variables values for the template, encoded strictly
	 * @return the body, possibly empty
	 */
	public Mono<byte[]> get(Consumer<HttpHeaders> headers, String uri, Object... variables) {
		Mono<byte[]> read = exchange(HttpMethod.GET, uri, variables, headers, null, null, true);
		return read.onErrorResume(this::shortRateLimit, (ex) -> {
			this.guard.retried();
			Long seconds = ((SourceException) ex).retryAfterSeconds();
			return Mono.delay(Duration.ofSeconds((seconds != null) ? seconds : 0)).then(read);
		})
			.retryWhen(Retry.backoff(1, READ_RETRY_BACKOFF)
				.jitter(0.5)
				.filter(VendorHttp::retryable)
				.doBeforeRetry((signal) -> this.guard.retried())
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/** A 429 asking for a wait short enough to wait out within the deadline. */
	private boolean shortRateLimit(Throwable ex) {
		return ex instanceof SourceException failure && failure.code() == Code.SOURCE_RATE_LIMITED
				&& failure.status() == 429 && this.guard.waitInline(failure);
	}

	/**
	 * Sends a change. Never retried: a change whose answer did not come may have been
	 * made.
	 * @param method the method
	 * @param headers extra headers
	 * @param body the body, or null
	 * @param contentType the body's type, or null
	 * @param uri path and query below the base URL, a template for {@code variables}
	 * @param variables values for the template, encoded strictly
	 * @return the answer's body, possibly empty
	 */
	public Mono<byte[]> send(HttpMethod method, Consumer<HttpHeaders> headers, byte @Nullable [] body,
			@Nullable MediaType contentType, String uri, Object... variables) {
		return exchange(method, uri, variables, headers, body, contentType, false).onErrorMap(SourceException.class,
				(ex) -> VendorFailures.mayHaveHappened(ex) ? ex.withOutcomeUnknown() : ex);
	}

	/**
	 * Decodes a body, turning any failure into {@code SOURCE_BAD_RESPONSE}.
	 * @param <T> the decoded type
	 * @param body the body
	 * @param decoder the decoder
	 * @return the decoded value
	 */
	public <T> Mono<T> decode(byte[] body, Function<byte[], T> decoder) {
		if (body.length > INLINE_DECODE_BYTES) {
			return Mono.fromCallable(() -> decodeNow(body, decoder)).subscribeOn(PARSING);
		}
		try {
			return Mono.just(decodeNow(body, decoder));
		}
		catch (SourceException ex) {
			return Mono.error(ex);
		}
	}

	private <T> T decodeNow(byte[] body, Function<byte[], T> decoder) {
		try {
			return decoder.apply(body);
		}
		catch (SourceException ex) {
			this.guard.health().failed(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			SourceException failure = badResponse("gave an answer that could not be read");
			this.guard.health().failed(failure);
			throw failure;
		}
	}

	/**
	 * A failure for an answer that was read but makes no sense, e.g. paging that does not
	 * add up.
	 * @param what what is wrong, after "Source 'x' "
	 * @return the failure
	 */
	public SourceException badResponse(String what) {
		return new SourceException(this.source, Code.SOURCE_BAD_RESPONSE, "Source '" + this.source + "' " + what);
	}

	/**
	 * Checks that a list holds no more items than the source allows.
	 * @param <T> the item type
	 * @param items the list
	 * @return the list
	 * @throws SourceException {@code SOURCE_BAD_RESPONSE} when it holds more
	 */
	public <T> List<T> bounded(List<T> items) {
		if (items.size() > this.bounds.maxItems()) {
			throw tooManyItems();
		}
		return items;
	}

	/** The failure for an answer with more items than {@code max-items}. */
	public SourceException tooManyItems() {
		return badResponse("answered more than " + this.bounds.maxItems() + " items in one list (rollcall.sources."
				+ this.source + ".max-items)");
	}

	private static boolean retryable(Throwable ex) {
		return ex instanceof SourceException failure && failure.code() == Code.SOURCE_UNAVAILABLE;
	}

	private Mono<byte[]> exchange(HttpMethod method, String uri, Object[] variables, Consumer<HttpHeaders> headers,
			byte @Nullable [] body, @Nullable MediaType contentType, boolean read) {
		Request request = new Request(method, uri, variables, headers, body, contentType, read, new AtomicInteger());
		return this.auth.credential()
			.flatMap((credential) -> attempt(request, credential).onErrorResume(
					(ex) -> isUnauthorized(ex) && this.auth.renewAfterRejection(credential),
					(ex) -> this.auth.credential().flatMap((fresh) -> attempt(request, fresh))));
	}

	private static boolean isUnauthorized(Throwable ex) {
		return ex instanceof SourceException failure && failure.status() == 401;
	}

	private Mono<byte[]> attempt(Request request, VendorAuth.Credential credential) {
		URI target;
		HttpHeaders extra = new HttpHeaders();
		try {
			target = URI.create(this.base + VendorPaths.expand(request.uri(), request.variables()));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(this.failures.unsendable("an empty name or id in its path"));
		}
		try {
			request.headers().accept(extra);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(this.failures.unsendable("a header value with control or non-ASCII characters"));
		}
		return this.guard.call(Mono.defer(() -> {
			WebClient.RequestBodySpec spec = this.client.method(request.method())
				.uri(target)
				.attribute(VendorCallObservations.PATH, request.uri())
				.attribute(VendorCallObservations.ATTEMPT, request.attempts().incrementAndGet())
				.headers((h) -> {
					h.addAll(extra);
					credential.accept(h);
				});
			WebClient.RequestHeadersSpec<?> ready = spec;
			if (request.body() != null) {
				if (request.contentType() != null) {
					spec.contentType(request.contentType());
				}
				ready = spec.bodyValue(request.body());
			}
			return ready.exchangeToMono((response) -> read(response, request.read()))
				.timeout(this.timeout)
				.onErrorMap((ex) -> !(ex instanceof SourceException), this.failures::transport);
		}));
	}

	private Mono<byte[]> read(ClientResponse response, boolean read) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]);
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.onErrorReturn(new byte[0])
			.flatMap((body) -> Mono
				.error(this.failures.answer(status.value(), response.headers().asHttpHeaders(), body, read)));
	}

	/**
	 * How much one source's answers may hold: each bound is checked as an answer is read,
	 * and the source's answer fails with {@code SOURCE_BAD_RESPONSE} past it.
	 *
	 * @param maxItems the most items in one list (users, projects, a project's members)
	 * @param maxPages the most pages of one paged list
	 */
	public record Bounds(int maxItems, int maxPages) {

		public static final Bounds DEFAULTS = new Bounds(100_000, 1_000);

	}

	private record Request(HttpMethod method, String uri, Object[] variables, Consumer<HttpHeaders> headers,
			byte @Nullable [] body, @Nullable MediaType contentType, boolean read, AtomicInteger attempts) {
	}

	/** Base URL helper: {@code base} without a trailing slash. */
	public static String trimBase(URI base) {
		String text = base.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
