package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Person;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.history.AccountRecord;
import org.jspecify.annotations.Nullable;

/**
 * A person's accounts as a snapshot holds them, made into views of their sources that
 * hold just those accounts with their roles, groups and projects. A field's local context
 * in a {@code person(asOf:)} answer, so that the fields below it read the past, not the
 * sources as they are now.
 *
 * @param person the person as they were
 * @param views a view per source, holding only the person's accounts
 */
record PastViews(Person person, Map<String, SourceView> views) {

	/**
	 * The person as a snapshot holds them.
	 * @param email the person's address
	 * @param accounts their accounts in the snapshot
	 * @param order the sources' ids in the order answers list them
	 * @param sources the sources as configured now, for their names and vendors
	 * @return the person and their past views, or empty when the snapshot has no account
	 * for them (or only in sources that are no longer configured)
	 */
	static Optional<PastViews> of(String email, List<AccountRecord> accounts, List<String> order,
			Function<String, Optional<SourceInfo>> sources) {
		Map<String, List<AccountRecord>> bySource = new LinkedHashMap<>();
		order.forEach((id) -> bySource.put(id, new ArrayList<>()));
		accounts
			.forEach((account) -> bySource.computeIfAbsent(account.source(), (id) -> new ArrayList<>()).add(account));
		Map<String, SourceView> views = new LinkedHashMap<>();
		List<User> users = new ArrayList<>();
		bySource.values().removeIf(List::isEmpty);
		bySource.values().removeIf(List::isEmpty);
		bySource.forEach((id, records) -> sources.apply(id).ifPresent((info) -> {
			SourceView view = view(info, records);
			views.put(id, view);
			users.addAll(view.users());
		}));
		if (users.isEmpty()) {
			return Optional.empty();
		}
		String name = users.get(0).displayName();
		return Optional.of(new PastViews(new Person(email, name, users), views));
	}

	@Nullable SourceView view(String source) {
		return this.views.get(source);
	}

	private static SourceView view(SourceInfo info, List<AccountRecord> records) {
		String source = info.id();
		Map<String, Role> roles = new LinkedHashMap<>();
		Map<String, Group> groups = new LinkedHashMap<>();
		Map<String, Project> projects = new LinkedHashMap<>();
		Map<String, List<String>> groupMembers = new LinkedHashMap<>();
		Map<String, List<Membership>> projectMembers = new LinkedHashMap<>();
		List<User> users = new ArrayList<>();
		for (AccountRecord record : records) {
			AccountRecord.Access access = record.access();
			List<Membership> memberships = new ArrayList<>();
			for (AccountRecord.ProjectAccess project : access.projects()) {
				project.roles().forEach((role) -> roles.putIfAbsent(role.id(), role(source, role)));
				Membership membership = new Membership(project.id(), record.nativeId(),
						project.roles().stream().map(AccountRecord.Item::id).toList(), project.permissions(), false);
				memberships.add(membership);
				projectMembers.computeIfAbsent(project.id(), (id) -> new ArrayList<>()).add(membership);
			}
			access.roles().forEach((role) -> roles.putIfAbsent(role.id(), role(source, role)));
			for (AccountRecord.Item group : access.groups()) {
				groupMembers.computeIfAbsent(group.id(), (id) -> new ArrayList<>()).add(record.nativeId());
			}
			users.add(User.builder(source, record.nativeId(), record.displayName())
				.email(record.email())
				.active(record.active())
				.roleIds(access.roles().stream().map(AccountRecord.Item::id).toList())
				.groupIds(access.groups().stream().map(AccountRecord.Item::id).toList())
				.memberships(memberships)
				.build());
		}
		for (AccountRecord record : records) {
			for (AccountRecord.Item group : record.access().groups()) {
				groups.put(group.id(), new Group(source, group.id(), group.name(), group.access(),
						groupMembers.getOrDefault(group.id(), List.of())));
			}
			for (AccountRecord.ProjectAccess project : record.access().projects()) {
				projects.put(project.id(), new Project(source, project.id(), project.name(), null,
						projectMembers.getOrDefault(project.id(), List.of())));
			}
		}
		return new SourceView(info, users, List.copyOf(projects.values()), List.copyOf(roles.values()),
				List.copyOf(groups.values()), List.of());
	}

	private static Role role(String source, AccountRecord.Item role) {
		return new Role(source, role.id(), role.name(), List.of(), null);
	}

}
