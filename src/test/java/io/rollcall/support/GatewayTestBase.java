package io.rollcall.support;

import java.util.List;
import java.util.Map;

import io.rollcall.connector.SourceGuards;
import io.rollcall.domain.Directory;
import org.junit.jupiter.api.BeforeEach;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port against {@link VendorStubs}, with a GraphQL tester that
 * runs the documents in {@code graphql/operations/}. Each test starts with the payload
 * files' stubs, no recorded calls and empty caches.
 */
@GatewayTest
@TestPropertySource(properties = "rollcall.security.enabled=false")
public abstract class GatewayTestBase {

	/**
	 * Connections idle no longer than any server's idle timeout, so a test never reuses
	 * one the server is closing.
	 */
	private static final ReactorClientHttpConnector CONNECTOR = new ReactorClientHttpConnector(HttpClient
		.create(ConnectionProvider.builder("gateway-tests").maxIdleTime(java.time.Duration.ofSeconds(5)).build()));

	@LocalServerPort
	protected int port;

	@Autowired
	protected Directory directory;

	@Autowired
	protected SourceGuards guards;

	/** The gateway's clock: move it on instead of sleeping. */
	@Autowired
	protected MutableClock clock;

	protected HttpGraphQlTester graphQl;

	protected WebTestClient http;

	@DynamicPropertySource
	static void vendors(DynamicPropertyRegistry registry) {
		VendorStubs.register(registry);
	}

	/**
	 * Posts a GraphQL request and reads the answer, whatever its status.
	 * @param body the request, e.g. {@code Map.of("query", "{ sources { id } }")}
	 * @return the answer
	 */
	protected Map<String, Object> postGraphQl(Map<String, ?> body) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@BeforeEach
	void startClean() {
		this.directory.sourceIds().forEach((id) -> this.directory.connector(id).orElseThrow().forget());
		this.guards.resetAll();
		VendorStubs.reset();
		this.http = WebTestClient.bindToServer(CONNECTOR)
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.build();
		this.graphQl = HttpGraphQlTester
			.builder(this.http.mutate().baseUrl("http://127.0.0.1:" + this.port + "/graphql"))
			.documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql/operations/")),
					List.of(".graphql")))
			.build();
	}

}
