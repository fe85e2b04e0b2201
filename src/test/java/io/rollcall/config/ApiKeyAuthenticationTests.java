package io.rollcall.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.rollcall.settings.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final JwtPolicy POLICY = new JwtPolicy(true, Duration.ofSeconds(60),
			Clock.fixed(NOW, ZoneOffset.UTC));

	/**
	 * Signed tokens as the decoder would hand them over, by token value: {@code exp} and
	 * {@code iat} as named (offsets from now, in seconds; "none" for no claim).
	 */
	private final ReactiveJwtDecoder jwts = (token) -> {
		if (token.equals("bad.jwt")) {
			return Mono.error(new JwtException("bad"));
		}
		String[] claims = token.split("\\.");
		Jwt.Builder jwt = Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("ci-pipeline")
			.claim("scope_roles", List.of("admin"));
		if (!claims[0].equals("none")) {
			jwt.expiresAt(NOW.plusSeconds(Long.parseLong(claims[0])));
		}
		if (!claims[1].equals("none")) {
			jwt.issuedAt(NOW.plusSeconds(Long.parseLong(claims[1])));
		}
		return Mono.just(jwt.build());
	};

	private final ApiKeyAuthentication authentication = new ApiKeyAuthentication(
			List.of(new RollcallProperties.ApiKey("dashboards", READ_KEY, "read", null, null)), this.jwts,
			"scope_roles", POLICY);

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
		Authentication result = authenticate("60.0");
		assertThat(result.getName()).isEqualTo("ci-pipeline");
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_READ", "ROLE_ADMIN");
	}

	@Test
	void anythingElseIsRefused() {
		assertThatThrownBy(() -> authenticate("bad.jwt")).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(
				() -> new ApiKeyAuthentication(List.of(new RollcallProperties.ApiKey("x", "short", "READ", null, null)),
						null, "roles", POLICY))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("rollcall.security.api-keys[0].key: must be set, at least 16 characters long");
		assertThatThrownBy(() -> new ApiKeyAuthentication(
				List.of(new RollcallProperties.ApiKey("x", "long-enough-key-123", "OWNER", null, null)), null, "roles",
				POLICY))
			.hasMessage("rollcall.security.api-keys[0].role: must be READ or ADMIN");
	}

	@ParameterizedTest(name = "exp {0}, iat {1}: accepted {2}")
	@CsvSource({ "60, 0, true", "3600, -60, true", "60, none, true", "60, 50, true", "none, 0, false",
			"none, none, false", "3600, 120, false", "315360060, 315360000, false" })
	void jwtsNeedAnExpiryAndAnIssueTimeThatIsNotInTheFuture(String exp, String iat, boolean accepted) {
		String token = exp + "." + iat;
		if (accepted) {
			assertThat(authenticate(token).getName()).isEqualTo("ci-pipeline");
		}
		else {
			assertThatThrownBy(() -> authenticate(token)).isInstanceOf(BadCredentialsException.class);
		}
	}

	@Test
	void tokensWithoutExpiryAreAcceptedOnlyWhenConfiguredSo() {
		ApiKeyAuthentication lenient = new ApiKeyAuthentication(List.of(), this.jwts, "scope_roles",
				new JwtPolicy(false, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC)));
		assertThat(lenient.authenticate(new BearerTokenAuthenticationToken("none.0")).block().getName())
			.isEqualTo("ci-pipeline");
	}

	private Authentication authenticate(String token) {
		return this.authentication.authenticate(new BearerTokenAuthenticationToken(token)).block();
	}

}
