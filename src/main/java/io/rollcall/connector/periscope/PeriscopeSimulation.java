package io.rollcall.connector.periscope;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rollcall.demo.DemoData;
import io.rollcall.demo.SimServer;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Periscope site as WIRE.md describes it: users keyed by email and groups keyed by
 * name (both case-insensitive), full CRUD in memory, and {@code test_mode=true} dry runs.
 */
final class PeriscopeSimulation implements Simulation {

	/** The demo site. */
	private static final String SITE = "acme";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[][] GROUPS = { { "Administrators", "SQL" }, { "Analysts", "SQL" },
			{ "Marketing", "Discovery" }, { "Finance", "Discovery" }, { "Sales", "View" }, { "Everyone", "View" } };

	private static final List<String> ACCESS = List.of("View", "Discovery", "SQL");

	private final String auth;

	private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();

	private long nextId = 100;

	private final String apiKey;

	PeriscopeSimulation(DemoData data, Simulation.Context context) {
		this.apiKey = "demo-periscope-" + context.secret();
		this.auth = SITE + ":" + this.apiKey;
		for (String[] group : GROUPS) {
			this.groups.put(group[0].toLowerCase(Locale.ROOT), group(group[0], group[1]));
		}
		for (DemoData.PersonSeed person : data.people()) {
			if (!person.inPeriscope()) {
				continue;
			}
			List<String> groups = new ArrayList<>();
			groups.add("Everyone");
			groups.add(GROUPS[person.pick(GROUPS.length - 1, 30)][0]);
			if (person.pick(4, 31) == 0) {
				groups.add(GROUPS[person.pick(GROUPS.length - 1, 32)][0]);
			}
			Map<String, Object> user = user(person.first(), person.last(), person.emailIn("periscope"),
					groups.stream().distinct().toList(), person.createdAt().toString());
			this.users.put(person.email().toLowerCase(Locale.ROOT), user);
		}
	}

