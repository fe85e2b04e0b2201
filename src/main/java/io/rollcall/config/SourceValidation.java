package io.rollcall.config;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.rollcall.connector.VendorModule;
import io.rollcall.connector.VendorModules;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
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

	private SourceValidation() {
	}

	/**
	 * Checks a source, all of it: what every source has here, its vendor's own properties
	 * in the vendor's module.
	 * @param id the source id
	 * @param source its properties
	 * @param binder where its vendor's properties are bound from
	 * @return the source's vendor module and the vendor's properties
	 * @throws InvalidConfigurationException naming every problem found
	 */
	static Valid validate(String id, SourceProperties source, Binder binder) {
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
		Valid valid = (vendor != null)
				? problems.value(() -> vendorProperties(id, prefix, VendorModules.of(vendor), binder, problems)) : null;
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
		return Objects.requireNonNull(valid);
	}

	/** Binds the vendor's own properties of the source and has its module check them. */
	private static <P extends Record> Valid vendorProperties(String id, String prefix, VendorModule<P> module,
			Binder binder, Problems problems) {
		P properties;
		try {
			properties = binder.bindOrCreate(prefix, Bindable.of(module.properties()));
		}
		catch (BindException ex) {
			// The cause can quote the value, which may be a credential.
			String property = (ex.getProperty() != null) ? ex.getProperty().getName().toString() : prefix;
			throw new InvalidConfigurationException(property,
					"cannot be read as a " + vendorName(module.vendor()) + " source property");
		}
		module.validate(id, prefix, properties, problems);
		Set<String> own = names(module.properties());
		for (VendorModule<?> other : VendorModules.all()) {
			for (String name : names(other.properties())) {
				if (!own.contains(name) && binder.bind(prefix + "." + name, Bindable.of(String.class)).isBound()) {
					problems
						.add(new InvalidConfigurationException(prefix + "." + name, "is a " + vendorName(other.vendor())
								+ " setting; a " + vendorName(module.vendor()) + " source does not use it"));
				}
			}
		}
		return new Valid(module, properties);
	}

	/** A properties record's keys, as the configuration spells them. */
	private static Set<String> names(Class<? extends Record> properties) {
		Set<String> names = new LinkedHashSet<>();
		for (RecordComponent component : properties.getRecordComponents()) {
			names.add(DataObjectPropertyName.toDashedForm(component.getName()));
		}
		return names;
	}

	private static String vendorName(Vendor vendor) {
		return vendor.name().toLowerCase(Locale.ROOT);
	}

	private static Vendor vendor(String prefix, @Nullable String vendor) {
		String name = Settings.required(prefix + ".vendor", vendor);
		try {
			return Vendor.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(prefix + ".vendor",
					"unknown vendor '" + vendor + "'; expected " + expectedVendors());
		}
	}

	/** The vendors' names as the configuration spells them: "a, b, c or d". */
	private static String expectedVendors() {
		List<String> names = Arrays.stream(Vendor.values()).map(SourceValidation::vendorName).toList();
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	/**
	 * Base URLs are https; plain http only to loopback (demo mode, tests). No user-info:
	 * a credential in a URL ends up in logs.
	 */
	static URI baseUrl(String property, @Nullable String value) {
		String text = Settings.required(property, value);
		URI uri;
		try {
			uri = new URI(text.trim());
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

	/**
	 * A source that passed its checks.
	 *
	 * @param module its vendor's module
	 * @param properties the vendor's own properties of the source
	 */
	record Valid(VendorModule<?> module, Record properties) {
	}

}
