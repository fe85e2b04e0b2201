package io.rollcall.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One upstream account, under {@code rollcall.sources.<id>}: what every source has. The
 * vendor's own properties (credentials, mostly) sit beside these and are bound and
 * checked by the vendor's module.
 *
 * @param vendor the vendor, one of {@link io.rollcall.domain.Vendor}'s in lower case
 * @param name a readable name; default: the source id
 * @param baseUrl the vendor's base URL, https (plain http only for loopback)
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
		@DefaultValue("5s") Duration timeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("32") int maxConnections, @DefaultValue("30s") Duration maxIdleTime,
		@DefaultValue("64MB") DataSize maxResponseSize, @DefaultValue("16") int concurrency,
		@DefaultValue("1s") Duration maxInlineRetryAfter, @DefaultValue("50") int breakerFailureRate,
		@DefaultValue("30s") Duration breakerOpenFor, @DefaultValue("5m") Duration maxRetryAfter,
		@DefaultValue("100000") int maxItems, @DefaultValue("1000") int maxPages) {

}
