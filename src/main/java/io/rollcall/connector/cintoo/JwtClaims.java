package io.rollcall.connector.cintoo;

import java.time.Instant;
import java.util.Base64;

import io.rollcall.connector.VendorJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the claims of Cintoo's access tokens (JWTs) without checking their signature: the
 * gateway only needs to know when a token it was given expires.
 */
final class JwtClaims {

	private JwtClaims() {
	}

	/** The {@code exp} claim of a JWT, or null when the token is not a readable JWT. */
	static @Nullable Instant expiry(@Nullable String jwt) {
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

}
