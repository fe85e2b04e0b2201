package io.rollcall.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The filters and the stable orders of the {@code users}, {@code people} and
 * {@code projects} connections, as pure functions over sources' views.
 */
public final class Searches {

	private Searches() {
	}

	/** The lists a user filter needs read. */
	public static Set<Part> partsFor(UserFilter filter) {
		Set<Part> parts = EnumSet.of(Part.USERS);
		if (filter.role() != null) {
			parts.addAll(EnumSet.of(Part.ROLES, Part.PROJECTS, Part.MEMBERSHIPS));
		}
		if (filter.group() != null) {
			parts.add(Part.GROUPS);
		}
		return parts;
	}

	/** The users that match, in the connections' order: name, then source, then id. */
	public static List<User> users(List<SourceView> views, UserFilter filter) {
		String email = Emails.normalize(filter.email());
		String search = lower(filter.search());
		List<List<User>> runs = new ArrayList<>(views.size());
		List<List<String>> keys = new ArrayList<>(views.size());
		for (SourceView view : views) {
			List<User> matches = new ArrayList<>();
			List<String> matchKeys = new ArrayList<>();
			List<User> sorted = view.sortedUsers();
			List<String> sortedKeys = view.sortedUserKeys();
			List<String> searchTexts = view.sortedSearchTexts();
			for (int i = 0; i < sorted.size(); i++) {
				User user = sorted.get(i);
				if (email != null && !email.equals(user.personKey())) {
					continue;
				}
				if (search != null && !searchTexts.get(i).contains(search)) {
					continue;
				}
				if (filter.active() != null && !filter.active().equals(user.active())) {
					continue;
				}
				if (filter.role() != null && !view.hasRoleNamed(user, filter.role().trim())) {
					continue;
				}
				if (filter.group() != null && !view.inGroupNamed(user, filter.group().trim())) {
					continue;
				}
				matches.add(user);
				matchKeys.add(sortedKeys.get(i));
			}
			runs.add(matches);
			keys.add(matchKeys);
		}
		return merge(runs, keys);
	}

	/** Merges lists already sorted by their keys. */
	private static List<User> merge(List<List<User>> runs, List<List<String>> keys) {
		if (runs.size() == 1) {
			return runs.get(0);
		}
		List<User> merged = new ArrayList<>();
		int[] next = new int[runs.size()];
		String[] heads = new String[runs.size()];
		for (int r = 0; r < runs.size(); r++) {
			heads[r] = runs.get(r).isEmpty() ? null : keys.get(r).get(0);
		}
		while (true) {
			int best = -1;
			for (int r = 0; r < runs.size(); r++) {
				if (heads[r] != null && (best < 0 || heads[r].compareTo(heads[best]) < 0)) {
					best = r;
				}
			}
			if (best < 0) {
				return merged;
			}
			List<User> run = runs.get(best);
			merged.add(run.get(next[best]));
			next[best]++;
			heads[best] = (next[best] < run.size()) ? keys.get(best).get(next[best]) : null;
		}
	}

	/**
	 * Display name, email and username, lower-cased, one per line: what search looks in.
	 */
	static String searchText(User user) {
		StringBuilder text = new StringBuilder(user.displayName().toLowerCase(Locale.ROOT));
		if (user.email() != null) {
			text.append('\n').append(user.email().toLowerCase(Locale.ROOT));
		}
		if (user.username() != null) {
			text.append('\n').append(user.username().toLowerCase(Locale.ROOT));
		}
		return text.toString();
	}

	/** A user's unique sort key. */
	public static String userKey(User user) {
		return user.displayName().toLowerCase(Locale.ROOT) + '\u0000' + user.source() + '\u0000' + user.nativeId();
	}

	/** The projects that match, by name, then source, then id. */
	public static List<Project> projects(List<SourceView> views, ProjectFilter filter) {
		String search = lower(filter.search());
		List<Project> matches = new ArrayList<>();
		for (SourceView view : views) {
			for (Project project : view.projects()) {
				if (search == null || contains(search, project.name())) {
					matches.add(project);
				}
			}
		}
		matches.sort(Comparator.comparing(Searches::projectKey));
		return matches;
	}

	/** A project's unique sort key. */
	public static String projectKey(Project project) {
		return project.name().toLowerCase(Locale.ROOT) + '\u0000' + project.source() + '\u0000' + project.nativeId();
	}

	/**
	 * Joins accounts into people on the normalized email, ordered by email. Accounts keep
	 * the order of the views, then the vendor's order.
	 * @param views the sources' views
	 * @return every person, by email
	 */
	public static Map<String, Person> people(List<SourceView> views) {
		Map<String, List<User>> accounts = new java.util.TreeMap<>();
		for (SourceView view : views) {
			for (User user : view.users()) {
				String key = user.personKey();
				if (key != null) {
					accounts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(user);
				}
			}
		}
		Map<String, Person> people = new LinkedHashMap<>();
		accounts.forEach((email, users) -> people.put(email, new Person(email, personName(email, users), users)));
		return people;
	}

	/** The people that match, by email. */
	public static List<Person> people(Map<String, Person> people, PersonFilter filter) {
		String search = lower(filter.search());
		Set<String> sources = (filter.sources() != null) ? Set.copyOf(filter.sources()) : null;
		List<Person> matches = new ArrayList<>();
		for (Person person : people.values()) {
			if (search != null && !contains(search, person.displayName(), person.email())) {
				continue;
			}
			if (filter.minAccounts() != null && person.accounts().size() < filter.minAccounts()) {
				continue;
			}
			if (sources != null && person.accounts().stream().noneMatch((a) -> sources.contains(a.source()))) {
				continue;
			}
			matches.add(person);
		}
		return matches;
	}

	/** The first account's name that is a real name, else the email. */
	private static String personName(String email, List<User> accounts) {
		for (User account : accounts) {
			String name = account.displayName();
			if (!name.equalsIgnoreCase(account.email() != null ? account.email().trim() : "")
					&& !name.equals(account.nativeId()) && (account.firstName() != null || account.lastName() != null
							|| !name.equals(account.username()))) {
				return name;
			}
		}
		return email;
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim().toLowerCase(Locale.ROOT);
	}

	private static boolean contains(String needle, @Nullable String... haystacks) {
		for (String haystack : haystacks) {
			if (haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
