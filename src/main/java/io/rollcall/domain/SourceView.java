package io.rollcall.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One source's lists, read once and indexed, so that each question a query asks of them
 * is a map look-up. Lists that were not read are empty.
 */
public final class SourceView {

	private final SourceInfo source;

	private final List<User> users;

	private final Map<String, User> usersById;

	private final List<Project> projects;

	private final Map<String, Project> projectsById;

	private final List<Role> roles;

	private final Map<String, Role> rolesById;

	private final List<Group> groups;

	private final Map<String, Group> groupsByKey;

	private final Map<String, List<Membership>> membershipsByUser;

	private final Map<String, List<Membership>> membershipsByProject;

	private final Map<String, Set<String>> groupKeysByUser;

	private volatile @Nullable Sorted sorted;

	private volatile @Nullable Map<String, List<User>> membersByGroupKey;

	public SourceView(SourceInfo source, List<User> users, List<Project> projects, List<Role> roles, List<Group> groups,
			List<Membership> extraMemberships) {
		this.source = source;
		this.users = List.copyOf(users);
		this.usersById = index(users, User::nativeId);
		this.projects = List.copyOf(projects);
		this.projectsById = index(projects, Project::nativeId);
		this.roles = List.copyOf(roles);
		this.rolesById = index(roles, Role::nativeId);
		this.groups = List.copyOf(groups);
		this.groupsByKey = index(groups, (group) -> Group.key(group.nativeId()));
		Map<String, Membership> memberships = new LinkedHashMap<>();
		users.forEach((user) -> user.memberships().forEach((m) -> merge(memberships, m)));
		projects.forEach((project) -> project.memberships().forEach((m) -> merge(memberships, m)));
		extraMemberships.forEach((m) -> merge(memberships, m));
		this.membershipsByUser = memberships.values()
			.stream()
			.collect(Collectors.groupingBy(Membership::userId, LinkedHashMap::new, Collectors.toList()));
		this.membershipsByProject = memberships.values()
			.stream()
			.collect(Collectors.groupingBy(Membership::projectId, LinkedHashMap::new, Collectors.toList()));
		// Groups that list their members; users that list their groups are read off the
		// user.
		this.groupKeysByUser = new HashMap<>();
		groups.forEach((group) -> group.memberIds()
			.forEach((member) -> this.groupKeysByUser.computeIfAbsent(member, (k) -> new LinkedHashSet<>())
				.add(Group.key(group.nativeId()))));
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		Map<String, T> index = new HashMap<>(items.size() * 2);
		for (T item : items) {
			index.putIfAbsent(key.apply(item), item);
		}
		return index;
	}

	private static void merge(Map<String, Membership> memberships, Membership next) {
		memberships.merge(next.projectId() + "\n" + next.userId(), next,
				(a, b) -> new Membership(a.projectId(), a.userId(), union(a.roleIds(), b.roleIds()),
						union(a.permissions(), b.permissions()), a.accountRolesApply() || b.accountRolesApply()));
	}

	private static List<String> union(List<String> a, List<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	public SourceInfo source() {
		return this.source;
	}

	public List<User> users() {
		return this.users;
	}

	/** The users in the connections' order, sorted once per view. */
	public List<User> sortedUsers() {
		return sorted().users();
	}

	/** The sort keys of {@link #sortedUsers()}, in the same order. */
	public List<String> sortedUserKeys() {
		return sorted().keys();
	}

	/**
	 * What {@code search} looks in for each of {@link #sortedUsers()}: display name,
	 * email and username, lower-cased once per view.
	 */
	public List<String> sortedSearchTexts() {
		return sorted().searchTexts();
	}

	private Sorted sorted() {
		Sorted sorted = this.sorted;
		if (sorted == null) {
			String[] keys = new String[this.users.size()];
			Integer[] order = new Integer[keys.length];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = Searches.userKey(this.users.get(i));
				order[i] = i;
			}
			java.util.Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
			List<User> users = new ArrayList<>(keys.length);
			List<String> sortedKeys = new ArrayList<>(keys.length);
			List<String> searchTexts = new ArrayList<>(keys.length);
			for (Integer i : order) {
				User user = this.users.get(i);
				users.add(user);
				sortedKeys.add(keys[i]);
				searchTexts.add(Searches.searchText(user));
			}
			sorted = new Sorted(List.copyOf(users), List.copyOf(sortedKeys), List.copyOf(searchTexts));
			this.sorted = sorted;
		}
		return sorted;
	}

	private record Sorted(List<User> users, List<String> keys, List<String> searchTexts) {
	}

	public List<Project> projects() {
		return this.projects;
	}

	public List<Role> roles() {
		return this.roles;
	}

	public List<Group> groups() {
		return this.groups;
	}

	public @Nullable User user(String nativeId) {
		return this.usersById.get(nativeId);
	}

	public @Nullable Project project(String nativeId) {
		return this.projectsById.get(nativeId);
	}

	public @Nullable Role role(String nativeId) {
		return this.rolesById.get(nativeId);
	}

	public @Nullable Group group(String nativeId) {
		return this.groupsByKey.get(Group.key(nativeId));
	}

