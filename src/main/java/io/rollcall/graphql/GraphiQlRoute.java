package io.rollcall.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, with every asset served from the jar (no CDN), opening
 * with the "everyone with access" example, a few others in tabs beside it (one person's
 * access, the access review, the audit trail, bulk offboarding), and a header editor for
 * {@code Authorization}.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlRoute {

	static final String EXAMPLE = "graphql/operations/everyoneWithAccess.graphql";

	/** The examples GraphiQL opens as tabs beside the first. */
	static final List<String> TABS = List.of("personAccess", "accessReview", "auditTrail", "bulkOffboarding");

	@Bean
	@ConditionalOnProperty(name = "rollcall.graphiql.enabled", havingValue = "true", matchIfMissing = true)
	RouterFunction<ServerResponse> graphiQl(TrustedDocuments trusted) {
		if (trusted.trustedOnly()) {
			// GraphiQL sends documents as people type them, which trusted-only refuses.
			return RouterFunctions.route().GET("/graphiql", (request) -> ServerResponse.notFound().build()).build();
		}
		String page = page();
		String etag = "\"" + TrustedDocuments.sha256(page).substring(0, 32) + "\"";
		return RouterFunctions.route()
			.GET("/graphiql", (request) -> request.checkNotModified(etag)
				.switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
					.contentType(MediaType.TEXT_HTML)
					// Checked on every load, answered 304 while the build is the same.
					.cacheControl(CacheControl.noCache())
					.eTag(etag)
					.header("Content-Security-Policy",
							"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
									+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'")
					.bodyValue(page))))
			.build();
	}

	private static String page() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("endpoint", "/graphql");
		defaults.put("query", read(EXAMPLE));
		List<Map<String, String>> tabs = new ArrayList<>(List.of(Map.of("query", read(EXAMPLE))));
		TABS.forEach((name) -> tabs.add(Map.of("query", read("graphql/operations/" + name + ".graphql"))));
		defaults.put("tabs", tabs);
		// The header editor is open: paste {"Authorization": "Bearer <key>"} when
		// security is on.
		defaults.put("headers", "{}");
		defaults.put("showHeaders", true);
		// Safe inside a <script> element: no "</" can close it early.
		String json = JsonMapper.builder().build().writeValueAsString(defaults).replace("</", "<\\/");
		return read("graphiql/index.html").replace("@graphiql.version@", Versions.GRAPHIQL)
			.replace("@react.version@", Versions.REACT)
			.replace("@defaults@", json);
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The versions of the GraphiQL and React web jars the page loads.
	 */
	static final class Versions {

		static final String GRAPHIQL = "2.4.7";

		static final String REACT = "18.3.1";

		private Versions() {
		}

	}

}
