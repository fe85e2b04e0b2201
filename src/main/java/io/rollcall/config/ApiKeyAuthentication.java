package io.rollcall.config;

import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates {@code Authorization: Bearer <token>}: first as one of the configured API
 * keys (kept only as SHA-256 hashes, compared in constant time), then, when configured,
 * as an OAuth2 JWT whose roles claim names READ or ADMIN and that {@link JwtPolicy}
 * accepts.
 */
final class ApiKeyAuthentication implements ReactiveAuthenticationManager {

	/** Role of clients that may query. */
	static final String READ = "ROLE_READ";

	/** Role of clients that may also change things. */
	static final String ADMIN = "ROLE_ADMIN";

	private final List<Key> keys;

	private final @Nullable ReactiveJwtDecoder jwts;

	private final String rolesClaim;

	private final JwtPolicy policy;

	ApiKeyAuthentication(List<RollcallProperties.ApiKey> keys, @Nullable ReactiveJwtDecoder jwts, String rolesClaim,
			JwtPolicy policy) {
		List<Key> hashed = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			RollcallProperties.ApiKey key = keys.get(i);
			String property = "rollcall.security.api-keys[" + i + "]";
			if (key.key() == null || key.key().length() < 16) {
				throw new InvalidConfigurationException(property + ".key", "must be set, at least 16 characters long");
			}
			Settings.secret(property + ".key", key.key());
			Settings.text(property + ".name", key.name());
			String role = (key.role() != null) ? key.role().trim().toUpperCase(Locale.ROOT) : "";
			if (!role.equals("READ") && !role.equals("ADMIN")) {
				throw new InvalidConfigurationException(property + ".role", "must be READ or ADMIN");
			}
			String name = clientName(key, i);
			hashed.add(new Key(name, sha256(key.key()), role.equals("ADMIN") ? List.of(READ, ADMIN) : List.of(READ)));
		}
		this.keys = List.copyOf(hashed);
		this.jwts = jwts;
		this.rolesClaim = rolesClaim;
		this.policy = policy;
	}

	boolean configured() {
		return !this.keys.isEmpty() || this.jwts != null;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return Mono.empty();
		}
		String token = bearer.getToken();
		byte[] presented = sha256(token);
		Key match = null;
		for (Key key : this.keys) {
			// Every key is compared, matched or not, so timing says nothing about which.
			if (MessageDigest.isEqual(presented, key.hash()) && match == null) {
				match = key;
			}
		}
		if (match != null) {
			return Mono.just(new ApiKeyToken(match.name(), match.roles()));
		}
		if (this.jwts == null) {
			return Mono.error(new BadCredentialsException("Unknown API key"));
		}
		return this.jwts.decode(token)
			.onErrorMap((ex) -> new BadCredentialsException("Invalid bearer token"))
			.map((jwt) -> {
				this.policy.check(jwt);
				return new JwtAuthenticationToken(jwt, roles(jwt),
						Objects.requireNonNullElse(jwt.getSubject(), "unnamed"));
			});
	}

	private Collection<GrantedAuthority> roles(Jwt jwt) {
		Object claim = jwt.getClaims().get(this.rolesClaim);
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> collection) {
			collection.forEach((value) -> values.add(String.valueOf(value)));
		}
		else if (claim instanceof String text) {
			values.addAll(List.of(text.split("[ ,]+")));
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String value : values) {
			String role = value.trim().toUpperCase(Locale.ROOT);
			if (role.equals("ADMIN")) {
				authorities.add(new SimpleGrantedAuthority(READ));
				authorities.add(new SimpleGrantedAuthority(ADMIN));
			}
			else if (role.equals("READ")) {
				authorities.add(new SimpleGrantedAuthority(READ));
			}
		}
		return authorities;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The name a key's client goes by, in logs, the audit trail and its rate.
	 * @param key the key
	 * @param index its place in {@code rollcall.security.api-keys}
	 * @return its name, or {@code api-key-<index>} when it has none
	 */
	static String clientName(RollcallProperties.ApiKey key, int index) {
		return (key.name() != null && !key.name().isBlank()) ? key.name() : "api-key-" + index;
	}

	private record Key(String name, byte[] hash, List<String> roles) {

		@Override
		public String toString() {
			return "Key[" + this.name + "]";
		}

	}

	/**
	 * A client authenticated by API key; it holds the key's name, never the key.
	 */
	static final class ApiKeyToken extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final String name;

		ApiKeyToken(String name, List<String> roles) {
			super(roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role)).toList());
			this.name = name;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
