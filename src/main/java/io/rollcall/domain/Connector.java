package io.rollcall.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The port every vendor implements for one configured source. It speaks only the unified
 * model. Lists a source does not have answer empty without calling the vendor.
 */
public interface Connector {

	/**
	 * The source: its id, vendor and name. Its capabilities are read off the connector
	 * itself ({@link #capabilitiesOf}); a connector need not state them.
	 */
	SourceInfo info();

	/**
	 * What a connector can do, read off it: the lists it answers (the list methods it
	 * implements, or derives from its users) and the changes its {@link #writes()} hold.
	 * This is the one statement of a source's capabilities.
	 * @param connector the connector
	 * @return its capabilities
	 */
	static Set<Capability> capabilitiesOf(Connector connector) {
		Set<Capability> capabilities = EnumSet.of(Capability.LIST_USERS);
		if (overrides(connector, "projects")) {
			capabilities.add(Capability.LIST_PROJECTS);
		}
		if (overrides(connector, "roles") || connector.derivedFromUsers().contains(Part.ROLES)) {
			capabilities.add(Capability.LIST_ROLES);
		}
		if (overrides(connector, "groups") || connector.derivedFromUsers().contains(Part.GROUPS)) {
			capabilities.add(Capability.LIST_GROUPS);
		}
		capabilities.addAll(connector.writes().capabilities());
		return capabilities;
	}

	/** Whether the connector implements a list method instead of the empty default. */
	private static boolean overrides(Connector connector, String list) {
		try {
			return connector.getClass().getMethod(list).getDeclaringClass() != Connector.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

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
