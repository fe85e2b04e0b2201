package io.rollcall.connector.testmo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rollcall.demo.DemoData;
import io.rollcall.demo.SimServer;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Vendor;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Testmo as WIRE.md describes it: paged lists in an envelope, {@code per_page} of 15, 25,
 * 50 or 100 only, {@code expands} an empty array when nothing was expanded.
 */
final class TestmoSimulation implements Simulation {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PROJECT_USERS = Pattern.compile("/api/v1/projects/(\\d+)/users");

	/**
	 * Testmo's roles are free text; "Developers" shares its name with a role of the
	 * Codebase catalogue, so a role filter shows accounts in the demo (Codebase's API
	 * does not say which role a user holds).
	 */
	private static final String[] ROLES = { "Administrator", "Tester", "Lead", "Developers", "Guest" };

	private static final String[] GROUPS = { "QA", "Developers", "Managers", "Contractors" };

	private static final String[] PROJECTS = { "Checkout", "Mobile App", "Billing", "Search", "Onboarding",
			"Payments API", "Data Platform", "Support Portal", "Release 2026.4", "Legacy Import" };

	private static final String CREATED = "2024-01-01T10:00:00.000000Z";

	private final String token;

	private final List<Map<String, Object>> users = new ArrayList<>();

	private final List<Map<String, Object>> roles = new ArrayList<>();

	private final List<Map<String, Object>> groups = new ArrayList<>();

	private final List<Map<String, Object>> projects = new ArrayList<>();

	private final Map<Long, List<Map<String, Object>>> projectUsers = new LinkedHashMap<>();

	TestmoSimulation(DemoData data, Simulation.Context context) {
		this.token = "demo-testmo-" + context.secret();
		for (int r = 0; r < ROLES.length; r++) {
			Map<String, Object> role = new LinkedHashMap<>();
			role.put("id", r + 1);
			role.put("name", ROLES[r]);
			role.put("permissions", 123456 >> r);
			role.put("is_default", r == 1);
			role.put("created_at", CREATED);
			role.put("created_by", 1);
			role.put("updated_at", null);
			role.put("updated_by", null);
			this.roles.add(role);
		}
		List<Set<Long>> members = new ArrayList<>();
		for (int g = 0; g < GROUPS.length; g++) {
			members.add(new LinkedHashSet<>());
		}
		long id = 1;
		for (DemoData.PersonSeed person : data.people()) {
			if (!person.inTestmo()) {
				continue;
			}
			long userId = id++;
			boolean forgotten = person.number() % 97 == 0;
			List<Long> groupIds = new ArrayList<>();
			for (int g = 0; g < GROUPS.length; g++) {
				if (person.pick(GROUPS.length + 1, 10 + g) == g) {
					groupIds.add((long) g + 1);
					members.get(g).add(userId);
				}
			}
			Map<String, Object> user = new LinkedHashMap<>();
			user.put("id", userId);
			user.put("name", forgotten ? "Forgotten user" : person.first() + " " + person.last());
			user.put("email", forgotten ? null : person.emailIn("testmo"));
			user.put("type", 1);
			user.put("timezone", "Europe/" + person.zone());
			user.put("date_format", null);
			user.put("time_format", null);
			user.put("notifications", 1);
			user.put("tfa_enabled", person.pick(3, 2) == 0);
			user.put("is_active", !forgotten && person.active());
			user.put("is_forgotten", forgotten);
			user.put("is_api", false);
			user.put("role_id", 1 + person.pick(ROLES.length, 3));
			user.put("groups", groupIds);
			user.put("created_at", person.createdAt().toString().replace("Z", ".000000Z"));
			user.put("created_by", 1);
			user.put("updated_at", null);
			user.put("updated_by", null);
			this.users.add(user);
		}
		for (int g = 0; g < GROUPS.length; g++) {
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("id", g + 1);
			group.put("name", GROUPS[g]);
			group.put("members", new ArrayList<>(members.get(g)));
			group.put("created_at", CREATED);
			group.put("created_by", 1);
			group.put("updated_at", null);
			group.put("updated_by", null);
			this.groups.add(group);
		}
		for (int p = 0; p < PROJECTS.length; p++) {
			long projectId = 5 + p;
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("id", projectId);
			project.put("name", PROJECTS[p]);
			project.put("note", null);
			project.put("is_completed", p == PROJECTS.length - 1);
			project.put("created_at", CREATED);
			project.put("completed_at", null);
			this.projects.add(project);
			List<Map<String, Object>> assigned = new ArrayList<>();
			for (int i = 0; i < this.users.size(); i++) {
				if ((i + p) % (2 + p % 4) == 0) {
					Map<String, Object> user = this.users.get(i);
					assigned.add(Map.of("id", user.get("id"), "name", user.get("name")));
				}
			}
			this.projectUsers.put(projectId, assigned);
		}
	}

