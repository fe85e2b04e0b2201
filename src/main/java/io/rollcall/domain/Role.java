package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A role in one source's catalogue.
 *
 * @param source the source id
 * @param nativeId the vendor's key
 * @param name the role's name
 * @param permissions the permission strings the vendor lists
 * @param isDefault whether new accounts get it, when the vendor says
 */
public record Role(String source, String nativeId, String name, List<String> permissions, @Nullable Boolean isDefault) {

	public Role {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(nativeId, "nativeId");
		Objects.requireNonNull(name, "name");
		permissions = List.copyOf(permissions);
	}

	public NodeId id() {
		return NodeId.role(this.source, this.nativeId);
	}

}
