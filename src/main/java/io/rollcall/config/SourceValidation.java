package io.rollcall.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.rollcall.domain.Emails;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Checks one source's configuration before anything is built from it. Each problem names
 * the property; no message ever holds a credential's value.
 */
final class SourceValidation {

	/** The longest source id. */
	static final int MAX_ID = 64;

	/** The longest source name. */
	static final int MAX_NAME = 200;

	private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._-]{1,200}");

	private SourceValidation() {
	}

	/**
	 * Checks a source, all of it.
	 * @param id the source id
	 * @param source its properties
	 * @return the vendor
	 * @throws InvalidConfigurationException naming every problem found
	 */
	static Vendor validate(String id, SourceProperties source) {
		if (id.length() > MAX_ID) {
			throw new InvalidConfigurationException("rollcall.sources.<id>",
					"a source id is " + id.length() + " characters long; the limit is " + MAX_ID);
		}
		String prefix = "rollcall.sources." + id;
		if (!SourceInfo.ID_PATTERN.matcher(id).matches()) {
			throw new InvalidConfigurationException(prefix,
					"a source id must be lower-case letters, digits and '-', starting with a letter or digit");
		}
		Problems problems = new Problems();
		problems.check(() -> Settings.text(prefix + ".vendor", source.vendor()));
		Vendor vendor = problems.value(() -> vendor(prefix, source.vendor()));
		problems.check(() -> {
			Settings.text(prefix + ".base-url", source.baseUrl());
			baseUrl(prefix + ".base-url", source.baseUrl());
		});
		problems.check(() -> {
			if (source.name() != null && source.name().length() > MAX_NAME) {
				throw new InvalidConfigurationException(prefix + ".name",
						"is " + source.name().length() + " characters long; the limit is " + MAX_NAME);
			}
			Settings.text(prefix + ".name", source.name());
		});
		problems.check(() -> Settings.text(prefix + ".account-id", source.accountId()));
		problems.check(() -> Settings.text(prefix + ".username", source.username()));
		problems.check(() -> Settings.text(prefix + ".invited-by", source.invitedBy()));
		problems.check(() -> Settings.text(prefix + ".token-file",
				(source.tokenFile() != null) ? source.tokenFile().toString() : null));
		problems.check(() -> Settings.secret(prefix + ".access-token", source.accessToken()));
		problems.check(() -> Settings.secret(prefix + ".refresh-token", source.refreshToken()));
		problems.check(() -> Settings.secret(prefix + ".token", source.token()));
		problems.check(() -> Settings.secret(prefix + ".api-key", source.apiKey()));
		if (vendor != null) {
			vendorProperties(id, prefix, vendor, source, problems);
		}
		problems.check(() -> Settings.positive(prefix + ".timeout", source.timeout()));
		problems.check(() -> Settings.positive(prefix + ".connect-timeout", source.connectTimeout()));
		problems.check(() -> Settings.positive(prefix + ".max-idle-time", source.maxIdleTime()));
		problems.check(() -> Settings.between(prefix + ".max-connections", source.maxConnections(), 1, 10_000));
		problems.check(() -> Settings.between(prefix + ".max-response-size", source.maxResponseSize(),
				DataSize.ofBytes(1), DataSize.ofGigabytes(1)));
		problems.check(() -> Settings.between(prefix + ".concurrency", source.concurrency(), 1, 1_000));
		problems.check(() -> Settings.notNegative(prefix + ".max-inline-retry-after", source.maxInlineRetryAfter()));
		problems.check(() -> Settings.positive(prefix + ".max-retry-after", source.maxRetryAfter()));
		problems.check(() -> {
			if (source.maxInlineRetryAfter().compareTo(source.maxRetryAfter()) > 0) {
				throw new InvalidConfigurationException(prefix + ".max-inline-retry-after",
						"must not be longer than max-retry-after (" + source.maxRetryAfter() + ")");
			}
		});
		problems.check(() -> Settings.between(prefix + ".breaker-failure-rate", source.breakerFailureRate(), 1, 100));
		problems.check(() -> Settings.positive(prefix + ".breaker-open-for", source.breakerOpenFor()));
		problems.check(() -> Settings.between(prefix + ".max-items", source.maxItems(), 1, 10_000_000));
		problems.check(() -> Settings.between(prefix + ".max-pages", source.maxPages(), 1, 1_000_000));
		problems.throwIfAny();
		return vendor;
	}

	private static void vendorProperties(String id, String prefix, Vendor vendor, SourceProperties source,
			Problems problems) {
		switch (vendor) {
			case CINTOO -> {
				problems.check(() -> required(prefix + ".account-id", source.accountId()));
				problems.check(() -> {
					if (isBlank(source.accessToken()) && isBlank(source.refreshToken())) {
						throw new InvalidConfigurationException(prefix + ".access-token",
								"a Cintoo source needs an access-token or a refresh-token");
					}
					if (!isBlank(source.accessToken()) && !isBlank(source.refreshToken())) {
						throw new InvalidConfigurationException(prefix + ".refresh-token",
								"set either access-token or refresh-token, not both");
					}
				});
				if (!isBlank(source.refreshToken())) {
					problems.check(() -> TokenFiles.check(prefix + ".token-file", source.tokenFileOrDefault(id)));
				}
			}
			case TESTMO -> problems.check(() -> required(prefix + ".token", source.token()));
			case CODEBASE -> {
				problems.check(() -> {
					required(prefix + ".username", source.username());
					if (!source.username().contains("/")) {
						throw new InvalidConfigurationException(prefix + ".username",
								"must be account/username, as Codebase's API settings show it");
					}
				});
				problems.check(() -> required(prefix + ".api-key", source.apiKey()));
			}
			case PERISCOPE -> {
				problems.check(() -> {
					required(prefix + ".site", source.site());
					if (!SITE.matcher(source.site()).matches()) {
						throw new InvalidConfigurationException(prefix + ".site",
								"must be the site's name: letters, digits, '.', '_' and '-', at most 200 characters");
					}
				});
				problems.check(() -> required(prefix + ".api-key", source.apiKey()));
				problems.check(() -> {
					if (source.invitedBy() != null && !Emails.isValid(source.invitedBy())) {
						throw new InvalidConfigurationException(prefix + ".invited-by", "must be an email address");
					}
				});
			}
		}
	}

	private static Vendor vendor(String prefix, @Nullable String vendor) {
		required(prefix + ".vendor", vendor);
		try {
			return Vendor.valueOf(vendor.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(prefix + ".vendor",
					"unknown vendor '" + vendor + "'; expected " + expectedVendors());
		}
	}

	/** The vendors' names as the configuration spells them: "a, b, c or d". */
	private static String expectedVendors() {
		List<String> names = Arrays.stream(Vendor.values()).map((v) -> v.name().toLowerCase(Locale.ROOT)).toList();
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	/**
	 * Base URLs are https; plain http only to loopback (demo mode, tests). No user-info:
	 * a credential in a URL ends up in logs.
	 */
	static URI baseUrl(String property, @Nullable String value) {
		required(property, value);
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationException(property, "is not a valid URL");
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new InvalidConfigurationException(property, "must be an absolute URL such as https://host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidConfigurationException(property,
					"must not hold credentials; use the source's credential properties");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidConfigurationException(property, "must not have a query or fragment");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("http")) {
			if (!isLoopback(uri.getHost())) {
				throw new InvalidConfigurationException(property,
						"must use https (plain http is allowed only for loopback addresses)");
			}
		}
		else if (!scheme.equals("https")) {
			throw new InvalidConfigurationException(property, "must use https");
		}
		return uri;
	}

	private static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static void required(String property, @Nullable String value) {
		if (isBlank(value)) {
			throw new InvalidConfigurationException(property, "must be set");
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
