package io.rollcall.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What changed for one account between two snapshots that both hold it.
 */
final class Differences {

	private Differences() {
	}

	/**
	 * The changes of an account.
	 * @param before the account in the older snapshot
	 * @param after the account in the newer snapshot
	 * @return its changes: enabled or disabled, roles, groups and projects added or
	 * removed, project permissions changed
	 */
	static List<AccessChange> of(AccountRecord before, AccountRecord after) {
		List<AccessChange> changes = new ArrayList<>();
		if (!Objects.equals(before.active(), after.active()) && after.active() != null) {
			changes.add(change(after,
					after.active() ? AccessChange.Kind.ACCOUNT_ENABLED : AccessChange.Kind.ACCOUNT_DISABLED, null, null,
					null, null, null));
		}
		items(before.access().roles(), after.access().roles(),
				(role, added) -> changes
					.add(change(after, added ? AccessChange.Kind.ROLE_ADDED : AccessChange.Kind.ROLE_REMOVED,
							role.name(), null, null, null, null)));
		items(before.access().groups(), after.access().groups(),
				(group, added) -> changes
					.add(change(after, added ? AccessChange.Kind.GROUP_ADDED : AccessChange.Kind.GROUP_REMOVED, null,
							group.name(), null, null, null)));
		Map<String, AccountRecord.ProjectAccess> was = byId(before.access().projects(),
				AccountRecord.ProjectAccess::id);
		Map<String, AccountRecord.ProjectAccess> is = byId(after.access().projects(), AccountRecord.ProjectAccess::id);
		is.forEach((id, project) -> {
			AccountRecord.ProjectAccess old = was.get(id);
			if (old == null) {
				changes.add(change(after, AccessChange.Kind.PROJECT_ADDED, null, null, project.name(), null,
						project.permissions()));
			}
			else if (!old.permissions().equals(project.permissions())) {
				changes.add(change(after, AccessChange.Kind.PERMISSIONS_CHANGED, null, null, project.name(),
						old.permissions(), project.permissions()));
			}
		});
		was.forEach((id, project) -> {
			if (!is.containsKey(id)) {
				changes.add(change(after, AccessChange.Kind.PROJECT_REMOVED, null, null, project.name(),
						project.permissions(), null));
			}
		});
		return changes;
	}

	/** An account that only the newer snapshot holds, or only the older. */
	static AccessChange account(AccountRecord account, boolean added) {
		return change(account, added ? AccessChange.Kind.ACCOUNT_ADDED : AccessChange.Kind.ACCOUNT_REMOVED, null, null,
				null, null, null);
	}

	private static void items(List<AccountRecord.Item> before, List<AccountRecord.Item> after,
			java.util.function.BiConsumer<AccountRecord.Item, Boolean> change) {
		Map<String, AccountRecord.Item> was = byId(before, AccountRecord.Item::id);
		Map<String, AccountRecord.Item> is = byId(after, AccountRecord.Item::id);
		is.forEach((id, item) -> {
			if (!was.containsKey(id)) {
				change.accept(item, true);
			}
		});
		was.forEach((id, item) -> {
			if (!is.containsKey(id)) {
				change.accept(item, false);
			}
		});
	}

	private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach((item) -> map.put(id.apply(item), item));
		return map;
	}

	private static AccessChange change(AccountRecord account, AccessChange.Kind kind, @Nullable String role,
			@Nullable String group, @Nullable String project, @Nullable List<String> before,
			@Nullable List<String> after) {
		return new AccessChange(kind, account.source(), account.nativeId(), account.email(), account.displayName(),
				role, group, project, before, after);
	}

}