	/**
	 * Pages of 100 that a full read of users, roles, groups, projects and project users
	 * takes.
	 */
	@Override
	public Vendor vendor() {
		return Vendor.TESTMO;
	}

	@Override
	public String id() {
		return "testmo";
	}

	@Override
	public String name() {
		return "Testmo (demo)";
	}

	@Override
	public Map<String, String> properties() {
		return Map.of("token", this.token);
	}

	@Override
	public long minimumCalls() {
		long calls = pages(this.users.size()) + pages(this.roles.size()) + pages(this.groups.size())
				+ pages(this.projects.size());
		for (List<Map<String, Object>> assigned : this.projectUsers.values()) {
			calls += pages(assigned.size());
		}
		return calls;
	}

	/**
	 * The longest chain of calls that wait on each other: a list's first page before its
	 * others, projects before each project's users.
	 */
	@Override
	public int longestChain(boolean withToken) {
		int users = (pages(this.users.size()) > 1) ? 2 : 1;
		int projectUsers = 1;
		for (List<Map<String, Object>> assigned : this.projectUsers.values()) {
			projectUsers = Math.max(projectUsers, (pages(assigned.size()) > 1) ? 2 : 1);
		}
		int projects = ((pages(this.projects.size()) > 1) ? 2 : 1) + projectUsers;
		return Math.max(users, projects);
	}

	private static long pages(int items) {
		return Math.max(1, (items + 99) / 100);
	}

	@Override
	public Mono<SimServer.Reply> handle(SimServer.Call call) {
		if (!("Bearer " + this.token).equals(call.header("Authorization"))) {
			return Mono.just(SimServer.Reply.json(401, "{\"message\":\"Unauthenticated.\"}"));
		}
		if (!call.method().equals("GET")) {
			return Mono.just(SimServer.Reply.json(405, "{\"message\":\"Method not allowed.\"}"));
		}
		Matcher projectUsers = PROJECT_USERS.matcher(call.path());
		return Mono.just(switch (call.path()) {
			case "/api/v1/users" -> page(call, this.users, true);
			case "/api/v1/roles" -> page(call, this.roles, false);
			case "/api/v1/groups" -> page(call, this.groups, false);
			case "/api/v1/projects" -> page(call, this.projects, false);
			case "/api/v1/user" -> SimServer.Reply.json(200,
					"{\"id\":1,\"name\":\"Rollcall Integration\",\"timezone\":null,\"date_format\":null,\"time_format\":null}");
			default -> projectUsers.matches() ? page(call,
					this.projectUsers.getOrDefault(Long.parseLong(projectUsers.group(1)), List.of()), false)
					: SimServer.Reply.json(404, "{\"message\":\"Not found.\"}");
		});
	}

	private SimServer.Reply page(SimServer.Call call, List<Map<String, Object>> items, boolean expandable) {
		int perPage;
		int page;
		try {
			perPage = (call.param("per_page") != null) ? Integer.parseInt(call.param("per_page")) : 100;
			page = (call.param("page") != null) ? Integer.parseInt(call.param("page")) : 1;
		}
		catch (NumberFormatException ex) {
			return SimServer.Reply.json(422,
					"{\"message\":\"The given data was invalid.\",\"errors\":{\"page\":[\"The page must be an integer.\"]}}");
		}
		if (perPage != 15 && perPage != 25 && perPage != 50 && perPage != 100) {
			return SimServer.Reply.json(422,
					"{\"message\":\"The given data was invalid.\",\"errors\":{\"per_page\":[\"The selected per page is invalid.\"]}}");
		}
		int total = items.size();
		int last = (total == 0) ? 0 : (total + perPage - 1) / perPage;
		List<Map<String, Object>> result = (page >= 1 && page <= last)
				? items.subList((page - 1) * perPage, Math.min(total, page * perPage)) : List.of();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("page", (total == 0) ? null : page);
		envelope.put("prev_page", (page > 1 && total > 0) ? page - 1 : null);
		envelope.put("next_page", (page < last) ? page + 1 : null);
		envelope.put("last_page", (total == 0) ? null : last);
		envelope.put("per_page", perPage);
		envelope.put("total", total);
		envelope.put("result", result);
		String expands = call.param("expands");
		if (expandable && expands != null && !result.isEmpty()) {
			Map<String, Object> expanded = new LinkedHashMap<>();
			if (expands.contains("groups")) {
				expanded.put("groups",
						this.groups.stream().map((g) -> Map.of("id", g.get("id"), "name", g.get("name"))).toList());
			}
			if (expands.contains("roles")) {
				expanded.put("roles",
						this.roles.stream().map((r) -> Map.of("id", r.get("id"), "name", r.get("name"))).toList());
			}
			envelope.put("expands", expanded);
		}
		else {
			// Testmo answers an empty array, not an object, when nothing was expanded.
			envelope.put("expands", List.of());
		}
		return SimServer.Reply.json(200, JSON.writeValueAsString(envelope));
	}

}
