package io.rollcall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server per vendor, serving the payload files under
 * {@code src/test/resources/wiremock/<vendor>/}, shared by every test in the JVM (as the
 * Spring context that points at them is).
 */
public final class VendorStubs {

	/** The refresh token the Cintoo stub accepts once. */
	public static final String CINTOO_REFRESH_TOKEN = "rt-1";

	private static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();

	private static final Path TOKEN_DIR;

	static {
		for (String vendor : new String[] { "cintoo", "testmo", "codebase", "periscope" }) {
			WireMockServer server = new WireMockServer(
					options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + vendor));
			server.start();
			SERVERS.put(vendor, server);
		}
		try {
			TOKEN_DIR = Files.createTempDirectory("rollcall-tests-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.values().forEach(WireMockServer::stop)));
	}

	private VendorStubs() {
	}

	public static WireMockServer cintoo() {
		return SERVERS.get("cintoo");
	}

	public static WireMockServer testmo() {
		return SERVERS.get("testmo");
	}

	public static WireMockServer codebase() {
		return SERVERS.get("codebase");
	}

	public static WireMockServer periscope() {
		return SERVERS.get("periscope");
	}

	public static Map<String, WireMockServer> all() {
		return SERVERS;
	}

	/** Back to the stubs in the payload files, with no requests recorded. */
	public static void reset() {
		SERVERS.values().forEach((server) -> {
			server.resetToDefaultMappings();
			server.resetRequests();
		});
	}

	/** Vendor calls received since the last reset, by vendor. */
	public static Map<String, Integer> calls() {
		Map<String, Integer> calls = new LinkedHashMap<>();
		SERVERS.forEach((vendor, server) -> calls.put(vendor, server.getAllServeEvents().size()));
		return calls;
	}

	/**
	 * Vendor API calls since the last reset, by vendor, leaving out Cintoo's token
	 * exchange.
	 */
	public static Map<String, Integer> apiCalls() {
		Map<String, Integer> calls = new LinkedHashMap<>();
		SERVERS.forEach((vendor, server) -> calls.put(vendor,
				(int) server.getAllServeEvents()
					.stream()
					.filter((event) -> !event.getRequest().getUrl().startsWith("/oauth/"))
					.count()));
		return calls;
	}

	public static int totalCalls() {
		return calls().values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Points one source per vendor at the stubs: {@code cintoo}, {@code testmo},
	 * {@code codebase}, and two Periscope sites, {@code periscope-eu} and
	 * {@code periscope-us} (which has no users).
	 */
	public static void register(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * The properties of {@link #register}, for applications started by hand.
	 * @return property names and values
	 */
	public static Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("rollcall.sources.cintoo.vendor", "cintoo");
		properties.put("rollcall.sources.cintoo.base-url", cintoo().baseUrl());
		properties.put("rollcall.sources.cintoo.account-id", "acct-1");
		properties.put("rollcall.sources.cintoo.refresh-token", CINTOO_REFRESH_TOKEN);
		properties.put("rollcall.sources.cintoo.token-file",
				TOKEN_DIR.resolve("cintoo-" + System.nanoTime() + ".refresh-token").toString());
		properties.put("rollcall.sources.testmo.vendor", "testmo");
		properties.put("rollcall.sources.testmo.base-url", testmo().baseUrl());
		properties.put("rollcall.sources.testmo.token", "testmo-token");
		properties.put("rollcall.sources.codebase.vendor", "codebase");
		properties.put("rollcall.sources.codebase.base-url", codebase().baseUrl());
		properties.put("rollcall.sources.codebase.username", "acme/dan");
		properties.put("rollcall.sources.codebase.api-key", "codebase-key");
		properties.put("rollcall.sources.periscope-eu.vendor", "periscope");
		properties.put("rollcall.sources.periscope-eu.name", "Periscope (EU)");
		properties.put("rollcall.sources.periscope-eu.base-url", periscope().baseUrl());
		properties.put("rollcall.sources.periscope-eu.site", "acme-eu");
		properties.put("rollcall.sources.periscope-eu.api-key", "periscope-key");
		properties.put("rollcall.sources.periscope-eu.invited-by", "admin@example.com");
		// A second Periscope site on the same stub server, under /us, with no users yet.
		properties.put("rollcall.sources.periscope-us.vendor", "periscope");
		properties.put("rollcall.sources.periscope-us.base-url", periscope().baseUrl() + "/us");
		properties.put("rollcall.sources.periscope-us.site", "acme-us");
		properties.put("rollcall.sources.periscope-us.api-key", "periscope-us-key");
		properties.put("rollcall.sources.periscope-us.invited-by", "admin@example.com");
		for (String source : new String[] { "cintoo", "testmo", "codebase", "periscope-eu", "periscope-us" }) {
			properties.put("rollcall.sources." + source + ".timeout", "1s");
			properties.put("rollcall.sources." + source + ".breaker-open-for", "2s");
		}
		return properties;
	}

}
