package io.rollcall.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A small HTTP server on loopback that plays one vendor, with a realistic latency.
 */
public final class SimServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SimServer.class);

	private final DisposableServer server;

	private final AtomicLong calls;

	private SimServer(DisposableServer server, AtomicLong calls) {
		this.server = server;
		this.calls = calls;
	}

	static SimServer start(Duration latency, boolean jitter, Handler handler) {
		AtomicLong calls = new AtomicLong();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> Mono.fromRunnable(calls::incrementAndGet)
				.then(request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
					QueryStringDecoder uri = new QueryStringDecoder(request.uri());
					Call call = new Call(request.method().name(), uri.path(), uri.parameters(),
							request.requestHeaders(), body);
					return Mono.defer(() -> handler.handle(call)).onErrorResume((ex) -> {
						logger.warn("Simulated vendor failed on " + call.method() + " " + call.path(), ex);
						return Mono.just(Reply.json(500, "{\"error\":\"simulation error\"}"));
					}).delaySubscription(delay(latency, jitter));
				}).flatMap((reply) -> {
					response.status(reply.status());
					if (reply.contentType() != null) {
						response.header("Content-Type", reply.contentType());
					}
					reply.headers().forEach(response::header);
					return response.sendByteArray(Mono.just(reply.body())).then();
				})))
			.bindNow();
		return new SimServer(server, calls);
	}

	/** Calls received so far. */
	long calls() {
		return this.calls.get();
	}

	/**
	 * How long one answer takes: the latency, or with jitter up to a fifth longer at
	 * random.
	 */
	static Duration delay(Duration latency, boolean jitter) {
		if (!jitter || latency.isZero()) {
			return latency;
		}
		long millis = latency.toMillis();
		return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(Math.max(1, millis / 5)));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(2));
	}

	/**
	 * Answers one call.
	 */
	@FunctionalInterface
	public interface Handler {

		Mono<Reply> handle(Call call);

	}

	/**
	 * One call as the vendor sees it.
	 */
	public record Call(String method, String path, Map<String, List<String>> query, HttpHeaders headers, byte[] body) {

		public @Nullable String param(String name) {
			List<String> values = this.query.get(name);
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		public @Nullable String header(String name) {
			return this.headers.get(name);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public boolean is(String method, String path) {
			return this.method.equals(method) && this.path.equals(path);
		}

	}

	/**
	 * One answer.
	 */
	public record Reply(int status, @Nullable String contentType, byte[] body, Map<String, String> headers) {

		public static Reply json(int status, String body) {
			return new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
		}

		public static Reply xml(int status, String body) {
			return new Reply(status, "application/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
		}

		public static Reply text(int status, String body) {
			return new Reply(status, "text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of());
		}

		public static Reply empty(int status) {
			return new Reply(status, null, new byte[0], Map.of());
		}

	}

}
