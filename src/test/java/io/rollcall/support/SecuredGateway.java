package io.rollcall.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The gateway with client authentication on: a READ and an ADMIN API key (and a READ key
 * held to three requests a minute), two allowed browser origins, and debug logging (so
 * that tests can check secrets stay out of it). Every test class that needs security
 * shares this one configuration, and so one Spring context. Put it on a subclass of
 * {@link GatewayTestBase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = { "rollcall.security.enabled=true", "rollcall.security.api-keys[0].name=dashboards",
		"rollcall.security.api-keys[0].key=" + SecuredGateway.READ_KEY, "rollcall.security.api-keys[0].role=READ",
		"rollcall.security.api-keys[1].name=admin-console",
		"rollcall.security.api-keys[1].key=" + SecuredGateway.ADMIN_KEY, "rollcall.security.api-keys[1].role=ADMIN",
		"rollcall.security.api-keys[2].name=nightly-report",
		"rollcall.security.api-keys[2].key=" + SecuredGateway.LIMITED_KEY, "rollcall.security.api-keys[2].rate=3/m",
		"rollcall.security.api-keys[2].burst=3",
		"rollcall.cors.allowed-origins=https://admin.acme.example,https://*.apps.acme.example",
		"logging.level.io.rollcall=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.graphql=DEBUG", "logging.level.org.springframework.security=DEBUG",
		"logging.level.reactor.netty=DEBUG" })
public @interface SecuredGateway {

	/** An API key with the READ role. */
	String READ_KEY = "read-canary-3c9f1e7a2b";

	/** An API key with the ADMIN role. */
	String ADMIN_KEY = "admin-canary-8d2a6f0c4e";

	/** A READ key held to three requests a minute. */
	String LIMITED_KEY = "limited-canary-5b7e9d1f3a";

}
