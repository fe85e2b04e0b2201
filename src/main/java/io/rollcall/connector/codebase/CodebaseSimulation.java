package io.rollcall.connector.codebase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Codebase HQ as WIRE.md describes it: XML with {@code nil="true"}, typed elements, and a
 * personal api-key on every user of {@code /users}; invitations and project assignments
 * kept in memory.
 */
final class CodebaseSimulation implements Simulation {

	/** The API user the demo source signs in as. */
	private static final String USERNAME = "acme/rollcall";

	private static final Pattern ASSIGNMENTS = Pattern.compile("/([a-z0-9-]+)/assignments");

	private static final Pattern ELEMENT = Pattern
		.compile("<(first-name|last-name|email-address|role-id)>([^<]*)</\\1>");

	private static final Pattern ID = Pattern.compile("<id>\\s*(\\d+)\\s*</id>");

	private static final String[][] PROJECTS = { { "website", "Website", "active" },
			{ "mobile-app", "Mobile App", "active" }, { "billing", "Billing", "active" },
			{ "infrastructure", "Infrastructure", "active" }, { "design-system", "Design System", "on_hold" },
			{ "data-platform", "Data Platform", "active" }, { "legacy-crm", "Legacy CRM", "archived" },
			{ "support-tools", "Support Tools", "active" } };

	private static final String[][] ROLES = {
			{ "1", "Administrators", "false", "admin,projects.read_all,projects.write_all" },
			{ "2", "Developers", "false", "projects.read_all,tickets.write" },
			{ "3", "Trusted Users", "true", "projects.read_all" }, { "4", "Clients", "false", "tickets.read" } };

	private final String authorization;

	private final List<User> users = new ArrayList<>();

	private final Map<String, Set<Long>> assignments = new LinkedHashMap<>();

	private long nextId = 1;

	private final String apiKey;

	CodebaseSimulation(DemoData data, Simulation.Context context) {
		this.apiKey = "demo-codebase-" + context.secret();
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((USERNAME + ":" + this.apiKey).getBytes(StandardCharsets.UTF_8));
		for (String[] project : PROJECTS) {
			this.assignments.put(project[0], new LinkedHashSet<>());
		}
		for (DemoData.PersonSeed person : data.people()) {
			if (!person.inCodebase()) {
				continue;
			}
			long id = this.nextId++;
			String username1 = (person.first().charAt(0) + person.last()).toLowerCase(java.util.Locale.ROOT)
				.replace("-", "") + id;
			this.users.add(new User(id, username1, person.first(), person.last(), person.emailIn("codebase"),
					person.pick(4, 7) == 0 ? null : person.company(), person.zone(), person.apiKey(), person.active()));
			for (int p = 0; p < PROJECTS.length; p++) {
				if (person.pick(PROJECTS.length, 20 + p) < 3) {
					this.assignments.computeIfAbsent(PROJECTS[p][0], (key) -> new java.util.LinkedHashSet<>()).add(id);
				}
			}
		}
	}

	@Override
	public Vendor vendor() {
		return Vendor.CODEBASE;
	}

	@Override
	public String id() {
		return "codebase";
	}

	@Override
	public String name() {
		return "Codebase HQ (demo)";
	}

	@Override
	public Map<String, String> properties() {
		return Map.of("username", USERNAME, "api-key", this.apiKey);
	}

	/** Users, roles and projects. */
	@Override
	public long minimumCalls() {
		return 3;
	}

