package io.rollcall.connector.testmo;

import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.VendorAuth;
import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Connector;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;

/**
 * Builds the connector of a Testmo source.
 */
public final class TestmoConnectors {

	/** Testmo's 429 without Retry-After means: wait a minute. */
	static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

	private TestmoConnectors() {
	}

	/**
	 * Makes a Testmo connector.
	 * @param id the source id
	 * @param name the source's name
	 * @param token the API token
	 * @param http makes the source's exchanges
	 * @param concurrency how many pages or projects are read at once
	 * @return the connector
	 */
	public static Connector create(String id, String name, String token, HttpFactory http, int concurrency) {
		SourceInfo info = SourceInfo.of(id, Vendor.TESTMO, name);
		VendorAuth auth = VendorAuth.header("Authorization", "Bearer " + token);
		TestmoClient client = new TestmoClient(
				http.create(auth, DEFAULT_RETRY_AFTER_SECONDS, (body) -> VendorJson.errorField(body, "message")),
				concurrency);
		return new TestmoConnector(info, client, concurrency);
	}

}
