package io.rollcall.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.ratelimit.ClientRate;
import io.rollcall.ratelimit.RateLimiter;
import io.rollcall.ratelimit.SharedBuckets;
import io.rollcall.settings.InvalidConfigurationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who may call the gateway. Secure by default: outside demo mode, Rollcall does not start
 * without API keys or JWTs configured unless {@code rollcall.security.enabled=false}.
 * Every request to {@code /graphql} is authenticated before its body is read; queries
 * need READ, mutations ADMIN (checked per operation by {@code QueryLimits}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	@Bean
	ClientAccess clientAccess(RollcallProperties properties, SourcesConfiguration.DemoMode demo,
			ObjectProvider<ReactiveJwtDecoder> jwts, Clock clock) {
		RollcallProperties.Security security = properties.security();
		ApiKeyAuthentication authentication = new ApiKeyAuthentication(security.apiKeys(), jwts.getIfAvailable(),
				security.rolesClaim(),
				new JwtPolicy(security.jwt().requireExpiry(), security.jwt().clockSkew(), clock));
		if (!security.enabled()) {
			logger.warn("Client authentication is off (rollcall.security.enabled=false): anyone who can reach "
					+ "this port can read and change every source. Use this only on a trusted network.");
			return new ClientAccess(false, authentication);
		}
		if (!authentication.configured()) {
			if (demo.active()) {
				logger.warn("Demo mode: no client authentication is configured, so the demo answers anyone.");
				return new ClientAccess(false, authentication);
			}
			throw new InvalidConfigurationException("rollcall.security",
					"no client authentication is configured: set rollcall.security.api-keys, or JWT validation "
							+ "with spring.security.oauth2.resourceserver.jwt.*, or rollcall.security.enabled=false "
							+ "on a trusted network");
		}
		return new ClientAccess(true, authentication);
	}

	@Bean
	ClientRateLimits clientRateLimits(ClientAccess access, RollcallProperties properties,
			ObjectProvider<SharedBuckets> shared, ObjectProvider<MeterRegistry> meters,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		RollcallProperties.Security security = properties.security();
		ClientRate fallback = ClientRate.of("rollcall.security", security.rate(), security.burst());
		Map<String, ClientRate> rates = new LinkedHashMap<>();
		for (int i = 0; i < security.apiKeys().size(); i++) {
			RollcallProperties.ApiKey key = security.apiKeys().get(i);
			rates.put(ApiKeyAuthentication.clientName(key, i),
					ClientRate.of("rollcall.security.api-keys[" + i + "]",
							(key.rate() != null) ? key.rate() : security.rate(),
							(key.burst() != null) ? key.burst() : security.burst()));
		}
		// Without authentication there is no client to hold to a rate.
		RateLimiter limiter = access.enforced() ? new RateLimiter(rates, fallback, shared.getIfAvailable(),
				meters.getIfAvailable(SimpleMeterRegistry::new)) : null;
		return new ClientRateLimits(limiter, graphQlPath);
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ClientAccess access,
			RollcallProperties properties, SourcesConfiguration.DemoMode demo,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		http.cors((cors) -> cors.configurationSource(CrossOrigin.source(properties.cors(), graphQlPath, demo.active())))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		if (!access.enforced()) {
			// A trusted network (or the demo): every caller may do everything, health
			// details included.
			return http
				.anonymous((anonymous) -> anonymous.principal("anonymous")
					.authorities(ApiKeyAuthentication.READ, ApiKeyAuthentication.ADMIN))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.build();
		}
		http.anonymous(ServerHttpSecurity.AnonymousSpec::disable);
		ServerAuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(access.authentication());
		bearer.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
		bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
		return http.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((exchange, denied) -> GraphQlErrorAnswer.write(exchange, HttpStatus.FORBIDDEN,
						"FORBIDDEN", "This API key or token may not do this")))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.GET, "/graphiql", "/webjars/**", "/actuator/health", "/actuator/health/**",
						"/favicon.ico")
				.permitAll()
				.pathMatchers("/graphql")
				.hasAnyRole("READ", "ADMIN")
				// The audit trail says who changed what: ADMIN, as in auditLog.
				.pathMatchers(HttpMethod.GET, "/exports/audit.csv")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.GET, "/exports/accounts.csv", "/exports/access-changes.csv")
				.hasAnyRole("READ", "ADMIN")
				.pathMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.denyAll())
			.build();
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange,
			org.springframework.security.core.AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return GraphQlErrorAnswer.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
				"Authentication required: send Authorization: Bearer <API key or token>");
	}

	/**
	 * Whether clients must authenticate, and how they do.
	 *
	 * @param enforced whether authentication and roles are checked
	 * @param authentication how bearer tokens are checked
	 */
	record ClientAccess(boolean enforced, ApiKeyAuthentication authentication) {
	}

}
