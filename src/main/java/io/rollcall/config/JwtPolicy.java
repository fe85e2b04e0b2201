package io.rollcall.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What Rollcall asks of a JWT beyond its signature (which the decoder checks, with
 * {@code exp} and {@code nbf} when present): an {@code exp}, so that no token is good
 * forever, and an {@code iat} that is not in the future.
 *
 * @param requireExpiry whether a token without {@code exp} is refused
 * @param clockSkew how far the issuer's clock may run ahead of ours
 * @param clock our clock
 */
record JwtPolicy(boolean requireExpiry, Duration clockSkew, Clock clock) {

	/**
	 * Checks a decoded token.
	 * @param jwt the token
	 * @throws BadCredentialsException when the token is refused
	 */
	void check(Jwt jwt) {
		if (this.requireExpiry && jwt.getExpiresAt() == null) {
			throw new BadCredentialsException("The token has no exp claim");
		}
		Instant issuedAt = jwt.getIssuedAt();
		if (issuedAt != null && issuedAt.isAfter(this.clock.instant().plus(this.clockSkew))) {
			throw new BadCredentialsException("The token's iat claim is in the future");
		}
	}

}
