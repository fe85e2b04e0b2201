package io.rollcall.connector.cintoo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.rollcall.demo.DemoData;
import io.rollcall.demo.SimServer;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cintoo API 1 as WIRE.md describes it: single-use refresh tokens, short-lived JWT access
 * tokens, users and projects of one account.
 */
final class CintooSimulation implements Simulation {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] PROJECTS = { "Plant 7", "Bridge A12", "Tower North", "Warehouse 3", "Station Central",
			"Campus East" };

	private static final String[] PERMISSIONS = { "view3d", "annotate", "measure", "upload", "manage" };

	final String accountId = UUID.nameUUIDFromBytes("demo-cintoo".getBytes(StandardCharsets.UTF_8)).toString();

	private final Clock clock;

	private final Duration tokenLifetime;

	private volatile String refreshToken = "rt-" + UUID.randomUUID();

	private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> users = new ArrayList<>();

	private final List<Map<String, Object>> projects = new ArrayList<>();

	private final Path tokenFile;

	CintooSimulation(DemoData data, Simulation.Context context) {
		this.clock = context.clock();
		this.tokenLifetime = context.accessTokenLifetime();
		this.tokenFile = context.tokens().resolve("cintoo.refresh-token");
		List<String> ids = new ArrayList<>();
		for (DemoData.PersonSeed person : data.people()) {
			if (!person.inCintoo()) {
				continue;
			}
			String id = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("user-" + person.number()).getBytes(StandardCharsets.UTF_8));
			boolean unconfirmed = person.pick(20, 1) == 0;
			Map<String, Object> user = new LinkedHashMap<>();
			user.put("id", id);
			user.put("firstname", unconfirmed ? null : person.first());
			user.put("lastname", unconfirmed ? "" : person.last());
			user.put("email", person.emailIn("cintoo"));
			user.put("lastLogin", unconfirmed ? null : person.createdAt().toString());
			this.users.add(user);
			ids.add(id);
		}
		for (int p = 0; p < PROJECTS.length; p++) {
			List<String> members = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				if ((i * 7 + p * 3) % (p + 3) == 0) {
					members.add(ids.get(i));
				}
			}
			List<String> permissions = new ArrayList<>();
			for (int k = 0; k < PERMISSIONS.length; k++) {
				if (k < 2 || (p + k) % 3 == 0) {
					permissions.add(PERMISSIONS[k]);
				}
			}
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("id", UUID.nameUUIDFromBytes(PROJECTS[p].getBytes(StandardCharsets.UTF_8)).toString());
			project.put("name", PROJECTS[p]);
			project.put("userIds", members);
			project.put("permissions", permissions);
			this.projects.add(project);
		}
	}

	@Override
	public Vendor vendor() {
		return Vendor.CINTOO;
	}

	@Override
	public String id() {
		return "cintoo";
	}

	@Override
	public String name() {
		return "Cintoo (demo)";
	}

	/** The account, the refresh token the gateway starts from, and its token file. */
	@Override
	public Map<String, String> properties() {
		return Map.of("account-id", this.accountId, "refresh-token", this.refreshToken, "token-file",
				this.tokenFile.toString());
	}

	/** The token exchange, users and projects. */
	@Override
	public long minimumCalls() {
		return 3;
	}

	/** The token exchange comes before the first list. */
	@Override
	public int longestChain(boolean withToken) {
		return withToken ? 2 : 1;
	}

	@Override
	public Mono<SimServer.Reply> handle(SimServer.Call call) {
		if (call.is("POST", "/oauth/token")) {
			return Mono.just(token(call));
		}
		if (!authorized(call.header("Authorization"))) {
			return Mono.just(SimServer.Reply.json(401, "{\"code\":401,\"message\":\"Invalid or expired token\"}"));
		}
		String base = "/api/accounts/" + this.accountId;
		if (call.is("GET", base + "/users")) {
			return Mono.just(SimServer.Reply.json(200, JSON.writeValueAsString(this.users)));
		}
		if (call.is("GET", base + "/projects")) {
			return Mono.just(SimServer.Reply.json(200, JSON.writeValueAsString(this.projects)));
		}
		if (call.is("GET", "/api/isLogged")) {
			return Mono.just(SimServer.Reply.json(200, "{\"success\":true}"));
		}
		return Mono.just(SimServer.Reply.json(404, "{\"code\":404,\"message\":\"Not found\"}"));
	}

	private synchronized SimServer.Reply token(SimServer.Call call) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : call.text().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		if (!"refresh_token".equals(form.get("grant_type")) || !this.refreshToken.equals(form.get("refresh_token"))) {
			// Single-use: a refresh token that was used once is refused.
			return SimServer.Reply.json(401, "{\"code\":401,\"message\":\"Invalid refresh token\"}");
		}
		long exp = this.clock.instant().plus(this.tokenLifetime).getEpochSecond();
		String payload = "{\"sub\":\"demo-integration\",\"exp\":" + exp + "}";
		String jwt = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload) + "."
				+ b64(UUID.randomUUID().toString());
		this.accessTokens.put(jwt, exp);
		this.refreshToken = "rt-" + UUID.randomUUID();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", jwt);
		answer.put("refresh_token", this.refreshToken);
		answer.put("token_type", "Bearer");
		answer.put("expires_in", this.tokenLifetime.toSeconds());
		answer.put("user_id", "demo-integration");
		return SimServer.Reply.json(200, JSON.writeValueAsString(answer));
	}

	private boolean authorized(@Nullable String header) {
		if (header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		Long exp = this.accessTokens.get(header.substring(7));
		return exp != null && exp > this.clock.instant().getEpochSecond();
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
