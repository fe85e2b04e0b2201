package io.rollcall.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.SecuredGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces end to end: a real OTLP/HTTP receiver on loopback decodes what the gateway
 * exports; one trace per request (joining the client's W3C traceparent), a span per
 * vendor call below the request's span, with the source, vendor, method, path template
 * and status, and no secret or client header in any attribute.
 */
@SecuredGateway
@ExtendWith(OutputCaptureExtension.class)
class TracingTests extends GatewayTestBase {

	private static final List<Span> SPANS = new CopyOnWriteArrayList<>();

	private static final DisposableServer RECEIVER = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/v1/traces",
				(request, response) -> request.receive().aggregate().asByteArray().flatMap((body) -> {
					try {
						ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(body);
						export.getResourceSpansList()
							.forEach((resource) -> resource.getScopeSpansList()
								.forEach((scope) -> SPANS.addAll(scope.getSpansList())));
					}
					catch (com.google.protobuf.InvalidProtocolBufferException ex) {
						return Mono.error(ex);
					}
					return response.status(200).send().then();
				})))
		.bindNow();

	@DynamicPropertySource
	static void receiver(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://127.0.0.1:" + RECEIVER.port() + "/v1/traces");
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
	}

	@AfterAll
	static void stop() {
		RECEIVER.disposeNow();
	}

	@Test
	void aRequestIsOneTraceWithASpanPerVendorCallBelowIt(CapturedOutput output) throws InterruptedException {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SecuredGateway.READ_KEY)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.bodyValue(Map.of("query", "{ users(filter: {sources: [\"codebase\", \"periscope-eu\"]}) { totalCount } }"))
			.exchange()
			.expectStatus()
			.isOk();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		List<Span> trace = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			trace = SPANS.stream().filter((span) -> hex(span.getTraceId().toByteArray()).equals(traceId)).toList();
			if (trace.stream()
				.filter((span) -> attribute(span, "rollcall.source") != null && span.getName().startsWith("http"))
				.count() >= 2 && trace.stream().anyMatch((span) -> span.getName().contains("/graphql"))) {
				break;
			}
			Thread.sleep(100);
		}
		Span request = trace.stream()
			.filter((span) -> hex(span.getParentSpanId().toByteArray()).equals("00f067aa0ba902b7"))
			.findFirst()
			.orElseThrow();
		List<Span> vendorCalls = trace.stream()
			.filter((span) -> attribute(span, "rollcall.source") != null && span.getName().startsWith("http"))
			.toList();
		assertThat(vendorCalls).extracting((span) -> attribute(span, "rollcall.source"))
			.contains("codebase", "periscope-eu");
		// Each list the request read from a vendor is a span, the vendor calls below it.
		List<Span> spans = trace;
		String requestSpan = hex(request.getSpanId().toByteArray());
		List<Span> lists = spans.stream().filter((span) -> span.getName().contains("rollcall.source.list")).toList();
		assertThat(lists).isNotEmpty()
			.allSatisfy((list) -> assertThat(attribute(list, "cache")).isEqualTo("miss"))
			.allSatisfy((list) -> assertThat(ancestors(list, spans)).contains(requestSpan));
		for (Span call : vendorCalls.stream().filter((span) -> span.getName().startsWith("http")).toList()) {
			assertThat(ancestors(call, spans)).as(call.getName()).contains(requestSpan);
			assertThat(ancestors(call, spans).get(0)).as("a vendor call's parent is its list")
				.isIn(lists.stream().map((list) -> hex(list.getSpanId().toByteArray())).toList());
			assertThat(attribute(call, "rollcall.vendor")).isNotBlank();
			assertThat(attribute(call, "method")).isEqualTo("GET");
			assertThat(attribute(call, "uri")).startsWith("/").doesNotContain("localhost", "127.0.0.1");
			assertThat(attribute(call, "http.url")).isEqualTo(attribute(call, "uri"));
			assertThat(attribute(call, "status")).isEqualTo("200");
			assertThat(attribute(call, "rollcall.attempt")).isEqualTo("1");
		}
		assertThat(output.getOut()).as("log lines carry the trace id").contains(traceId);
		String everything = trace.toString();
		assertThat(everything).doesNotContain(SecuredGateway.READ_KEY, "codebase-key", "periscope-key", "Bearer",
				"Authorization", "authorization");
	}

	private static List<String> ancestors(Span span, List<Span> trace) {
		List<String> ancestors = new ArrayList<>();
		String parent = hex(span.getParentSpanId().toByteArray());
		for (int depth = 0; depth < 20 && !parent.isEmpty(); depth++) {
			ancestors.add(parent);
			String id = parent;
			parent = trace.stream()
				.filter((candidate) -> hex(candidate.getSpanId().toByteArray()).equals(id))
				.findFirst()
				.map((found) -> hex(found.getParentSpanId().toByteArray()))
				.orElse("");
		}
		return ancestors;
	}

	private static String attribute(Span span, String key) {
		return span.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map(KeyValue::getValue)
			.map((value) -> value.hasStringValue() ? value.getStringValue() : value.toString())
			.findFirst()
			.orElse(null);
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
