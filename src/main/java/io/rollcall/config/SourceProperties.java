package io.rollcall.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One upstream account, under {@code rollcall.sources.<id>}. Which credentials apply
 * depends on the vendor; {@link SourceValidation} checks them.
 *
 * @param vendor cintoo, testmo, codebase or periscope
 * @param name a readable name; default: the source id
 * @param baseUrl the vendor's base URL, https (plain http only for loopback)
 * @param accountId Cintoo: the account id
 * @param accessToken Cintoo: a fixed access token
 * @param refreshToken Cintoo: a refresh token, rotated on every use
 * @param tokenFile Cintoo: where the rotated refresh token is kept; default
 * {@code data/<id>.refresh-token}
 * @param token Testmo: the API token
 * @param username Codebase: the API user, {@code account/username}
 * @param apiKey Codebase and Periscope: the API key
 * @param site Periscope: the site name
 * @param invitedBy Periscope: the admin email sent as inviter and group creator
 * @param timeout the deadline for one whole vendor exchange, body included
 * @param connectTimeout the deadline for opening a connection
 * @param maxConnections connections to the vendor open at once; more calls wait
 * @param maxIdleTime idle connections are closed after this, before vendors drop them
 * @param maxResponseSize the largest vendor answer read
 * @param concurrency pages or projects read at once from a paged vendor
 * @param maxInlineRetryAfter a 429 asking to wait at most this long is waited out and the
 * read tried again; a longer wait puts the source in a cool-down in which it is not
 * called
 * @param breakerFailureRate percentage of failed calls (of the last 10, at least 5) that
 * opens the source's circuit breaker
 * @param breakerOpenFor how long an open breaker fails calls fast before it lets one
 * probe through
 * @param maxRetryAfter the longest cool-down a 429's {@code Retry-After} can start;
 * longer waits are cut to this
 * @param maxItems the most items one answer (or one paged list) may hold; more fails the
 * source with SOURCE_BAD_RESPONSE
 * @param maxPages the most pages of one paged list
 */
public record SourceProperties(@Nullable String vendor, @Nullable String name, @Nullable String baseUrl,
		@Nullable String accountId, @Nullable String accessToken, @Nullable String refreshToken,
		@Nullable Path tokenFile, @Nullable String token, @Nullable String username, @Nullable String apiKey,
		@Nullable String site, @Nullable String invitedBy, @DefaultValue("5s") Duration timeout,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("32") int maxConnections,
		@DefaultValue("30s") Duration maxIdleTime, @DefaultValue("64MB") DataSize maxResponseSize,
		@DefaultValue("16") int concurrency, @DefaultValue("1s") Duration maxInlineRetryAfter,
		@DefaultValue("50") int breakerFailureRate, @DefaultValue("30s") Duration breakerOpenFor,
		@DefaultValue("5m") Duration maxRetryAfter, @DefaultValue("100000") int maxItems,
		@DefaultValue("1000") int maxPages) {

	/**
	 * Where a Cintoo source keeps its rotated refresh token.
	 * @param id the source id
	 * @return {@code token-file}, or {@code data/<id>.refresh-token}
	 */
	public Path tokenFileOrDefault(String id) {
		return (this.tokenFile != null) ? this.tokenFile : Path.of("data", id + ".refresh-token");
	}

	/** Never shows a credential. */
	@Override
	public String toString() {
		return "SourceProperties[vendor=" + this.vendor + ", name=" + this.name + ", baseUrl=" + this.baseUrl
				+ ", credentials=****]";
	}

}
