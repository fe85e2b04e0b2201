package io.rollcall.connector.periscope;

import io.rollcall.connector.HttpFactory;
import io.rollcall.connector.VendorAuth;
import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Connector;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * Builds the connector of a Periscope site.
 */
public final class PeriscopeConnectors {

	/** Assumed when a 429 carries no Retry-After. */
	static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

	private PeriscopeConnectors() {
	}

	/**
	 * Makes a Periscope connector.
	 * @param id the source id
	 * @param name the source's name
	 * @param site the site name
	 * @param apiKey the site's API key
	 * @param invitedBy the admin email sent as the inviter and group creator, or null
	 * (then the source cannot invite or create groups)
	 * @param http makes the source's exchanges
	 * @return the connector
	 */
	public static Connector create(String id, String name, String site, String apiKey, @Nullable String invitedBy,
			HttpFactory http) {
		SourceInfo info = SourceInfo.of(id, Vendor.PERISCOPE, name);
		VendorAuth auth = VendorAuth.header("HTTP-X-PARTNER-AUTH", site + ":" + apiKey);
		return new PeriscopeConnector(info,
				http.create(auth, DEFAULT_RETRY_AFTER_SECONDS, (body) -> VendorJson.errorField(body, "error")),
				invitedBy);
	}

}
