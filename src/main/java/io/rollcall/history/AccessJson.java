package io.rollcall.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rollcall.domain.Group;
import io.rollcall.domain.ProjectMembership;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's access as the history stores it: compact JSON with every list sorted, and
 * a digest of it with the active flag, so that the database compares two snapshots'
 * accounts by their digests and reads the JSON only of those that differ.
 */
final class AccessJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private static final Comparator<AccountRecord.Item> BY_ID = Comparator.comparing(AccountRecord.Item::id);

	private AccessJson() {
	}

	/** An account's access, read off its source's view. */
	static AccountRecord.Access of(SourceView view, User user) {
		List<AccountRecord.Item> roles = view.rolesOf(user).stream().map(AccessJson::role).sorted(BY_ID).toList();
		List<AccountRecord.Item> groups = view.groupsOf(user).stream().map(AccessJson::group).sorted(BY_ID).toList();
		List<AccountRecord.ProjectAccess> projects = view.projectsOf(user)
			.stream()
			.map(AccessJson::project)
			.sorted(Comparator.comparing(AccountRecord.ProjectAccess::id))
			.toList();
		return new AccountRecord.Access(roles, groups, projects);
	}

	static String write(AccountRecord.Access access) {
		return JSON.writeValueAsString(new Stored(stored(access.roles()), stored(access.groups()),
				access.projects()
					.stream()
					.map((project) -> new StoredProject(project.id(), project.name(), stored(project.roles()),
							project.permissions()))
					.toList()));
	}

	static AccountRecord.Access read(String json) {
		Stored stored = JSON.readValue(json, Stored.class);
		return new AccountRecord.Access(items(stored.r()), items(stored.g()),
				orEmpty(stored.p()).stream()
					.map((project) -> new AccountRecord.ProjectAccess(project.i(), project.n(), items(project.r()),
							orEmpty(project.x())))
					.toList());
	}

	/**
	 * What the diff compares: the active flag and the access, as a SHA-256 digest (a
	 * vendor's data cannot be made to collide with it, so no change can hide).
	 */
	static String digest(@Nullable Boolean active, String json) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(String.valueOf(active).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
			byte[] hash = sha.digest(json.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	private static List<StoredItem> stored(List<AccountRecord.Item> items) {
		return items.stream().map((item) -> new StoredItem(item.id(), item.name(), item.access())).toList();
	}

	private static List<AccountRecord.Item> items(@Nullable List<StoredItem> items) {
		return orEmpty(items).stream().map((item) -> new AccountRecord.Item(item.i(), item.n(), item.a())).toList();
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static AccountRecord.Item role(Role role) {
		return new AccountRecord.Item(role.nativeId(), role.name(), null);
	}

	private static AccountRecord.Item group(Group group) {
		return new AccountRecord.Item(group.nativeId(), group.name(), group.access());
	}

	private static AccountRecord.ProjectAccess project(ProjectMembership membership) {
		return new AccountRecord.ProjectAccess(membership.project().nativeId(), membership.project().name(),
				membership.roles().stream().map(AccessJson::role).sorted(BY_ID).toList(),
				membership.permissions().stream().sorted().toList());
	}

	/** Roles, groups and projects, under short names: they repeat in every row. */
	private record Stored(@Nullable List<StoredItem> r, @Nullable List<StoredItem> g, @Nullable List<StoredProject> p) {
	}

	private record StoredItem(String i, String n, @Nullable String a) {
	}

	private record StoredProject(String i, String n, @Nullable List<StoredItem> r, @Nullable List<String> x) {
	}

}
