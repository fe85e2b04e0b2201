package io.rollcall.connector.cintoo;

import java.nio.file.Path;
import java.time.Clock;

import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.SharedState;
import io.rollcall.connector.VendorAuth;
import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Connector;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Builds the connector of a Cintoo account.
 */
public final class CintooConnectors {

	/** Assumed when a 429 carries no Retry-After. */
	static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

	private CintooConnectors() {
	}

	/**
	 * Makes a Cintoo connector.
	 * @param id the source id
	 * @param name the source's name
	 * @param accountId the Cintoo account id
	 * @param accessToken a fixed access token, or null to use the refresh token
	 * @param refreshToken the refresh token, when no access token is given
	 * @param tokenFile where rotated refresh tokens are kept, or null
	 * @param http makes the source's exchanges
	 * @param clock the clock tokens expire by
	 * @return the connector
	 */
	public static Connector create(String id, String name, String accountId, @Nullable String accessToken,
			@Nullable String refreshToken, @Nullable Path tokenFile, HttpFactory http, Clock clock) {
		return create(id, name, accountId, accessToken, refreshToken, tokenFile, http, clock, SharedState.NONE);
	}

	/**
	 * Makes a Cintoo connector whose refresh token is shared with other replicas.
	 * @param id the source id
	 * @param name the source's name
	 * @param accountId the Cintoo account id
	 * @param accessToken a fixed access token, or null to use the refresh token
	 * @param refreshToken the refresh token, when no access token is given
	 * @param tokenFile where rotated refresh tokens are kept, or null
	 * @param http makes the source's exchanges
	 * @param clock the clock tokens expire by
	 * @param shared where replicas share tokens and hold the rotation lock
	 * @return the connector
	 */
	public static Connector create(String id, String name, String accountId, @Nullable String accessToken,
			@Nullable String refreshToken, @Nullable Path tokenFile, HttpFactory http, Clock clock,
			SharedState shared) {
		SourceInfo info = SourceInfo.of(id, Vendor.CINTOO, name);
		VendorAuth auth;
		if (accessToken != null) {
			auth = VendorAuth.header("Authorization", "Bearer " + accessToken);
		}
		else if (refreshToken != null) {
			VendorAuth.Credential anonymous = (headers) -> {
			};
			VendorAuth none = () -> Mono.just(anonymous);
			auth = new CintooTokens(id, http.create(none, DEFAULT_RETRY_AFTER_SECONDS, CintooConnectors::message),
					TokenFiles.initialRefreshToken(refreshToken, tokenFile), tokenFile, clock, shared);
		}
		else {
			throw new IllegalArgumentException("Cintoo needs an access token or a refresh token");
		}
		return new CintooConnector(info, http.create(auth, DEFAULT_RETRY_AFTER_SECONDS, CintooConnectors::message),
				accountId);
	}

	private static @Nullable String message(byte[] body) {
		return VendorJson.errorField(body, "message");
	}

}
