package io.rollcall.connector.cintoo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.rollcall.connector.SharedState;
import io.rollcall.domain.Connector;
import io.rollcall.domain.HealthTracker;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceHealth;
import io.rollcall.domain.User;
import io.rollcall.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cintoo connector and its rotating, single-use refresh tokens, against a WireMock
 * Cintoo serving {@code wiremock/cintoo/}.
 */
class CintooConnectorTests {

	@RegisterExtension
	static WireMockExtension cintoo = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/cintoo"))
		.build();

	@TempDir
	Path dir;

	@Test
	void exchangesTheRefreshTokenAndSavesTheRotatedOne() throws Exception {
		Path tokenFile = this.dir.resolve("cintoo.refresh-token");
		Connector connector = connector("rt-1", tokenFile);
		assertThat(connector.users().block()).extracting(User::displayName)
			.containsExactly("Ada Lovelace", "Grace Hopper", "new.hire@example.com");
		assertThat(Files.readString(tokenFile)).isEqualTo("rt-2");
		assertThat(tokenFile.getParent()).isDirectoryNotContaining("glob:**.tmp");
		cintoo.verify(1,
				postRequestedFor(urlEqualTo("/oauth/token"))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt-1")));
	}

	@Test
	void aRotatedTokenThatCannotBeSavedIsAnErrorHealthShows() throws Exception {
		Path folder = this.dir.resolve("tokens");
		Files.createDirectories(folder);
		Path tokenFile = folder.resolve("cintoo.refresh-token");
		HealthTracker health = new HealthTracker(Clock.systemUTC());
		Connector connector = CintooConnectors.create("cintoo", "Cintoo", "acct-1", null, "rt-1", tokenFile,
				TestHttp.factory("cintoo", cintoo.baseUrl(), Duration.ofSeconds(2), health), Clock.systemUTC());
		// The folder goes away after start-up, and a file takes its place.
		Files.delete(folder);
		Files.writeString(folder, "not a folder");
		assertThat(connector.users().block()).hasSize(3);
		assertThat(health.current().status()).isEqualTo(SourceHealth.Status.DOWN);
		assertThat(health.current().message())
			.isEqualTo("Source 'cintoo' could not save its rotated refresh token to cintoo.refresh-token "
					+ "(IllegalStateException); after a restart it will need a new refresh token")
			.doesNotContain(this.dir.toString());
	}

	@Test
	void prefersTheSavedRefreshTokenOverTheConfiguredOneAtStartUp() throws Exception {
		Path tokenFile = this.dir.resolve("cintoo.refresh-token");
		Files.writeString(tokenFile, "rt-7\n");
		String jwt = jwt(Instant.now().plusSeconds(3600));
		stubToken("rt-7", jwt, "rt-8");
		stubUsers(jwt, 200);
		Connector connector = connector("rt-1", tokenFile);
		assertThat(connector.users().block()).hasSize(3);
		assertThat(Files.readString(tokenFile)).isEqualTo("rt-8");
		cintoo.verify(0, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(equalTo(form("rt-1"))));
	}

	@Test
	void manyConcurrentCallersCauseExactlyOneRefresh() {
		String jwt = jwt(Instant.now().plusSeconds(3600));
		cintoo.stubFor(post(urlEqualTo("/oauth/token")).atPriority(1)
			.withRequestBody(equalTo(form("rt-1")))
			.willReturn(tokenAnswer(jwt, "rt-2").withFixedDelay(300)));
		stubUsers(jwt, 200);
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		List<List<User>> answers = Flux.range(0, 50)
			.flatMap((i) -> connector.users(), 50)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(answers).hasSize(50).allSatisfy((users) -> assertThat(users).hasSize(3));
		cintoo.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void refreshesAheadOfTheAccessTokensExpiry() {
		String dying = jwt(Instant.now().plusSeconds(30));
		String fresh = jwt(Instant.now().plusSeconds(3600));
		stubToken("rt-1", dying, "rt-2");
		stubToken("rt-2", fresh, "rt-3");
		stubUsers(dying, 200);
		stubUsers(fresh, 200);
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		connector.users().block();
		connector.users().block();
		connector.users().block();
		cintoo.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
		cintoo.verify(2, getRequestedFor(urlEqualTo("/api/accounts/acct-1/users")).withHeader("Authorization",
				equalTo("Bearer " + fresh)));
	}

	@Test
	void retriesOnceWithAFreshTokenWhenTheVendorRefusesOne() {
		stubRevokedThenFreshToken();
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		assertThat(connector.users().block()).hasSize(3);
		cintoo.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
		cintoo.verify(2, getRequestedFor(urlEqualTo("/api/accounts/acct-1/users")));
	}

	/**
	 * The vendor's refusal can arrive before the exchange that issued the token has quite
	 * finished (here its lock is released 300 ms after the token came back): the retry
	 * must still exchange a new token, not be handed the refused one again.
	 */
	@Test
	void aRefusalBeforeTheExchangeHasFinishedStillGetsAFreshToken() {
		stubRevokedThenFreshToken();
		SharedState slowToUnlock = new SharedState() {
			@Override
			public <T> Mono<T> locked(String source, Duration hold, Supplier<Mono<T>> work) {
				return Mono.fromDirect(
						Flux.from(Mono.defer(work)).concatWith(Mono.delay(Duration.ofMillis(300)).then(Mono.empty())));
			}
		};
		Connector connector = CintooConnectors.create("cintoo", "Cintoo", "acct-1", null, "rt-1", this.dir.resolve("t"),
				TestHttp.factory("cintoo", cintoo.baseUrl(), Duration.ofSeconds(2)), Clock.systemUTC(), slowToUnlock);
		assertThat(connector.users().block()).hasSize(3);
		cintoo.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void givesUpAfterTheFreshTokenIsRefusedToo() {
		String first = jwt(Instant.now().plusSeconds(3600));
		String second = jwt(Instant.now().plusSeconds(7200));
		stubToken("rt-1", first, "rt-2");
		stubToken("rt-2", second, "rt-3");
		stubUsers(first, 401);
		stubUsers(second, 401);
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		StepVerifier.create(connector.users())
			.expectErrorSatisfies((ex) -> assertThat(((SourceException) ex).code())
				.isEqualTo(SourceException.Code.SOURCE_UNAUTHORIZED))
			.verify();
		cintoo.verify(2, getRequestedFor(urlEqualTo("/api/accounts/acct-1/users")));
	}

	@Test
	void aUsedUpRefreshTokenIsUnauthorized() {
		Connector connector = connector("rt-used", this.dir.resolve("t"));
		StepVerifier.create(connector.users()).expectErrorSatisfies((ex) -> {
			assertThat(((SourceException) ex).code()).isEqualTo(SourceException.Code.SOURCE_UNAUTHORIZED);
			assertThat(ex.getMessage()).doesNotContain("rt-used");
		}).verify();
		cintoo.verify(0, getRequestedFor(urlEqualTo("/api/accounts/acct-1/users")));
	}

	@Test
	void aFixedAccessTokenIsUsedAsIs() {
		String jwt = jwt(Instant.now().plusSeconds(3600));
		stubUsers(jwt, 200);
		Connector connector = CintooConnectors.create("cintoo", "Cintoo", "acct-1", jwt, null, null,
				TestHttp.factory("cintoo", cintoo.baseUrl(), Duration.ofSeconds(2)), Clock.systemUTC());
		assertThat(connector.users().block()).hasSize(3);
		cintoo.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void projectsCarryTheirMembersWithTheProjectsPermissions() {
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		List<Project> projects = connector.projects().block();
		assertThat(projects).extracting(Project::name).containsExactly("Plant 7", "Bridge A12");
		assertThat(projects.get(0).memberships()).extracting(Membership::userId, Membership::permissions)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("dXNlci0xMjM", List.of("view3d", "annotate")),
					org.assertj.core.groups.Tuple.tuple("dXNlci0xMjQ", List.of("view3d", "annotate")));
	}

	@Test
	void anUnconfirmedUserIsShownByEmail() {
		Connector connector = connector("rt-1", this.dir.resolve("t"));
		User unconfirmed = connector.users().block().get(2);
		assertThat(unconfirmed.displayName()).isEqualTo("new.hire@example.com");
		assertThat(unconfirmed.firstName()).isNull();
		assertThat(unconfirmed.lastName()).isNull();
	}

	@Test
	void readsTheExpiryOfAJwt() {
		Instant exp = Instant.parse("2030-01-01T00:00:00Z");
		assertThat(JwtClaims.expiry(jwt(exp))).isEqualTo(exp);
		assertThat(JwtClaims.expiry("not-a-jwt")).isNull();
	}

	private Connector connector(String refreshToken, Path tokenFile) {
		return CintooConnectors.create("cintoo", "Cintoo", "acct-1", null, refreshToken, tokenFile,
				TestHttp.factory("cintoo", cintoo.baseUrl(), Duration.ofSeconds(2)), Clock.systemUTC());
	}

	/**
	 * The first refresh token gives an access token the vendor refuses, the rotated one a
	 * token it takes.
	 */
	private static void stubRevokedThenFreshToken() {
		String revoked = jwt(Instant.now().plusSeconds(3600));
		String fresh = jwt(Instant.now().plusSeconds(7200));
		stubToken("rt-1", revoked, "rt-2");
		stubToken("rt-2", fresh, "rt-3");
		stubUsers(revoked, 401);
		stubUsers(fresh, 200);
	}

	private static void stubToken(String refreshToken, String jwt, String next) {
		cintoo.stubFor(post(urlEqualTo("/oauth/token")).atPriority(1)
			.withRequestBody(equalTo(form(refreshToken)))
			.willReturn(tokenAnswer(jwt, next)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenAnswer(String jwt,
			String next) {
		return aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"" + jwt + "\",\"refresh_token\":\"" + next
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":10800,\"user_id\":\"x\"}");
	}

	private static void stubUsers(String jwt, int status) {
		cintoo.stubFor(get(urlEqualTo("/api/accounts/acct-1/users")).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + jwt))
			.willReturn((status == 200)
					? aResponse().withHeader("Content-Type", "application/json").withBodyFile("users.json")
					: aResponse().withStatus(status).withBody("{\"code\":401,\"message\":\"Token expired\"}")));
	}

	private static String form(String refreshToken) {
		return "grant_type=refresh_token&refresh_token=" + refreshToken;
	}

	static String jwt(Instant exp) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + ",\"n\":\"" + System.nanoTime() + "\"}")
					.getBytes(StandardCharsets.UTF_8))
				+ ".c2ln";
	}

}
