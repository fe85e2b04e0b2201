package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A project in one source.
 *
 * @param source the source id
 * @param nativeId the vendor's key (Codebase: the permalink)
 * @param name the project's name
 * @param status the vendor's status word, when it has one
 * @param memberships memberships the vendor lists on the project itself
 */
public record Project(String source, String nativeId, String name, @Nullable String status,
		List<Membership> memberships) {

	public Project {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(nativeId, "nativeId");
		Objects.requireNonNull(name, "name");
		memberships = List.copyOf(memberships);
	}

	public NodeId id() {
		return NodeId.project(this.source, this.nativeId);
	}

}
