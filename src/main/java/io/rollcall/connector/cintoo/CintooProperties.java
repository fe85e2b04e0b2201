package io.rollcall.connector.cintoo;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A Cintoo source's own properties, under {@code rollcall.sources.<id>}.
 *
 * @param accountId the Cintoo account id
 * @param accessToken a fixed access token
 * @param refreshToken a refresh token, rotated on every use
 * @param tokenFile where the rotated refresh token is kept; default
 * {@code data/<id>.refresh-token}
 */
public record CintooProperties(@Nullable String accountId, @Nullable String accessToken, @Nullable String refreshToken,
		@Nullable Path tokenFile) {

	/**
	 * Where the source keeps its rotated refresh token.
	 * @param id the source id
	 * @return {@code token-file}, or {@code data/<id>.refresh-token}
	 */
	Path tokenFileOrDefault(String id) {
		return (this.tokenFile != null) ? this.tokenFile : Path.of("data", id + ".refresh-token");
	}

	/** Never shows a token. */
	@Override
	public String toString() {
		return "CintooProperties[accountId=" + this.accountId + ", tokenFile=" + this.tokenFile + ", tokens=****]";
	}

}
