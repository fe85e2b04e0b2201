package io.rollcall.connector.cintoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Cintoo's access tokens from a rotating, single-use refresh token. One refresh is in
 * flight at a time; a token is refreshed ahead of its JWT's {@code exp}; the rotated
 * refresh token is written atomically to the token file before it is relied on.
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

	/**
	 * The refresh token to start from: the token file's, when it holds one (it is newer
	 * than any configured token, which rotation has used up), else the configured one.
	 */
	static String initialRefreshToken(String configured, @Nullable Path tokenFile) {
		if (tokenFile != null && Files.isReadable(tokenFile)) {
			try {
				String saved = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
				if (!saved.isEmpty()) {
					return saved;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the token file " + tokenFile.getFileName(), ex);
			}
		}
		return configured;
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
			.switchIfEmpty(
					Mono.defer(() -> exchange().flatMap(
							(token) -> this.shared
								.saveTokens(this.source,
										new SharedState.Tokens(this.refreshToken.get(), token.value(),
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
		Instant exp = jwtExpiry(answer.accessToken());
		if (exp != null) {
			return exp;
		}
		long seconds = (answer.expiresIn() != null) ? answer.expiresIn() : 0;
		return this.clock.instant().plusSeconds(seconds);
	}

	/** The {@code exp} claim of a JWT, or null when the token is not a readable JWT. */
	static @Nullable Instant jwtExpiry(@Nullable String jwt) {
		if (jwt == null) {
			return null;
		}
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return null;
		}
		try {
			JsonNode claims = VendorJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
			JsonNode exp = (claims != null) ? claims.get("exp") : null;
			return (exp != null && exp.isNumber()) ? Instant.ofEpochSecond(exp.asLong()) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private Mono<Void> persist(String token) {
		Path file = this.tokenFile;
		if (file == null) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(() -> write(file, token))
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
	 * Writes beside the target, then moves over it: a crash leaves the old or the new
	 * token, never half.
	 */
	static void write(Path file, String token) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
			try {
				try {
					Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the directory's permissions apply.
				}
				Files.writeString(temp, token, StandardCharsets.UTF_8);
				try {
					Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
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
