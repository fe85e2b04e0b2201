package io.rollcall.connector.codebase;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.VendorAuth;
import io.rollcall.domain.Connector;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;

/**
 * Builds the connector of a Codebase HQ account.
 */
public final class CodebaseConnectors {

	/** Assumed when a 429 carries no Retry-After. */
	static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

	private CodebaseConnectors() {
	}

	/**
	 * Makes a Codebase connector.
	 * @param id the source id
	 * @param name the source's name
	 * @param username the API user, {@code account/username}
	 * @param apiKey the API user's key
	 * @param http makes the source's exchanges
	 * @return the connector
	 */
	public static Connector create(String id, String name, String username, String apiKey, HttpFactory http) {
		SourceInfo info = SourceInfo.of(id, Vendor.CODEBASE, name);
		String basic = Base64.getEncoder().encodeToString((username + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
		VendorAuth auth = VendorAuth.header("Authorization", "Basic " + basic);
		return new CodebaseConnector(info, http.create(auth, DEFAULT_RETRY_AFTER_SECONDS, CodebaseXml::errors));
	}

}