	/** The user's account-level roles. */
	public List<Role> rolesOf(User user) {
		return resolveRoles(user.roleIds());
	}

	/**
	 * The groups the user is in, whether the vendor lists them on the user or the group.
	 */
	public List<Group> groupsOf(User user) {
		Set<String> keys = groupKeys(user);
		List<Group> result = new ArrayList<>(keys.size());
		for (String key : keys) {
			Group group = this.groupsByKey.get(key);
			if (group != null) {
				result.add(group);
			}
		}
		return result;
	}

	private Set<String> groupKeys(User user) {
		Set<String> listed = this.groupKeysByUser.getOrDefault(user.nativeId(), Set.of());
		if (user.groupIds().isEmpty()) {
			return listed;
		}
		Set<String> keys = new LinkedHashSet<>();
		user.groupIds().forEach((ref) -> keys.add(Group.key(ref)));
		keys.addAll(listed);
		return keys;
	}

	/** The members of a group, indexed once per view. */
	public List<User> membersOf(Group group) {
		Map<String, List<User>> members = this.membersByGroupKey;
		if (members == null) {
			members = new HashMap<>();
			for (User user : this.users) {
				for (String key : groupKeys(user)) {
					members.computeIfAbsent(key, (k) -> new ArrayList<>()).add(user);
				}
			}
			this.membersByGroupKey = members;
		}
		return members.getOrDefault(Group.key(group.nativeId()), List.of());
	}

	/**
	 * The account with this email, compared as people are joined.
	 * @param email a normalized email
	 * @return the first such account, or null
	 */
	public @Nullable User account(String email) {
		for (User user : this.users) {
			if (email.equals(user.personKey())) {
				return user;
			}
		}
		return null;
	}

	/**
	 * The projects a user is in; memberships of projects the source did not list are left
	 * out.
	 */
	public List<ProjectMembership> projectsOf(User user) {
		List<ProjectMembership> result = new ArrayList<>();
		for (Membership membership : this.membershipsByUser.getOrDefault(user.nativeId(), List.of())) {
			Project project = this.projectsById.get(membership.projectId());
			if (project != null) {
				result.add(resolve(membership, project, user));
			}
		}
		return result;
	}

	/**
	 * The members of a project; memberships of users the source did not list are left
	 * out.
	 */
	public List<ProjectMembership> membersOf(Project project) {
		List<ProjectMembership> result = new ArrayList<>();
		for (Membership membership : this.membershipsByProject.getOrDefault(project.nativeId(), List.of())) {
			User user = this.usersById.get(membership.userId());
			if (user != null) {
				result.add(resolve(membership, project, user));
			}
		}
		return result;
	}

	/** Whether the user has an account role, or a project role, with this name. */
	public boolean hasRoleNamed(User user, String name) {
		for (Role role : rolesOf(user)) {
			if (role.name().equalsIgnoreCase(name)) {
				return true;
			}
		}
		for (Membership membership : this.membershipsByUser.getOrDefault(user.nativeId(), List.of())) {
			for (Role role : resolveRoles(membership.roleIds())) {
				if (role.name().equalsIgnoreCase(name)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether the user is in a group with this name. */
	public boolean inGroupNamed(User user, String name) {
		for (Group group : groupsOf(user)) {
			if (group.name().equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private ProjectMembership resolve(Membership membership, Project project, User user) {
		List<String> roleIds = membership.accountRolesApply() ? union(membership.roleIds(), user.roleIds())
				: membership.roleIds();
		return new ProjectMembership(project, user, resolveRoles(roleIds), membership.permissions());
	}

	private List<Role> resolveRoles(List<String> ids) {
		List<Role> result = new ArrayList<>(ids.size());
		for (String id : ids) {
			Role role = this.rolesById.get(id);
			if (role != null) {
				result.add(role);
			}
		}
		return result;
	}

	/**
	 * The role with this name (any case), for a change that names one.
	 * @param name the name
	 * @param argument the argument it came in, for the error
	 * @return the role
	 * @throws InvalidInputException naming the source's roles when it has none so named
	 */
	public Role roleNamed(String name, String argument) {
		for (Role role : this.roles) {
			if (role.name().equalsIgnoreCase(name.trim())) {
				return role;
			}
		}
		throw new InvalidInputException(argument, "No role '" + name + "' in " + this.source.id() + "; its roles are: "
				+ String.join(", ", this.roles.stream().map(Role::name).toList()));
	}

	/**
	 * The groups' names as the source spells them, for a change that names some.
	 * @param names the names
	 * @param argument the argument they came in, for the error
	 * @return the names, in the same order
	 * @throws InvalidInputException naming the source's groups when one is not among them
	 */
	public List<String> groupNames(List<String> names, String argument) {
		List<String> result = new ArrayList<>();
		for (String name : names) {
			Group group = group(name.trim());
			if (group == null) {
				throw new InvalidInputException(argument, "No group '" + name + "' in " + this.source.id()
						+ "; its groups are: " + String.join(", ", this.groups.stream().map(Group::name).toList()));
			}
			result.add(group.name());
		}
		return result;
	}

}
