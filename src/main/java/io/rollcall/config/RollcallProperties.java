package io.rollcall.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.rollcall.history.Snapshots;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Rollcall's configuration, under {@code rollcall}.
 *
 * @param sources the upstream accounts, by source id; none means demo mode
 * @param cache how long vendor answers are kept
 * @param security who may call the gateway
 * @param limits what a single request may ask for
 * @param server what a single client connection may hold
 * @param cors which browser apps on other origins may call the gateway
 * @param answers whole answers kept for queries asked again
 * @param bulk how bulk invitations and removals are taken and carried out
 * @param history where snapshots and the audit trail are kept
 * @param documents which documents run: any, or only those known in advance
 */
@ConfigurationProperties("rollcall")
public record RollcallProperties(Map<String, SourceProperties> sources, @DefaultValue Cache cache,
		@DefaultValue Security security, @DefaultValue Limits limits, @DefaultValue Server server,
		@DefaultValue Cors cors, @DefaultValue Answers answers, @DefaultValue Bulk bulk, @DefaultValue History history,
		@DefaultValue Documents documents) {

	public RollcallProperties {
		sources = (sources != null) ? new TreeMap<>(sources) : Map.of();
	}

	/**
	 * Vendor answers, kept per source.
	 *
	 * @param ttl served without asking the vendor again
	 * @param refreshAhead older than this: served, and refreshed in the background
	 * @param maxStale when refreshing fails, the last good answer is served this long
	 */
	public record Cache(@DefaultValue("5m") Duration ttl, @DefaultValue("1m") Duration refreshAhead,
			@DefaultValue("15m") Duration maxStale) {

		public Cache {
			Settings.positive("rollcall.cache.ttl", ttl);
			Settings.positive("rollcall.cache.refresh-ahead", refreshAhead);
			Settings.positive("rollcall.cache.max-stale", maxStale);
			if (refreshAhead.compareTo(ttl) >= 0) {
				throw new InvalidConfigurationException("rollcall.cache.refresh-ahead",
						"must be shorter than rollcall.cache.ttl (" + ttl + "), or answers are never refreshed ahead");
			}
			if (maxStale.compareTo(ttl) < 0) {
				throw new InvalidConfigurationException("rollcall.cache.max-stale",
						"must be at least rollcall.cache.ttl (" + ttl + ")");
			}
		}

	}

	/**
	 * Whole answers, kept for queries asked again as long as every list they were
	 * computed from is current.
	 *
	 * @param maxSize the most the kept answers may hold (their JSON size); 0 turns the
	 * answer cache off
	 */
	public record Answers(@DefaultValue("64MB") DataSize maxSize) {

		public Answers {
			Settings.between("rollcall.answers.max-size", maxSize, DataSize.ofBytes(0), DataSize.ofGigabytes(4));
		}

	}

	/**
	 * Client authentication.
	 *
	 * @param enabled whether clients must authenticate; false only for a trusted network
	 * @param apiKeys the API keys clients may send as {@code Authorization: Bearer <key>}
	 * @param rolesClaim the JWT claim holding a client's roles (READ, ADMIN), when JWTs
	 * are configured through {@code spring.security.oauth2.resourceserver.jwt.*}
	 * @param jwt what a JWT must hold besides a valid signature
	 * @param rate the request rate of a client without its own, e.g. {@code 10/s} or
	 * {@code 600/m}
	 * @param burst how many requests such a client may send at once, beyond its rate
	 */
	public record Security(@DefaultValue("true") boolean enabled, List<ApiKey> apiKeys,
			@DefaultValue("roles") String rolesClaim, @DefaultValue Jwt jwt, @DefaultValue("10/s") String rate,
			@DefaultValue("50") int burst) {

		public Security {
			apiKeys = (apiKeys != null) ? List.copyOf(apiKeys) : List.of();
		}

	}

	/**
	 * What a JWT must hold besides a valid signature.
	 *
	 * @param requireExpiry refuse tokens without {@code exp}: they would be good forever
	 * @param clockSkew how far an issuer's clock may run ahead; a token issued
	 * ({@code iat}) further in the future is refused
	 */
	public record Jwt(@DefaultValue("true") boolean requireExpiry, @DefaultValue("60s") Duration clockSkew) {

		public Jwt {
			Settings.notNegative("rollcall.security.jwt.clock-skew", clockSkew);
		}

	}

	/**
	 * Limits on one GraphQL request, enforced before any vendor is called.
	 *
	 * @param maxDocumentSize the longest document, in characters
	 * @param maxTokens the most grammar tokens the parser reads
	 * @param maxFields the most fields and fragment spreads once fragments are expanded,
	 * each fragment counted every time it is spread
	 * @param maxDepth the deepest field nesting
	 * @param maxAliases the most aliased fields
	 * @param maxRootFields the most fields at the root of the operation
	 * @param maxDirectives the most directives
	 * @param maxCost the highest cost: each field counts once per item it can repeat for,
	 * taking connections' {@code first} (default 50) and lists as 10 items
	 */
	public record Limits(@DefaultValue("20000") int maxDocumentSize, @DefaultValue("3000") int maxTokens,
			@DefaultValue("2000") int maxFields, @DefaultValue("12") int maxDepth, @DefaultValue("30") int maxAliases,
			@DefaultValue("10") int maxRootFields, @DefaultValue("20") int maxDirectives,
			@DefaultValue("50000") int maxCost) {

		public Limits {
			Settings.between("rollcall.limits.max-document-size", maxDocumentSize, 1, 10_000_000);
			Settings.between("rollcall.limits.max-tokens", maxTokens, 1, 1_000_000);
			Settings.between("rollcall.limits.max-fields", maxFields, 1, 1_000_000);
			Settings.between("rollcall.limits.max-depth", maxDepth, 1, 100);
			Settings.between("rollcall.limits.max-aliases", maxAliases, 0, 10_000);
			Settings.between("rollcall.limits.max-root-fields", maxRootFields, 1, 10_000);
			Settings.between("rollcall.limits.max-directives", maxDirectives, 0, 10_000);
			Settings.between("rollcall.limits.max-cost", maxCost, 1, Integer.MAX_VALUE);
		}

	}

	/**
	 * Bulk invitations and removals ({@code inviteUsers}, {@code removeUsers}).
	 *
	 * @param maxPeople the most people one request may name
	 * @param concurrency the most changes one request has in flight at a source
	 * @param maxWait the longest pause a source may ask for (a 429's Retry-After) that a
	 * request waits out; after a longer one, the source's remaining changes are reported
	 * rate-limited and not sent
	 */
	public record Bulk(@DefaultValue("500") int maxPeople, @DefaultValue("4") int concurrency,
			@DefaultValue("10s") Duration maxWait) {

		public Bulk {
			Settings.between("rollcall.bulk.max-people", maxPeople, 1, 10_000);
			Settings.between("rollcall.bulk.concurrency", concurrency, 1, 64);
			Settings.between("rollcall.bulk.max-wait", maxWait, Duration.ZERO, Duration.ofMinutes(10));
		}

	}

	/**
	 * Documents known in advance: trusted documents and automatic persisted queries.
	 *
	 * @param manifest a manifest of documents by hash ({@code file:...} or
	 * {@code classpath:...}), in Relay's, GraphQL Codegen's or Apollo's format
	 * @param mode {@code any} (persisted queries are remembered as clients send them) or
	 * {@code trusted-only} (only the examples and the manifest's documents run); by
	 * default {@code trusted-only} in the production profile when a manifest is given,
	 * else {@code any}
	 */
	public record Documents(@Nullable String manifest, @Nullable String mode) {

		public Documents {
			Settings.text("rollcall.documents.manifest", manifest);
			if (mode != null && !mode.equals("any") && !mode.equals("trusted-only")) {
				throw new InvalidConfigurationException("rollcall.documents.mode",
						"must be any or trusted-only (was '" + mode + "')");
			}
		}

	}

	/**
	 * Access history: snapshots of every account and the audit trail, in a relational
	 * database.
	 *
	 * @param enabled whether history is kept at all
	 * @param url the database's JDBC URL: embedded H2 in {@code data/} by default,
	 * {@code jdbc:postgresql://...} in production
	 * @param username the database user
	 * @param password the database user's password
	 * @param snapshotEvery how often a snapshot is taken on its own; none by default (30
	 * seconds in demo mode)
	 * @param keep how many snapshots are kept (a count, e.g. {@code 1000}) or for how
	 * long (a duration, e.g. {@code 400d})
	 */
	public record History(@DefaultValue("true") boolean enabled,
			@DefaultValue("jdbc:h2:file:./data/rollcall-history") String url, @Nullable String username,
			@Nullable String password, @Nullable Duration snapshotEvery, @DefaultValue("1000") String keep) {

		public History {
			Settings.text("rollcall.history.url", url);
			if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
				throw new InvalidConfigurationException("rollcall.history.url",
						"must be a jdbc:h2: (embedded) or jdbc:postgresql: URL");
			}
			Settings.text("rollcall.history.username", username);
			Settings.secret("rollcall.history.password", password);
			if (snapshotEvery != null) {
				Settings.between("rollcall.history.snapshot-every", snapshotEvery, Duration.ofSeconds(10),
						Duration.ofDays(31));
			}
			retention(keep);
		}

		/**
		 * What {@code keep} says.
		 * @param keep the setting
		 * @return the retention
		 */
		public static Snapshots.Retention retention(String keep) {
			String text = keep.trim();
			if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
				long count = (text.length() > 7) ? Long.MAX_VALUE : Long.parseLong(text);
				Settings.between("rollcall.history.keep", count, 1, 1_000_000);
				return new Snapshots.Retention((int) count, null);
			}
			try {
				Duration age = DurationStyle.detectAndParse(text);
				Settings.between("rollcall.history.keep", age, Duration.ofHours(1), Duration.ofDays(36_500));
				return new Snapshots.Retention(0, age);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationException("rollcall.history.keep",
						"must be a number of snapshots (e.g. 1000) or a duration (e.g. 400d)");
			}
		}

		@Override
		public String toString() {
			return "History[enabled=" + this.enabled + ", username=" + this.username + ", password="
					+ ((this.password != null) ? "****" : null) + ", snapshotEvery=" + this.snapshotEvery + ", keep="
					+ this.keep + "]";
		}

	}

	/**
	 * Limits on client connections to the gateway.
	 *
	 * @param maxRequestSize the largest request body; larger ones are answered 413
	 * @param headerTimeout a request's headers must all arrive within this long of the
	 * connection opening or of the previous answer
	 * @param idleTimeout a connection that sends nothing for this long is closed
	 * @param readTimeout the longest pause while a request body arrives
	 * @param requestTimeout the longest a whole request body may take to arrive
	 * @param maxConnections client connections open at once; further ones are closed
	 */
	public record Server(@DefaultValue("256KB") DataSize maxRequestSize, @DefaultValue("10s") Duration headerTimeout,
			@DefaultValue("60s") Duration idleTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("30s") Duration requestTimeout, @DefaultValue("2000") int maxConnections) {

		public Server {
			Settings.between("rollcall.server.max-request-size", maxRequestSize, DataSize.ofBytes(1),
					DataSize.ofMegabytes(64));
			Settings.positive("rollcall.server.header-timeout", headerTimeout);
			Settings.positive("rollcall.server.idle-timeout", idleTimeout);
			Settings.positive("rollcall.server.read-timeout", readTimeout);
			Settings.positive("rollcall.server.request-timeout", requestTimeout);
			Settings.between("rollcall.server.max-connections", maxConnections, 1, 1_000_000);
		}

	}

	/**
	 * Cross-origin calls from browser apps.
	 *
	 * @param allowedOrigins origins (or patterns such as {@code https://*.acme.com})
	 * whose pages may call {@code /graphql}; none by default, localhost in demo mode
	 * @param maxAge how long a browser may keep a preflight's answer
	 */
	public record Cors(List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

		public Cors {
			allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
			for (int i = 0; i < allowedOrigins.size(); i++) {
				Settings.text("rollcall.cors.allowed-origins[" + i + "]", allowedOrigins.get(i));
			}
			Settings.notNegative("rollcall.cors.max-age", maxAge);
		}

	}

	/**
	 * One client's API key.
	 *
	 * @param name who holds it, for logs
	 * @param key the key itself
	 * @param role READ (queries) or ADMIN (queries and mutations)
	 * @param rate the client's request rate, e.g. {@code 100/m}; the default's when
	 * absent
	 * @param burst how many requests the client may send at once; the default's when
	 * absent
	 */
	public record ApiKey(@Nullable String name, @Nullable String key, @DefaultValue("READ") String role,
			@Nullable String rate, @Nullable Integer burst) {

		@Override
		public String toString() {
			return "ApiKey[name=" + this.name + ", key=****, role=" + this.role + ", rate=" + this.rate + ", burst="
					+ this.burst + "]";
		}

	}

}
