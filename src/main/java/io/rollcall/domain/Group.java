package io.rollcall.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A group of users in one source.
 *
 * @param source the source id
 * @param nativeId the vendor's key (Periscope: the name)
 * @param name the group's name
 * @param access the vendor's access level, when it has one
 * @param memberIds native ids of members the vendor lists on the group itself
 */
public record Group(String source, String nativeId, String name, @Nullable String access, List<String> memberIds) {

	public Group {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(nativeId, "nativeId");
		Objects.requireNonNull(name, "name");
		memberIds = List.copyOf(memberIds);
	}

	public NodeId id() {
		return NodeId.group(this.source, this.nativeId);
	}

	/**
	 * How a user's reference to a group is matched: vendors that key groups by name
	 * compare names case-insensitively.
	 */
	public static String key(String nativeId) {
		return nativeId.toLowerCase(Locale.ROOT);
	}

}
