package io.rollcall.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rollcall.RollcallApplication;
import io.rollcall.domain.Directory;
import io.rollcall.support.ExternalTools;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Rollcall replicas sharing one real Redis (Debian's redis-server, started here on a
 * free loopback port): they make the vendor calls of one, rotate Cintoo's token once, see
 * each other's writes and rate limits, and keep answering when Redis goes away.
 */
class ReplicasTests {

	private static final String REDIS_SERVER = "REDIS_SERVER";

	private static Path redisServer;

	private static Process redis;

	private static int redisPort;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static final List<ConfigurableApplicationContext> SECURED_REPLICAS = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		redisServer = ExternalTools.find("redis-server", REDIS_SERVER).orElse(null);
		if (redisServer == null) {
			return;
		}
		startRedis();
		a = replica();
		b = replica();
	}

	@AfterAll
	static void stop() {
		SECURED_REPLICAS.forEach(ConfigurableApplicationContext::close);
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
		if (redis != null) {
			redis.destroyForcibly();
		}
	}

	@BeforeEach
	void clean() {
		ExternalTools.require("redis-server", REDIS_SERVER, "Redis (Debian: apt-get install redis-server)");
		a.getBean(org.springframework.data.redis.core.ReactiveStringRedisTemplate.class)
			.getConnectionFactory()
			.getReactiveConnection()
			.serverCommands()
			.flushAll()
			.block(Duration.ofSeconds(5));
		for (ConfigurableApplicationContext replica : List.of(a, b)) {
			Directory directory = replica.getBean(Directory.class);
			directory.sourceIds().forEach((id) -> directory.connector(id).orElseThrow().forget());
			replica.getBean(io.rollcall.connector.SourceGuards.class).resetAll();
		}
		VendorStubs.reset();
	}

	@Test
	void aListReadByOneReplicaIsServedByTheOtherWithoutVendorCalls() {
		assertThat(users(a, "codebase")).isEqualTo(3);
		assertThat(VendorStubs.codebase().getAllServeEvents()).hasSize(1);
		VendorStubs.reset();
		assertThat(users(b, "codebase")).isEqualTo(3);
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@Test
	void fiftyConcurrentCintooCallsAcrossBothReplicasRotateTheTokenOnce() {
		List<Integer> totals = Flux.range(0, 50)
			.flatMap((i) -> client((i % 2 == 0) ? a : b).post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ users(filter: {sources: [\"cintoo\"]}) { totalCount } }"))
				.retrieve()
				.bodyToMono(Map.class)
				.map(ReplicasTests::total), 50)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(totals).hasSize(50).containsOnly(3);
		// The configured refresh token is used once; any later exchange would be a second
		// use.
		VendorStubs.cintoo().verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		// Both replicas keep the newest token in their own file, the one that adopted it
		// too: a restart while Redis is away presents a token that still works.
		for (ConfigurableApplicationContext replica : List.of(a, b)) {
			Path file = Path.of(replica.getEnvironment().getProperty("rollcall.sources.cintoo.token-file"));
			await(() -> Files.isRegularFile(file) && read(file).equals("rt-2"));
		}
	}

	@Test
	void aWriteOnOneReplicaIsVisibleOnTheOthersNextRead() {
		assertThat(users(a, "periscope-eu")).isEqualTo(3);
		assertThat(users(b, "periscope-eu")).isEqualTo(3);
		VendorStubs.periscope()
			.stubFor(post(urlEqualTo("/api/v1/users")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"email\":\"marie@example.com\",\"first_name\":\"Marie\",\"last_name\":\"Curie\",\"groups\":[]}")));
		VendorStubs.periscope()
			.stubFor(get(urlEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody(
							"{\"users\":[{\"email\":\"marie@example.com\",\"first_name\":\"Marie\",\"last_name\":\"Curie\"}]}")));
		Map<?, ?> invited = query(a,
				"mutation { inviteUser(input: {sources: [\"periscope-eu\"], email: \"marie@example.com\", "
						+ "firstName: \"Marie\", lastName: \"Curie\"}) { ok } }");
		assertThat(invited.toString()).contains("ok=true");
		await(() -> users(b, "periscope-eu") == 1);
	}

	@Test
	void aRateLimitSeenByOneReplicaStopsTheOtherCallingThatVendor() {
		VendorStubs.testmo()
			.stubFor(get(urlPathEqualTo("/api/v1/users")).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		assertThat(query(a, "{ users(filter: {sources: [\"testmo\"]}) { totalCount } }").toString())
			.contains("SOURCE_RATE_LIMITED");
		VendorStubs.testmo().resetRequests();
		assertThat(query(b, "{ users(filter: {sources: [\"testmo\"]}) { totalCount } }").toString())
			.contains("SOURCE_RATE_LIMITED");
		VendorStubs.testmo().verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void aBreakerOpenedByOneReplicaStopsTheOtherCallingThatVendor() {
		// After another test's Redis outage, the replica must be talking to Redis again.
		await(() -> Boolean.TRUE.equals(a.getBean(RedisGuard.class).ping().block()));
		VendorStubs.codebase().stubFor(get(urlEqualTo("/users")).atPriority(1).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 3; i++) {
			assertThat(query(a, "{ users(filter: {sources: [\"codebase\"]}) { totalCount } }").toString())
				.contains("SOURCE_UNAVAILABLE");
		}
		// The replica tells the others without waiting for Redis to answer.
		await(() -> Boolean.TRUE.equals(a.getBean(org.springframework.data.redis.core.ReactiveStringRedisTemplate.class)
			.hasKey("rollcall:open:codebase")
			.block()));
		VendorStubs.codebase().resetRequests();
		assertThat(query(b, "{ users(filter: {sources: [\"codebase\"]}) { totalCount } }").toString())
			.contains("circuit open on another replica");
		VendorStubs.codebase().verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void aClientsRateHoldsAcrossReplicas() {
		ExternalTools.require("redis-server", REDIS_SERVER, "Redis (Debian: apt-get install redis-server)");
		String[] limited = { "--rollcall.security.api-keys[0].name=nightly-report",
				"--rollcall.security.api-keys[0].key=shared-rate-key-0123456789",
				"--rollcall.security.api-keys[0].rate=3/m", "--rollcall.security.api-keys[0].burst=3" };
		// Closed with the others, after every test: closing one replica early disposes
		// the
		// event loops the others share in this JVM.
		ConfigurableApplicationContext first = secured(replica(redisPort, limited));
		ConfigurableApplicationContext second = secured(replica(redisPort, limited));
		assertThat(status(first)).isEqualTo(200);
		assertThat(status(second)).isEqualTo(200);
		assertThat(status(first)).isEqualTo(200);
		assertThat(status(second)).as("the fourth request, on either replica").isEqualTo(429);
		assertThat(status(first)).isEqualTo(429);
	}

	private static ConfigurableApplicationContext secured(ConfigurableApplicationContext replica) {
		SECURED_REPLICAS.add(replica);
		return replica;
	}

	private static int status(ConfigurableApplicationContext replica) {
		return client(replica).post()
			.uri("/graphql")
			.header("Authorization", "Bearer shared-rate-key-0123456789")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ sources { id } }"))
			.exchangeToMono((response) -> reactor.core.publisher.Mono.just(response.statusCode().value()))
			.block();
	}

	@Test
	void aPersistedQueryRegisteredOnOneReplicaIsKnownOnTheOthers() {
		ExternalTools.require("redis-server", REDIS_SERVER, "Redis (Debian: apt-get install redis-server)");
		String document = "query shared { users(first: 1) { totalCount } } # " + System.nanoTime();
		String hash = java.util.HexFormat.of().formatHex(sha256(document));
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
		assertThat(graphQl(b, Map.of("extensions", extensions))).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(graphQl(a, Map.of("query", document, "extensions", extensions))).contains("totalCount")
			.doesNotContain("errors");
		await(() -> graphQl(b, Map.of("extensions", extensions)).contains("totalCount"));
	}

	private static String graphQl(ConfigurableApplicationContext replica, Map<String, Object> body) {
		return client(replica).post()
			.uri("/graphql")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void queriesKeepWorkingWhenRedisGoesAway() throws Exception {
		assertThat(users(a, "codebase")).isEqualTo(3);
		redis.destroyForcibly().waitFor();
		try {
			b.getBean(Directory.class).connector("codebase").orElseThrow().forget();
			assertThat(users(b, "codebase")).isEqualTo(3);
			assertThat(users(a, "testmo")).isEqualTo(4);
			// While Redis is away, most operations skip it instead of each waiting for
			// its timeout.
			double failed = counter(b, "rollcall.redis.failures");
			double skipped = counter(b, "rollcall.redis.skipped");
			for (int i = 0; i < 20; i++) {
				b.getBean(Directory.class).connector("codebase").orElseThrow().forget();
				assertThat(users(b, "codebase")).isEqualTo(3);
			}
			assertThat(counter(b, "rollcall.redis.skipped") - skipped)
				.isGreaterThan(counter(b, "rollcall.redis.failures") - failed);
			VendorStubs.periscope()
				.stubFor(put(urlEqualTo("/api/v1/users"))
					.willReturn(aResponse().withHeader("Content-Type", "application/json")
						.withBody("{\"email\":\"ada@example.com\",\"groups\":[\"Everyone\"]}")));
			assertThat(query(a, "mutation { updateUser(input: {source: \"periscope-eu\", email: \"ada@example.com\", "
					+ "groups: [\"Everyone\"]}) { ok } }")
				.toString()).contains("ok=true");
			String health = client(a).get().uri("/actuator/health").retrieve().bodyToMono(String.class).block();
			assertThat(health).contains("\"redis\"").contains("does not answer");
		}
		finally {
			startRedis(redisPort);
			// Both replicas reconnect by themselves; later tests need them connected.
			await(() -> Boolean.TRUE.equals(a.getBean(RedisGuard.class).ping().block())
					&& Boolean.TRUE.equals(b.getBean(RedisGuard.class).ping().block()));
		}
	}

	@Test
	void aReplicaStartsWhileRedisIsAwayAndConnectsWhenItComes() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process late = null;
		try (ConfigurableApplicationContext early = replica(port)) {
			assertThat(users(early, "codebase")).isEqualTo(3);
			assertThat(client(early).get().uri("/actuator/health").retrieve().bodyToMono(String.class).block())
				.contains("does not answer");
			late = redis(port);
			await(() -> Boolean.TRUE.equals(early.getBean(RedisGuard.class).ping().block()));
		}
		finally {
			if (late != null) {
				late.destroyForcibly();
			}
		}
	}

	private static double counter(ConfigurableApplicationContext replica, String name) {
		return replica.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter(name).count();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int users(ConfigurableApplicationContext replica, String source) {
		Map<?, ?> answer = query(replica, "{ users(filter: {sources: [\"" + source + "\"]}) { totalCount } }");
		assertThat(answer.get("errors")).as(answer.toString()).isNull();
		return total(answer);
	}

	private static int total(Map<?, ?> answer) {
		return (Integer) ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("users")).get("totalCount");
	}

	private static Map<?, ?> query(ConfigurableApplicationContext replica, String query) {
		return client(replica).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(Map.class)
			.block(Duration.ofSeconds(30));
	}

	private static WebClient client(ConfigurableApplicationContext replica) {
		return WebClient.create("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"));
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static ConfigurableApplicationContext replica() {
		return replica(redisPort);
	}

	private static ConfigurableApplicationContext replica(int port, String... settings) {
		List<String> args = new ArrayList<>();
		VendorStubs.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		args.add("--server.port=0");
		args.add("--rollcall.security.enabled=" + (settings.length > 0));
		args.addAll(List.of(settings));
		args.add("--rollcall.redis.url=redis://127.0.0.1:" + port);
		args.add("--rollcall.redis.timeout=300ms");
		return new SpringApplicationBuilder(RollcallApplication.class).run(args.toArray(String[]::new));
	}

	private static void startRedis() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			redisPort = socket.getLocalPort();
		}
		startRedis(redisPort);
	}

	private static void startRedis(int port) throws IOException, InterruptedException {
		redis = redis(port);
	}

	private static Process redis(int port) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("rollcall-redis");
		Process process = new ProcessBuilder(redisServer.toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("redis.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				return process;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not start");
	}

}
