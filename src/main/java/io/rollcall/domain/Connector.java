package io.rollcall.domain;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The port every vendor implements for one configured source. It speaks only the unified
 * model. Lists a source does not have answer empty without calling the vendor.
 */
public interface Connector {

	SourceInfo info();

	/** Every account in the source. */
	Mono<List<User>> users();

	/** Every project in the source. */
	default Mono<List<Project>> projects() {
		return Mono.just(List.of());
	}

	/** The source's role catalogue. */
	default Mono<List<Role>> roles() {
		return Mono.just(List.of());
	}

	/** The source's groups. */
	default Mono<List<Group>> groups() {
		return Mono.just(List.of());
	}

	/**
	 * The lists this source answers from its users list rather than from an endpoint of
	 * their own, e.g. roles named on each user: the gateway then reads the users list
	 * once (through its cache) and derives them with {@link #rolesFromUsers} and
	 * {@link #groupsFromUsers}, instead of calling {@link #roles()} or {@link #groups()}.
	 * @return {@link Part#ROLES} and/or {@link Part#GROUPS}, or none
	 */
	default Set<Part> derivedFromUsers() {
		return Set.of();
	}

	/** The role catalogue named on the users, when {@link Part#ROLES} is derived. */
	default List<Role> rolesFromUsers(List<User> users) {
		return List.of();
	}

	/** The groups named on the users, when {@link Part#GROUPS} is derived. */
	default List<Group> groupsFromUsers(List<User> users) {
		return List.of();
	}

	/**
	 * Memberships that need calls of their own, beyond those the vendor lists on users
	 * and projects.
	 * @param projects the source's projects, as {@link #projects()} answered
	 * @return the memberships
	 */
	default Mono<List<Membership>> memberships(List<Project> projects) {
		return Mono.just(List.of());
	}

	/** A cheap call that proves the source answers and accepts the credentials. */
	Mono<Void> probe();

	/** Forgets anything kept of the source's lists, so the next read asks the vendor. */
	default void forget() {
	}

	/**
	 * Whether a list read earlier is still the one this source would serve, so that an
	 * answer computed from it may be served again; counts as a read of the list (a list
	 * due for refresh is refreshed in the background).
	 * @param part the list
	 * @param version the version read, as noted in the {@link RequestTrace}
	 * @return true while that version is current and within its time to live
	 */
	default boolean current(Part part, long version) {
		return false;
	}

	/** The changes this source can make; empty when it is read-only. */
	default Writes writes() {
		return Writes.NONE;
	}

}
