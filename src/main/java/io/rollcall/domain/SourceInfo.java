package io.rollcall.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured upstream account, as clients see it.
 *
 * @param id the key under {@code rollcall.sources}
 * @param vendor the vendor behind it
 * @param name a readable name
 * @param capabilities what the gateway can do with it
 */
public record SourceInfo(String id, Vendor vendor, String name, Set<Capability> capabilities) {

	/** Source ids as the configuration allows them. */
	public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*");

	public SourceInfo {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(vendor, "vendor");
		Objects.requireNonNull(name, "name");
		// Kept in declaration order, so clients see a stable list.
		capabilities = capabilities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
	}

	/**
	 * A source as its connector names it; its capabilities are read off the connector
	 * ({@link Connector#capabilitiesOf}).
	 * @param id the source id
	 * @param vendor the vendor
	 * @param name the readable name
	 * @return the source, with no capabilities yet
	 */
	public static SourceInfo of(String id, Vendor vendor, String name) {
		return new SourceInfo(id, vendor, name, Set.of());
	}

	/**
	 * The same source with more capabilities, as its connector gives them.
	 * @param more the capabilities to add
	 * @return the source
	 */
	public SourceInfo plus(Set<Capability> more) {
		Set<Capability> all = EnumSet.noneOf(Capability.class);
		all.addAll(this.capabilities);
		all.addAll(more);
		return new SourceInfo(this.id, this.vendor, this.name, all);
	}

}
