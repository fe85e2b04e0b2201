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
	 * The same source with more capabilities, e.g. those its {@link Writes} give.
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
