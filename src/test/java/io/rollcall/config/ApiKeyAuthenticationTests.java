package io.rollcall.config;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API keys and JWTs as client credentials.
 */
class ApiKeyAuthenticationTests {

	private static final String READ_KEY = "read-key-0123456789";

	private final ReactiveJwtDecoder jwts = (token) -> token.equals("good.jwt") ? Mono.just(Jwt.withTokenValue(token)
		.header("alg", "RS256")
		.subject("ci-pipeline")
		.claim("scope_roles", List.of("admin"))
		.issuedAt(Instant.now())
		.expiresAt(Instant.now().plusSeconds(60))
		.build()) : Mono.error(new JwtException("bad"));

	private final ApiKeyAuthentication authentication = new ApiKeyAuthentication(
			List.of(new RollcallProperties.ApiKey("dashboards", READ_KEY, "read")), this.jwts, "scope_roles");

	@Test
	void anApiKeyAuthenticatesWithItsNameAndRole() {
		Authentication result = authenticate(READ_KEY);
		assertThat(result.getName()).isEqualTo("dashboards");
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_READ");
		assertThat(result.getCredentials()).isEqualTo("");
		assertThat(result.toString()).doesNotContain(READ_KEY);
	}

	@Test
	void aJwtTakesItsRolesFromTheConfiguredClaim() {
		Authentication result = authenticate("good.jwt");
		assertThat(result.getName()).isEqualTo("ci-pipeline");
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_READ", "ROLE_ADMIN");
	}

	@Test
	void anythingElseIsRefused() {
		assertThatThrownBy(() -> authenticate("bad.jwt")).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> new ApiKeyAuthentication(List.of(new RollcallProperties.ApiKey("x", "short", "READ")),
				null, "roles"))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("rollcall.security.api-keys[0].key: must be set, at least 16 characters long");
		assertThatThrownBy(() -> new ApiKeyAuthentication(
				List.of(new RollcallProperties.ApiKey("x", "long-enough-key-123", "OWNER")), null, "roles"))
			.hasMessage("rollcall.security.api-keys[0].role: must be READ or ADMIN");
	}

	private Authentication authenticate(String token) {
		return this.authentication.authenticate(new BearerTokenAuthenticationToken(token)).block();
	}

}