	@Override
	public synchronized Mono<SimServer.Reply> handle(SimServer.Call call) {
		if (!this.authorization.equals(call.header("Authorization"))) {
			return Mono.just(SimServer.Reply.text(401, "HTTP Basic: Access denied.\n"));
		}
		if (call.is("GET", "/users")) {
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users type=\"array\">");
			this.users.forEach((user) -> xml.append(userXml(user, true)));
			return Mono.just(SimServer.Reply.xml(200, xml.append("</users>").toString()));
		}
		if (call.is("POST", "/users")) {
			return Mono.just(invite(call.text()));
		}
		if (call.is("GET", "/roles")) {
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roles type=\"array\">");
			for (String[] role : ROLES) {
				xml.append("<role><name>")
					.append(role[1])
					.append("</name><id type=\"integer\">")
					.append(role[0])
					.append("</id><default type=\"boolean\">")
					.append(role[2])
					.append("</default><permissions type=\"array\">");
				for (String permission : role[3].split(",")) {
					xml.append("<permission>").append(permission).append("</permission>");
				}
				xml.append("</permissions></role>");
			}
			return Mono.just(SimServer.Reply.xml(200, xml.append("</roles>").toString()));
		}
		if (call.is("GET", "/projects")) {
			StringBuilder xml = new StringBuilder(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<projects type=\"array\">");
			int n = 10;
			for (String[] project : PROJECTS) {
				xml.append("<project><group-id type=\"integer\"")
					.append(project[0].startsWith("d") ? ">Platform" : " nil=\"true\">")
					.append("</group-id><icon type=\"integer\">1</icon><name>")
					.append(project[1])
					.append("</name><account-name>Acme</account-name><overview></overview><permalink>")
					.append(project[0])
					.append("</permalink><project-id type=\"integer\">")
					.append(n++)
					.append("</project-id><start-page>overview</start-page><status>")
					.append(project[2])
					.append("</status><total-tickets>100</total-tickets><open-tickets>36</open-tickets><closed-tickets>64</closed-tickets></project>");
			}
			return Mono.just(SimServer.Reply.xml(200, xml.append("</projects>").toString()));
		}
		if (call.is("GET", "/profile")) {
			return Mono.just(SimServer.Reply.xml(200,
					"<user><company>Acme</company><first-name>Rollcall</first-name><id type=\"integer\">0</id><last-name>Integration</last-name><username>rollcall</username><email-address>rollcall@acme.example</email-address></user>"));
		}
		Matcher assignments = ASSIGNMENTS.matcher(call.path());
		if (assignments.matches()) {
			Set<Long> assigned = this.assignments.get(assignments.group(1));
			if (assigned == null) {
				return Mono.just(SimServer.Reply.empty(404));
			}
			if (call.method().equals("GET")) {
				StringBuilder xml = new StringBuilder("<users type=\"array\">");
				this.users.stream()
					.filter((u) -> assigned.contains(u.id()))
					.forEach((user) -> xml.append("<user><company>")
						.append(esc(user.company()))
						.append("</company><first-name>")
						.append(esc(user.first()))
						.append("</first-name><id type=\"integer\">")
						.append(user.id())
						.append("</id><last-name>")
						.append(esc(user.last()))
						.append("</last-name><username>")
						.append(user.username())
						.append("</username><email-address>")
						.append(esc(user.email()))
						.append("</email-address></user>"));
				return Mono.just(SimServer.Reply.xml(200, xml.append("</users>").toString()));
			}
			if (call.method().equals("POST")) {
				Set<Long> next = new LinkedHashSet<>();
				Matcher ids = ID.matcher(call.text());
				while (ids.find()) {
					next.add(Long.parseLong(ids.group(1)));
				}
				assigned.clear();
				assigned.addAll(next);
				return Mono.just(SimServer.Reply.empty(200));
			}
		}
		return Mono.just(SimServer.Reply.empty(404));
	}

	private SimServer.Reply invite(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = ELEMENT.matcher(body);
		while (matcher.find()) {
			fields.put(matcher.group(1), unesc(matcher.group(2)));
		}
		String email = fields.getOrDefault("email-address", "");
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return SimServer.Reply.xml(422, "<errors><error>Email address is invalid</error></errors>");
		}
		if (this.users.stream().anyMatch((u) -> u.email().equalsIgnoreCase(email))) {
			return SimServer.Reply.xml(422, "<errors><error>Email address has already been taken</error></errors>");
		}
		long id = this.nextId++;
		User user = new User(id, email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9]", "") + id,
				fields.getOrDefault("first-name", ""), fields.getOrDefault("last-name", ""), email, null, "London",
				java.util.HexFormat.of()
					.formatHex(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
					.substring(0, 40),
				true);
		this.users.add(user);
		return SimServer.Reply.xml(201, userXml(user, false));
	}

	private String userXml(User user, boolean withAssignments) {
		StringBuilder xml = new StringBuilder("<user>");
		xml.append((user.company() == null) ? "<company nil=\"true\"></company>"
				: "<company>" + esc(user.company()) + "</company>");
		xml.append("<access-level nil=\"true\"></access-level><last-activity-at nil=\"true\"></last-activity-at>");
		// Codebase lists each user's personal API key: the gateway must never keep it.
		xml.append("<api-key>").append(user.apiKey()).append("</api-key>");
		xml.append("<email-address>").append(esc(user.email())).append("</email-address>");
		xml.append("<id type=\"integer\">").append(user.id()).append("</id>");
		xml.append("<last-name>").append(esc(user.last())).append("</last-name>");
		xml.append("<first-name>").append(esc(user.first())).append("</first-name>");
		xml.append("<time-zone>").append(user.zone()).append("</time-zone>");
		xml.append("<username>").append(user.username()).append("</username>");
		if (withAssignments) {
			xml.append("<assignments type=\"array\">");
			for (String[] project : PROJECTS) {
				if (this.assignments.getOrDefault(project[0], Set.of()).contains(user.id())) {
					xml.append("<assignment><group-id></group-id><icon type=\"integer\">1</icon><name>")
						.append(project[1])
						.append("</name><overview nil=\"true\"></overview><start-page>overview</start-page><status>")
						.append(project[2])
						.append("</status><permalink>")
						.append(project[0])
						.append("</permalink></assignment>");
				}
			}
			xml.append("</assignments>");
		}
		xml.append("<enabled type=\"boolean\">").append(user.enabled()).append("</enabled>");
		return xml.append("</user>").toString();
	}

	private static String esc(@Nullable String text) {
		return (text == null) ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String unesc(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&amp;", "&");
	}

	private record User(long id, String username, String first, String last, String email, @Nullable String company,
			String zone, String apiKey, boolean enabled) {

		@Override
		public String toString() {
			return "User[" + this.id + "]";
		}

	}

}
