package io.rollcall.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and slow requests: each gets a 4xx with a GraphQL-shaped error (never a 500,
 * an empty 200 or a stack trace) without any vendor call, and a connection that does not
 * finish its request is closed.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "rollcall.server.max-request-size=64KB", "rollcall.server.header-timeout=1s",
		"rollcall.server.idle-timeout=30s", "rollcall.server.read-timeout=1s", "rollcall.server.request-timeout=3s" })
class HostileRequestsTests extends GatewayTestBase {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	static Stream<Arguments> malformed() {
		String bigVariable = "{\"query\":\"query($v: String) { sources { id } }\",\"variables\":{\"v\":\""
				+ "x".repeat(100_000) + "\"}}";
		return Stream.of(Arguments.of("an empty body", "POST", JSON, "", 400, "BAD_REQUEST"),
				Arguments.of("a blank body", "POST", JSON, "  \n ", 400, "BAD_REQUEST"),
				Arguments.of("a body over the limit", "POST", JSON, bigVariable, 413, "REQUEST_TOO_LARGE"),
				Arguments.of("a 10 MB body", "POST", JSON, "{\"query\":\"" + "x".repeat(10_000_000) + "\"}", 413,
						"REQUEST_TOO_LARGE"),
				Arguments.of("not JSON", "POST", JSON, "this is not JSON", 400, "BAD_REQUEST"),
				Arguments.of("an empty object", "POST", JSON, "{}", 400, "BAD_REQUEST"),
				Arguments.of("a batch", "POST", JSON, "[{\"query\":\"{ sources { id } }\"}]", 400, "BAD_REQUEST"),
				Arguments.of("a JSON string", "POST", JSON, "\"{ sources { id } }\"", 400, "BAD_REQUEST"),
				Arguments.of("variables that are not an object", "POST", JSON,
						"{\"query\":\"{ sources { id } }\",\"variables\":[1]}", 400, "BAD_REQUEST"),
				Arguments.of("plain text", "POST", MediaType.TEXT_PLAIN_VALUE, "{ sources { id } }", 415,
						"UNSUPPORTED_MEDIA_TYPE"),
				Arguments.of("a PUT", "PUT", JSON, "{\"query\":\"{ sources { id } }\"}", 405, "METHOD_NOT_ALLOWED"),
				Arguments.of("application/graphql that is not UTF-8", "POST", "application/graphql",
						new String(new byte[] { (byte) 0xC3, (byte) 0x28 }, StandardCharsets.ISO_8859_1), 400,
						"BAD_REQUEST"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void malformedRequestsGetAGraphQlShapedClientError(String what, String method, String contentType, String body,
			int status, String code, CapturedOutput output) {
		byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
		EntityExchangeResult<Map<String, Object>> result = this.http.method(HttpMethod.valueOf(method))
			.uri("/graphql")
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.bodyValue(bytes)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) result.getResponseBody().get("errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("message")).asString().isNotBlank().doesNotContain("Exception");
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
		if (!code.equals("BAD_REQUEST") || extensions.containsKey("code")) {
			assertThat(extensions).containsEntry("code", code);
		}
		assertThat(VendorStubs.totalCalls()).isZero();
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void aRawDocumentSentAsApplicationGraphqlRuns() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.CONTENT_TYPE, "application/graphql")
			.bodyValue("{ sources { id } }")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sources[0].id")
			.isEqualTo("cintoo");
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.CONTENT_TYPE, "application/graphql; charset=utf-8")
			.header(HttpHeaders.ACCEPT, "application/graphql-response+json")
			.bodyValue("query Named { sources { id name } }")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/graphql-response+json")
			.expectBody()
			.jsonPath("$.data.sources.length()")
			.isEqualTo(5);
	}

	@Test
	void aJsonBodyLabelledApplicationGraphqlStillRuns() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.CONTENT_TYPE, "application/graphql")
			.bodyValue("{\"query\":\"{ sources { id } }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sources[0].id")
			.isEqualTo("cintoo");
	}

	@Test
	void refusalsComeInTheMediaTypeTheClientAskedFor() {
		this.http.post()
			.uri("/graphql")
			.header(HttpHeaders.CONTENT_TYPE, JSON)
			.header(HttpHeaders.ACCEPT, "application/graphql-response+json")
			.bodyValue("")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith("application/graphql-response+json");
	}

	@Test
	void halfSentRequestsAreClosed() throws IOException {
		List<Socket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Socket headers = open();
				send(headers, "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
				sockets.add(headers);
				Socket body = open();
				send(body, "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 1000\r\n\r\n{\"query\":");
				sockets.add(body);
			}
			// The header or read timeout (1 s) closes each, long before a read gives up
			// (15 s); the idle timeout (30 s) plays no part.
			for (Socket socket : sockets) {
				assertThat(closedByServer(socket)).as("closed by the server").isTrue();
			}
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
		}
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void headersDribbledAByteAtATimeAreCutOff() throws Exception {
		try (Socket socket = open()) {
			socket.setSoTimeout(200);
			String request = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(100);
			boolean closed = false;
			// A byte every 100 ms: never idle, never done. The header deadline (1 s) ends
			// it.
			for (int i = 0; i < request.length() && !closed; i++) {
				try {
					send(socket, request.substring(i, i + 1));
					closed = socket.getInputStream().read() == -1;
				}
				catch (SocketTimeoutException ex) {
					// Still open: the next byte.
				}
				catch (IOException ex) {
					closed = true;
				}
			}
			assertThat(closed).as("closed before the headers were done").isTrue();
		}
	}

	@Test
	void aKeptAliveConnectionServesOneRequestAfterAnother() throws Exception {
		try (Socket socket = open()) {
			for (int i = 0; i < 3; i++) {
				String body = "{\"query\":\"{ sources { id } }\"}";
				send(socket, "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length() + "\r\n\r\n" + body);
				assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").contains("cintoo");
			}
		}
	}

	/**
	 * Reads one answer with a Content-Length or a chunked body, well enough for a test.
	 */
	private static String readResponse(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder text = new StringBuilder();
		while (!text.toString().contains("\r\n\r\n")) {
			text.append((char) in.read());
		}
		String head = text.toString();
		if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
			while (!text.toString().endsWith("\r\n0\r\n\r\n")) {
				text.append((char) in.read());
			}
			return text.toString();
		}
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
		assertThat(length.find()).isTrue();
		byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
		return head + new String(body, StandardCharsets.UTF_8);
	}

	private Socket open() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(15_000);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** Reads until the server closes the connection; false if it stays open. */
	private static boolean closedByServer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			while (in.read() != -1) {
				// A 408 or similar may come before the close.
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// Reset by the server: closed too.
			return true;
		}
	}

}
