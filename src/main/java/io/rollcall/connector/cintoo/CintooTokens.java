package io.rollcall.connector.cintoo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import io.rollcall.connector.SharedState;
import io.rollcall.connector.VendorAuth;
import io.rollcall.connector.VendorHttp;
import io.rollcall.connector.VendorJson;
import io.rollcall.domain.SourceException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Cintoo's access tokens from a rotating, single-use refresh token. One refresh is in
 * flight at a time (one across replicas, under their lock); a token is refreshed ahead of
 * its JWT's {@code exp}; the rotated refresh token is saved to the token file
 * ({@link TokenFiles}) before it is relied on.
 */
final class CintooTokens implements VendorAuth {

	private static final Log logger = LogFactory.getLog(CintooTokens.class);

	/**
	 * Refresh this long before the access token expires, so no call carries a dying
	 * token.
	 */
	static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

	/** The longest one replica may hold the token lock. */
	static final Duration LOCK_HOLD = Duration.ofSeconds(30);

	private final String source;

	private final VendorHttp tokenEndpoint;

	private final @Nullable Path tokenFile;

	private final Clock clock;

	private final AtomicReference<String> refreshToken;

	private final AtomicReference<@Nullable AccessToken> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<AccessToken>> inflight = new AtomicReference<>();

	private final AtomicReference<@Nullable String> refused = new AtomicReference<>();

	private final SharedState shared;

	CintooTokens(String source, VendorHttp tokenEndpoint, String refreshToken, @Nullable Path tokenFile, Clock clock,
			SharedState shared) {
		this.shared = shared;
		this.source = source;
		this.tokenEndpoint = tokenEndpoint;
		this.tokenFile = tokenFile;
		this.clock = clock;
		this.refreshToken = new AtomicReference<>(refreshToken);
	}

	@Override
	public Mono<Credential> credential() {
		AccessToken token = this.current.get();
		if (token != null && lives(token.expiresAt())) {
			return Mono.just(token);
		}
		return refresh().map((fresh) -> fresh);
	}

	@Override
	public boolean renewAfterRejection(Credential refused) {
		// Drop the refused token, unless another caller has already replaced it.
		if (refused instanceof AccessToken token) {
			this.refused.set(token.value());
			this.current.compareAndSet(token, null);
			return true;
		}
		return false;
	}

	private Mono<AccessToken> refresh() {
		return Mono.defer(() -> {
			while (true) {
				Mono<AccessToken> running = this.inflight.get();
				if (running != null) {
					return running;
				}
				AccessToken token = this.current.get();
				if (token != null && lives(token.expiresAt())) {
					return Mono.just(token);
				}
				AtomicReference<@Nullable Mono<AccessToken>> self = new AtomicReference<>();
				// Done before the token reaches anyone: a caller the vendor refuses it to
				// must
				// start a new exchange, not be handed this one's answer again.
				Mono<AccessToken> fresh = this.shared.locked(this.source, LOCK_HOLD, this::sharedOrExchange)
					.doOnNext((answer) -> this.inflight.compareAndSet(self.get(), null))
					.doFinally((signal) -> this.inflight.compareAndSet(self.get(), null))
					.cache();
				self.set(fresh);
				if (this.inflight.compareAndSet(null, fresh)) {
					return fresh;
				}
			}
		});
	}

	/**
	 * Under the replicas' lock: take the tokens another replica rotated, if their access
	 * token still lives; otherwise exchange the newest refresh token and share the
	 * result.
	 */
	private Mono<AccessToken> sharedOrExchange() {
		return this.shared.tokens(this.source)
			.flatMap(this::adopt)
			.switchIfEmpty(Mono.defer(() -> exchange().flatMap(
					(token) -> this.shared
						.saveTokens(this.source,
								new SharedState.Tokens(String.valueOf(this.refreshToken.get()), token.value(),
										token.expiresAt()))
						.thenReturn(token))));
	}

	/**
	 * Takes the newest shared refresh token, and the shared access token while it lives
	 * (unless this replica was just refused it).
	 */
	private Mono<AccessToken> adopt(SharedState.Tokens tokens) {
		String known = this.refreshToken.getAndSet(tokens.refreshToken());
		// A token another replica rotated is the newest: keep it in this replica's file
		// too, so a restart while Redis is away does not present a used one.
		Mono<Void> saved = tokens.refreshToken().equals(known) ? Mono.empty() : persist(tokens.refreshToken());
		if (tokens.accessToken() == null || tokens.expiresAt() == null || !lives(tokens.expiresAt())
				|| tokens.accessToken().equals(this.refused.get())) {
			return saved.then(Mono.empty());
		}
		AccessToken token = new AccessToken(tokens.accessToken(), tokens.expiresAt());
		return saved.then(Mono.fromSupplier(() -> {
			this.current.set(token);
			return token;
		}));
	}

	/** Whether a token expiring then is still good for a call, with room to spare. */
	private boolean lives(Instant expiresAt) {
		return expiresAt.isAfter(this.clock.instant().plus(REFRESH_AHEAD));
	}

	private Mono<AccessToken> exchange() {
		String used = this.refreshToken.get();
		String form = "grant_type=refresh_token&refresh_token="
				+ java.net.URLEncoder.encode(used, StandardCharsets.UTF_8);
		return this.tokenEndpoint
			.send(HttpMethod.POST, (h) -> h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON)),
					form.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_FORM_URLENCODED, "/oauth/token")
			.flatMap((body) -> this.tokenEndpoint.decode(body,
					(bytes) -> VendorJson.mapper().readValue(bytes, CintooWire.TokenAnswer.class)))
			.flatMap((answer) -> {
				if (answer.accessToken() == null || answer.refreshToken() == null) {
					return Mono.error(new SourceException(this.source, SourceException.Code.SOURCE_BAD_RESPONSE,
							"Source '" + this.source + "' answered the token refresh without tokens"));
				}
				this.refreshToken.set(answer.refreshToken());
				AccessToken token = new AccessToken(answer.accessToken(), expiry(answer));
				return persist(answer.refreshToken()).then(Mono.fromSupplier(() -> {
					this.current.set(token);
					return token;
				}));
			});
	}

	private Instant expiry(CintooWire.TokenAnswer answer) {
		Instant exp = JwtClaims.expiry(answer.accessToken());
		if (exp != null) {
			return exp;
		}
		long seconds = (answer.expiresIn() != null) ? answer.expiresIn() : 0;
		return this.clock.instant().plusSeconds(seconds);
	}

	private Mono<Void> persist(String token) {
		Path file = this.tokenFile;
		if (file == null) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(() -> TokenFiles.write(file, token))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnSuccess((done) -> this.tokenEndpoint.health().problem(null))
			.onErrorResume((ex) -> {
				String problem = "Source '" + this.source + "' could not save its rotated refresh token to "
						+ file.getFileName() + " (" + ex.getClass().getSimpleName()
						+ "); after a restart it will need a new refresh token";
				logger.error(problem);
				this.tokenEndpoint.health().problem(problem);
				return Mono.empty();
			});
	}

	/**
	 * An access token and when it expires.
	 */
	record AccessToken(String value, Instant expiresAt) implements Credential {

		@Override
		public void accept(HttpHeaders headers) {
			headers.setBearerAuth(this.value);
		}

		@Override
		public String toString() {
			return "AccessToken[****, expiresAt=" + this.expiresAt + "]";
		}

	}

}
