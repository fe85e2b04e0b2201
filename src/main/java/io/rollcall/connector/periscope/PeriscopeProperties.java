package io.rollcall.connector.periscope;

import org.jspecify.annotations.Nullable;

/**
 * A Periscope (Sisense) site's own properties, under {@code rollcall.sources.<id>}.
 *
 * @param site the site's name
 * @param apiKey the site's API key
 * @param invitedBy the admin email sent as inviter and group creator
 */
public record PeriscopeProperties(@Nullable String site, @Nullable String apiKey, @Nullable String invitedBy) {

	/** Never shows the key. */
	@Override
	public String toString() {
		return "PeriscopeProperties[site=" + this.site + ", invitedBy=" + this.invitedBy + ", apiKey=****]";
	}

}