	private Map<String, Object> user(String first, String last, String email, List<String> groups, String created) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", this.nextId++);
		user.put("first_name", first);
		user.put("last_name", last);
		user.put("email", email);
		user.put("groups", new ArrayList<>(groups));
		user.put("created_at", created);
		return user;
	}

	private static Map<String, Object> group(String name, String access) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("name", name);
		group.put("access", access);
		return group;
	}

	@Override
	public Vendor vendor() {
		return Vendor.PERISCOPE;
	}

	@Override
	public String id() {
		return "periscope";
	}

	@Override
	public String name() {
		return "Periscope acme (demo)";
	}

	@Override
	public Map<String, String> properties() {
		return Map.of("site", SITE, "api-key", this.apiKey, "invited-by", "admin@acme.example");
	}

	/** Users and groups. */
	@Override
	public long minimumCalls() {
		return 2;
	}

	@Override
	public synchronized Mono<SimServer.Reply> handle(SimServer.Call call) {
		if (!this.auth.equals(call.header("HTTP-X-PARTNER-AUTH"))) {
			return Mono.just(SimServer.Reply.json(401, "{\"error\":\"Unauthorized\"}"));
		}
		boolean dryRun = "true".equals(call.param("test_mode"));
		if (call.path().equals("/api/v1/users")) {
			return Mono.just(users(call, dryRun));
		}
		if (call.path().equals("/api/v1/groups")) {
			return Mono.just(groups(call, dryRun));
		}
		if (call.path().startsWith("/api/v1/groups/")) {
			String name = URLDecoder.decode(call.path().substring("/api/v1/groups/".length()), StandardCharsets.UTF_8);
			return Mono.just(group(call, name, dryRun));
		}
		return Mono.just(SimServer.Reply.json(404, "{\"error\":\"Not found\"}"));
	}

	private SimServer.Reply users(SimServer.Call call, boolean dryRun) {
		String email = call.header("HTTP-X-EMAIL");
		String key = (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
		switch (call.method()) {
			case "GET" -> {
				if (key == null) {
					return ok(200, Map.of("users", new ArrayList<>(this.users.values())));
				}
				Map<String, Object> user = this.users.get(key);
				return (user != null) ? ok(200, user) : notFound("User not found");
			}
			case "POST" -> {
				JsonNode body = JSON.readTree(call.body());
				for (String field : List.of("first_name", "last_name", "email", "invited_by_email")) {
					if (!body.hasNonNull(field) || body.get(field).asString().isBlank()) {
						return error(400, "Missing field: " + field);
					}
				}
				String newEmail = body.get("email").asString().trim();
				if (this.users.containsKey(newEmail.toLowerCase(Locale.ROOT))) {
					return error(409, "User already exists");
				}
				List<String> groups = new ArrayList<>();
				if (body.has("groups")) {
					for (JsonNode group : body.get("groups")) {
						Map<String, Object> known = this.groups.get(group.asString().toLowerCase(Locale.ROOT));
						if (known == null) {
							return error(400, "Unknown group: " + group.asString());
						}
						groups.add((String) known.get("name"));
					}
				}
				Map<String, Object> user = user(body.get("first_name").asString(), body.get("last_name").asString(),
						newEmail, groups, java.time.Instant.now().toString());
				if (!dryRun) {
					this.users.put(newEmail.toLowerCase(Locale.ROOT), user);
				}
				return ok(dryRun ? 200 : 201, withTestMode(user, dryRun));
			}
			case "PUT" -> {
				Map<String, Object> user = (key != null) ? this.users.get(key) : null;
				if (user == null) {
					return notFound("User not found");
				}
				JsonNode body = JSON.readTree(call.body());
				Map<String, Object> next = new LinkedHashMap<>(user);
				if (body.hasNonNull("first_name")) {
					next.put("first_name", body.get("first_name").asString());
				}
				if (body.hasNonNull("last_name")) {
					next.put("last_name", body.get("last_name").asString());
				}
				if (body.has("groups")) {
					List<String> groups = new ArrayList<>();
					for (JsonNode group : body.get("groups")) {
						Map<String, Object> known = this.groups.get(group.asString().toLowerCase(Locale.ROOT));
						if (known == null) {
							return error(400, "Unknown group: " + group.asString());
						}
						groups.add((String) known.get("name"));
					}
					next.put("groups", groups);
				}
				if (!dryRun) {
					this.users.put(key, next);
				}
				return ok(200, withTestMode(next, dryRun));
			}
			case "DELETE" -> {
				if (key == null || !this.users.containsKey(key)) {
					return notFound("User not found");
				}
				Map<String, Object> user = dryRun ? this.users.get(key) : this.users.remove(key);
				return ok(200, withTestMode(Map.of("email", user.get("email"), "deleted", true), dryRun));
			}
			default -> {
				return error(405, "Method not allowed");
			}
		}
	}

	private SimServer.Reply groups(SimServer.Call call, boolean dryRun) {
		if (call.method().equals("GET")) {
			return ok(200, Map.of("groups", new ArrayList<>(this.groups.values())));
		}
		if (!call.method().equals("POST")) {
			return error(405, "Method not allowed");
		}
		JsonNode body = JSON.readTree(call.body());
		if (!body.hasNonNull("name") || !body.hasNonNull("access") || !body.hasNonNull("created_by_email")) {
			return error(400, "Missing field: name, access and created_by_email are required");
		}
		String name = body.get("name").asString().trim();
		String access = access(body.get("access").asString());
		if (access == null) {
			return error(400, "Unknown access level: " + body.get("access").asString());
		}
		if (this.groups.containsKey(name.toLowerCase(Locale.ROOT))) {
			return error(409, "Group already exists");
		}
		Map<String, Object> group = group(name, access);
		if (!dryRun) {
			this.groups.put(name.toLowerCase(Locale.ROOT), group);
		}
		return ok(dryRun ? 200 : 201, withTestMode(group, dryRun));
	}

	private SimServer.Reply group(SimServer.Call call, String name, boolean dryRun) {
		String key = name.toLowerCase(Locale.ROOT);
		Map<String, Object> group = this.groups.get(key);
		if (group == null) {
			return notFound("Group not found");
		}
		switch (call.method()) {
			case "GET" -> {
				return ok(200, group);
			}
			case "PUT" -> {
				JsonNode body = JSON.readTree(call.body());
				Map<String, Object> next = new LinkedHashMap<>(group);
				if (body.hasNonNull("access")) {
					String access = access(body.get("access").asString());
					if (access == null) {
						return error(400, "Unknown access level: " + body.get("access").asString());
					}
					next.put("access", access);
				}
				String newName = body.hasNonNull("name") ? body.get("name").asString().trim()
						: String.valueOf(group.get("name"));
				if (!newName.equalsIgnoreCase((String) group.get("name"))
						&& this.groups.containsKey(newName.toLowerCase(Locale.ROOT))) {
					return error(409, "Group already exists");
				}
				next.put("name", newName);
				if (!dryRun) {
					this.groups.remove(key);
					this.groups.put(newName.toLowerCase(Locale.ROOT), next);
					renameInUsers(String.valueOf(group.get("name")), newName);
				}
				return ok(200, withTestMode(next, dryRun));
			}
			case "DELETE" -> {
				if (!dryRun) {
					this.groups.remove(key);
					renameInUsers(String.valueOf(group.get("name")), null);
				}
				return ok(200, withTestMode(Map.of("name", group.get("name"), "deleted", true), dryRun));
			}
			default -> {
				return error(405, "Method not allowed");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void renameInUsers(String oldName, @Nullable String newName) {
		for (Map<String, Object> user : this.users.values()) {
			List<String> groups = (List<String>) java.util.Objects.requireNonNullElse(user.get("groups"), List.of());
			List<String> next = new ArrayList<>();
			for (String group : groups) {
				if (!group.equalsIgnoreCase(oldName)) {
					next.add(group);
				}
				else if (newName != null) {
					next.add(newName);
				}
			}
			user.put("groups", next);
		}
	}

	private static @Nullable String access(String text) {
		for (String level : ACCESS) {
			if (level.equalsIgnoreCase(text.trim())) {
				return level;
			}
		}
		return null;
	}

	private static Map<String, Object> withTestMode(Map<String, Object> body, boolean dryRun) {
		if (!dryRun) {
			return body;
		}
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put("test_mode", true);
		return copy;
	}

	private static SimServer.Reply ok(int status, Object body) {
		return SimServer.Reply.json(status, JSON.writeValueAsString(body));
	}

	private static SimServer.Reply notFound(String message) {
		return error(404, message);
	}

	private static SimServer.Reply error(int status, String message) {
		return SimServer.Reply.json(status, JSON.writeValueAsString(Map.of("error", message)));
	}

}
