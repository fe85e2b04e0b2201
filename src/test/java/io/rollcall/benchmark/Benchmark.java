package io.rollcall.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.rollcall.connector.VendorModules;
import io.rollcall.demo.DemoVendors;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Rollcall's benchmark: vendor simulations on loopback, Rollcall in its own JVM against
 * them, wrk for load. Every figure is a ratio or a count measured in the same run. Run
 * with {@code benchmark/run}; not part of the tests.
 */
public final class Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String EVERYTHING = "query { users(first: 100) { totalCount edges { node { id displayName email "
			+ "source { id } roles { name } groups { name access } projects { project { name } roles { name } permissions } "
			+ "} } } }";

	private static final String WARM = "query { users(first: 50) { totalCount edges { node { id displayName email "
			+ "source { id } roles { name } groups { name access } projects { project { name } roles { name } permissions } "
			+ "} } } }";

	private static final String SEARCH = "query { users(first: 50, filter: {search: \"ada\"}) { totalCount edges { node { id displayName email } } } }";

	private static final String PEOPLE = "query { people(first: 50, filter: {minAccounts: 2}) { totalCount edges { node { email displayName sources { id } } } } }";

	private final Path jar;

	private final List<String> report = new ArrayList<>();

	private Benchmark(Path jar) {
		this.jar = jar;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		new Benchmark(jar).run((args.length > 1) ? args[1] : "all");
	}

	private void run(String phases) throws Exception {
		line("# Rollcall benchmark");
		line("");
		line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu() + "; Java "
				+ System.getProperty("java.version") + "; " + LocalDate.now() + "; wrk " + wrkVersion());
		line("");
		if (phases.equals("all") || phases.contains("fanout")) {
			fanOutAndEconomy();
		}
		if (phases.equals("all") || phases.contains("warm")) {
			warmThroughput();
		}
		if (phases.equals("all") || phases.contains("scale")) {
			scale();
		}
		if (phases.equals("all") || phases.contains("bulk")) {
			bulkRemovals();
		}
		if (phases.equals("all") || phases.contains("compression")) {
			compression();
		}
		if (phases.equals("all") || phases.contains("history")) {
			history();
		}
		if (phases.contains("distinct")) {
			oneWorkload(true);
		}
		if (phases.contains("repeated")) {
			oneWorkload(false);
		}
		Files.writeString(Path.of("target/benchmark.md"), String.join("\n", this.report) + "\n");
		System.out.println("\n(also written to target/benchmark.md)");
	}

	/**
	 * Cold wall time of the everything query against the critical path, and vendor calls
	 * against the minimum.
	 */
	private void fanOutAndEconomy() throws Exception {
		Duration latency = Duration.ofMillis(100);
		try (DemoVendors vendors = DemoVendors
			.start(new DemoVendors.Settings(320, 42, latency, Duration.ofHours(1), false), VendorModules.simulations());
				Gateway gateway = Gateway.start(this.jar, vendors)) {
			Map<String, Long> before = vendors.calls();
			long started = System.nanoTime();
			Map<?, ?> answer = gateway.query(EVERYTHING);
			Duration first = Duration.ofNanos(System.nanoTime() - started);
			Map<String, Long> after = vendors.calls();
			check(answer);
			// The first answer also pays for a cold JVM; the figure that matters is a
			// cold cache
			// in a warm JVM: warm it on other queries, forget the cache, ask again.
			for (int i = 0; i < 20; i++) {
				gateway.query(EVERYTHING);
				gateway.query("mutation { refreshSources { id } }");
				gateway.query(EVERYTHING);
			}
			// The median of several cold answers: one alone varies by tens of
			// milliseconds on a shared machine.
			List<Long> colds = new ArrayList<>();
			for (int i = 0; i < 9; i++) {
				gateway.query("mutation { refreshSources { id } }");
				started = System.nanoTime();
				check(gateway.query(EVERYTHING));
				colds.add(System.nanoTime() - started);
			}
			Duration cold = Duration.ofNanos(colds.stream().sorted().toList().get(colds.size() / 2));
			// The longest chain of calls that wait on each other in any one source:
			// Testmo's
			// projects, then each project's first page of users, then the rest of its
			// pages.
			int chain = vendors.longestChain(false);
			Duration critical = latency.multipliedBy(chain);
			line("## Fan-out and upstream economy (vendor latency " + latency.toMillis() + " ms, 320 people)");
			line("");
			line("| figure | value | target |");
			line("| --- | --- | --- |");
			line(String.format(
					"| cold everything query (median of 9) / critical path (%d x %d ms) | %.2f (%d ms) | <= 1.15 |",
					chain, latency.toMillis(), cold.toNanos() / (double) critical.toNanos(), cold.toMillis()));
			Duration firstCritical = latency.multipliedBy(vendors.longestChain(true));
			line(String.format(
					"| the same, first query after start (JVM not warmed up, Cintoo token exchange) | %.2f (%d ms) | |",
					first.toNanos() / (double) firstCritical.toNanos(), first.toMillis()));
			Map<String, Long> minimum = vendors.minimumCalls();
			long total = 0;
			long least = 0;
			for (String source : minimum.keySet()) {
				long calls = after.get(source) - before.get(source);
				total += calls;
				least += minimum.get(source);
				line(String.format("| vendor calls, %s / minimum | %d / %d | equal |", source, calls,
						minimum.get(source)));
			}
			line(String.format("| vendor calls, all / minimum (first query) | %d / %d | equal |", total, least));
			Map<String, Long> warmBefore = vendors.calls();
			started = System.nanoTime();
			gateway.query(EVERYTHING);
			Duration warm = Duration.ofNanos(System.nanoTime() - started);
			long warmCalls = vendors.calls().values().stream().mapToLong(Long::longValue).sum()
					- warmBefore.values().stream().mapToLong(Long::longValue).sum();
			line(String.format("| warm everything query: time, vendor calls | %d ms, %d | 0 calls |", warm.toMillis(),
					warmCalls));
			line("");
		}
	}

	/**
	 * Cached users(first: 50) with roles, groups and projects under 32 clients, against a
	 * fixed-body WebFlux endpoint.
	 */
	private void warmThroughput() throws Exception {
		try (DemoVendors vendors = DemoVendors.start(
				new DemoVendors.Settings(320, 42, Duration.ZERO, Duration.ofHours(1), false),
				VendorModules.simulations()); Gateway gateway = Gateway.start(this.jar, vendors)) {
			byte[] body = JSON.writeValueAsBytes(gateway.query(WARM));
			gateway.query(WARM);
			Wrk.run(gateway.url(), WARM, 32, 5);
			Wrk.Result repeated = Wrk.run(gateway.url(), WARM, 32, 15);
			// A unique alias per request: no answer cache helps, every request executes.
			Wrk.runDistinct(gateway.url(), WARM, 32, 5);
			Gateway.Costs before = gateway.costs();
			Wrk.Result distinct = Wrk.runDistinct(gateway.url(), WARM, 32, 15);
			Gateway.Costs distinctCosts = gateway.costs().since(before, distinct.requests());
			Wrk.Result ceiling;
			DisposableServer fixed = fixedBodyServer(body);
			try {
				Wrk.run("http://127.0.0.1:" + fixed.port() + "/graphql", WARM, 32, 5);
				ceiling = Wrk.run("http://127.0.0.1:" + fixed.port() + "/graphql", WARM, 32, 15);
			}
			finally {
				fixed.disposeNow();
			}
			line("## Warm throughput (users(first: 50) with roles, groups, projects; " + body.length
					+ "-byte answer; 32 connections, wrk on the same cores)");
			line("");
			line("| workload | req/s | / fixed-body ceiling (" + Math.round(ceiling.rps())
					+ " req/s) | p50 | p99 | errors | targets |");
			line("| --- | --- | --- | --- | --- | --- | --- |");
			line(String.format(
					"| the same query repeated (answer cache) | %.0f | %.2f | %.1f ms | %.1f ms | %d | >= 0.3, p99 <= 20 ms |",
					repeated.rps(), repeated.rps() / ceiling.rps(), repeated.p50(), repeated.p99(), repeated.errors()));
			line(String.format(
					"| a new document every request (unique alias) | %.0f | %.2f | %.1f ms | %.1f ms | %d | >= 1,000 req/s, p99 <= 60 ms |",
					distinct.rps(), distinct.rps() / ceiling.rps(), distinct.p50(), distinct.p99(), distinct.errors()));
			line(String.format("| fixed-body WebFlux endpoint | %.0f | 1.00 | %.1f ms | %.1f ms | %d | |",
					ceiling.rps(), ceiling.p50(), ceiling.p99(), ceiling.errors()));
			line("");
			line(String.format(
					"Per new document (gateway process): %.2f ms of CPU, %.0f KB allocated (target <= 1 MB).",
					distinctCosts.cpuMillis(), distinctCosts.allocatedKb()));
			line("");
		}
	}

	/**
	 * One workload alone, for a profile: run with a flight recording in
	 * {@code -Drollcall.benchmark.jvm}.
	 * @param distinct a new document every request, or the same one repeated
	 */
	private void oneWorkload(boolean distinct) throws Exception {
		try (DemoVendors vendors = DemoVendors.start(
				new DemoVendors.Settings(320, 42, Duration.ZERO, Duration.ofHours(1), false),
				VendorModules.simulations()); Gateway gateway = Gateway.start(this.jar, vendors)) {
			gateway.query(WARM);
			gateway.query(WARM);
			if (distinct) {
				Wrk.runDistinct(gateway.url(), WARM, 32, 5);
			}
			else {
				Wrk.run(gateway.url(), WARM, 32, 5);
			}
			Gateway.Costs before = gateway.costs();
			Wrk.Result result = distinct ? Wrk.runDistinct(gateway.url(), WARM, 32, 15)
					: Wrk.run(gateway.url(), WARM, 32, 15);
			Gateway.Costs costs = gateway.costs().since(before, result.requests());
			line("## " + (distinct ? "New documents" : "The same document repeated")
					+ " only (users(first: 50) with roles, groups, projects; 32 connections)");
			line("");
			line("| req/s | p50 | p99 | errors | CPU per request | allocated per request |");
			line("| --- | --- | --- | --- | --- | --- |");
			line(String.format("| %.0f | %.1f ms | %.1f ms | %d | %.2f ms | %.0f KB |", result.rps(), result.p50(),
					result.p99(), result.errors(), costs.cpuMillis(), costs.allocatedKb()));
			line("");
		}
	}

	/** Cold time, warm filtered p99 and heap at 1k, 10k and 100k accounts. */
	private void scale() throws Exception {
		line("## Scale (vendor latency 10 ms)");
		line("");
		line("| accounts | cold everything (first 50) | per 1k accounts | warm p99 search | warm p99 people minAccounts 2 | heap after load | targets at 100k |");
		line("| --- | --- | --- | --- | --- | --- | --- |");
		for (int accounts : new int[] { 1_000, 10_000, 100_000 }) {
			// About 2.3 accounts per made-up person.
			int people = (int) Math.round(accounts / 2.3);
			try (DemoVendors vendors = DemoVendors.start(
					new DemoVendors.Settings(people, 7, Duration.ofMillis(10), Duration.ofHours(1), false),
					VendorModules.simulations());
					// Testmo's project memberships at 100k accounts pass the default
					// max-items (100,000), which bounds all of a source's lists at once.
					Gateway gateway = Gateway.start(this.jar, vendors, "max-items=1000000")) {
				long started = System.nanoTime();
				Map<?, ?> answer = gateway.query(WARM);
				Duration cold = Duration.ofNanos(System.nanoTime() - started);
				check(answer);
				int total = (Integer) ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("users")).get("totalCount");
				gateway.query(SEARCH);
				gateway.query(PEOPLE);
				Wrk.Result search = Wrk.run(gateway.url(), SEARCH, 8, 8);
				Wrk.Result byPeople = Wrk.run(gateway.url(), PEOPLE, 8, 8);
				long heap = gateway.heapAfterGc();
				line(String.format("| %,d | %d ms | %.1f ms | %.1f ms | %.1f ms | %d MB | %s |", total, cold.toMillis(),
						cold.toMillis() * 1000.0 / total, search.p99(), byPeople.p99(), heap / (1024 * 1024),
						(accounts == 100_000) ? "heap <= 512 MB, p99 <= 100 ms" : ""));
			}
		}
		line("");
	}

	/**
	 * 500 removals across two Periscope sites at 100 ms vendor latency, against the bound
	 * the per-source concurrency sets: each site's share of the removals, that many at a
	 * time, one latency each (the sites run side by side).
	 */
	private void bulkRemovals() throws Exception {
		Duration latency = Duration.ofMillis(100);
		int concurrency = 4;
		int perSite = 250;
		DemoVendors.Settings settings = new DemoVendors.Settings(1200, 11, latency, Duration.ofHours(1), false);
		try (DemoVendors eu = DemoVendors.start(settings, VendorModules.simulations());
				DemoVendors us = DemoVendors.start(settings, VendorModules.simulations())) {
			List<String> sources = new ArrayList<>(List.of("--rollcall.bulk.concurrency=" + concurrency));
			Map<String, DemoVendors> sites = new LinkedHashMap<>();
			sites.put("periscope-eu", eu);
			sites.put("periscope-us", us);
			sites.forEach((id, vendors) -> vendors.endpoints()
				.stream()
				.filter((endpoint) -> endpoint.vendor() == Vendor.PERISCOPE)
				.forEach((endpoint) -> {
					String prefix = "--rollcall.sources." + id + ".";
					sources.add(prefix + "vendor=periscope");
					sources.add(prefix + "base-url=" + endpoint.baseUrl());
					endpoint.properties().forEach((key, value) -> sources.add(prefix + key + "=" + value));
				}));
			try (Gateway gateway = Gateway.start(this.jar, sources)) {
				// Both simulations made the same people, so both sites have these
				// accounts.
				Map<?, ?> users = gateway.query(
						"query { users(first: 100, filter: {sources: [\"periscope-eu\"]}) { edges { node { email } } pageInfo { endCursor } } }");
				List<String> emails = new ArrayList<>(emails(users));
				while (emails.size() < perSite) {
					String cursor = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) users.get("data")).get("users"))
						.get("pageInfo")).get("endCursor");
					users = gateway.query("query { users(first: 100, after: \"" + cursor
							+ "\", filter: {sources: [\"periscope-eu\"]}) { edges { node { email } } pageInfo { endCursor } } }");
					emails.addAll(emails(users));
				}
				List<String> leavers = emails.subList(0, perSite);
				// A dry run first: the JVM warms up and the lists are read.
				gateway.query(removeUsers(leavers, true));
				Map<String, Long> before = eu.calls();
				long started = System.nanoTime();
				Map<?, ?> answer = gateway.query(removeUsers(leavers, false));
				Duration wall = Duration.ofNanos(System.nanoTime() - started);
				check(answer);
				Map<?, ?> totals = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("removeUsers"))
					.get("totals");
				long sent = eu.calls().get("periscope") - before.get("periscope");
				Duration bound = latency.multipliedBy((perSite + concurrency - 1) / concurrency);
				line("## Bulk removals (vendor latency " + latency.toMillis() + " ms, rollcall.bulk.concurrency="
						+ concurrency + ")");
				line("");
				line("| removals | sites | done | calls to one site | wall time | bound (per site: ceil(" + perSite
						+ " / " + concurrency + ") x " + latency.toMillis() + " ms) | ratio |");
				line("| --- | --- | --- | --- | --- | --- | --- |");
				line(String.format("| %d | 2 | %s | %d | %d ms | %d ms | %.2f |", perSite * 2, totals.get("done"), sent,
						wall.toMillis(), bound.toMillis(), wall.toNanos() / (double) bound.toNanos()));
				line("");
			}
		}
	}

	private static List<String> emails(Map<?, ?> users) {
		List<?> edges = (List<?>) ((Map<?, ?>) ((Map<?, ?>) users.get("data")).get("users")).get("edges");
		return edges.stream()
			.map((edge) -> (String) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("email"))
			.toList();
	}

	private static String removeUsers(List<String> emails, boolean dryRun) throws Exception {
		return "mutation { removeUsers(input: {emails: " + JSON.writeValueAsString(emails)
				+ ", sources: [\"periscope-eu\", \"periscope-us\"], dryRun: " + dryRun
				+ "}) { ok totals { changes done dryRun failed } } }";
	}

	/**
	 * What gzip costs and saves on answers of several sizes (the same query repeated,
	 * served from the answer cache, so that compression is most of the work): the bytes
	 * on the wire and the gateway's CPU per request, with and without Accept-Encoding.
	 */
	private void compression() throws Exception {
		try (DemoVendors vendors = DemoVendors.start(
				new DemoVendors.Settings(320, 42, Duration.ZERO, Duration.ofHours(1), false),
				VendorModules.simulations()); Gateway gateway = Gateway.start(this.jar, vendors)) {
			line("## Compression (gzip; the same query repeated, 16 connections, 8 s each)");
			line("");
			line("| answer | bytes | gzipped | saved | CPU per request, identity | CPU per request, gzip | extra CPU per KB saved |");
			line("| --- | --- | --- | --- | --- | --- | --- |");
			for (int first : new int[] { 1, 3, 10, 50 }) {
				String query = "query { users(first: " + first + ") { totalCount edges { node { id displayName email "
						+ "roles { name } groups { name } projects { project { name } permissions } } } } }";
				check(gateway.query(query));
				long plain = gateway.answerBytes(query, false);
				long gzipped = gateway.answerBytes(query, true);
				double[] cpu = new double[2];
				for (int gzip = 0; gzip < 2; gzip++) {
					String encoding = (gzip == 1) ? "gzip" : null;
					Wrk.run(gateway.url(), query, 16, 3, encoding);
					Gateway.Costs before = gateway.costs();
					Wrk.Result result = Wrk.run(gateway.url(), query, 16, 8, encoding);
					cpu[gzip] = gateway.costs().since(before, result.requests()).cpuMillis();
				}
				double savedKb = (plain - gzipped) / 1024.0;
				line(String.format("| users(first: %d) | %,d | %,d | %.0f %% | %.3f ms | %.3f ms | %s |", first, plain,
						gzipped, 100.0 * (plain - gzipped) / plain, cpu[0], cpu[1],
						(savedKb > 0) ? String.format("%.4f ms", (cpu[1] - cpu[0]) / savedKb) : "-"));
			}
			line("");
		}
	}

	/**
	 * Snapshot time and database size at 1k, 10k and 100k accounts (embedded H2, the
	 * default), and at 100k the time to work out what changed between two snapshots that
	 * were not compared before, with the gateway's heap after it.
	 */
	private void history() throws Exception {
		line("## Access history (embedded H2, vendor latency 10 ms)");
		line("");
		line("| accounts | snapshot (lists from the cache, then stored) | database file, two snapshots | diff of two snapshots, not compared before | changes found | heap after the diff | target |");
		line("| --- | --- | --- | --- | --- | --- | --- |");
		for (int accounts : new int[] { 1_000, 10_000, 100_000 }) {
			int people = (int) Math.round(accounts / 2.3);
			Path folder = Files.createTempDirectory("rollcall-benchmark-history-");
			try (DemoVendors vendors = DemoVendors.start(
					new DemoVendors.Settings(people, 7, Duration.ofMillis(10), Duration.ofHours(1), false),
					VendorModules.simulations())) {
				List<String> settings = new ArrayList<>(Gateway.sources(vendors, "max-items=1000000"));
				settings.add("--rollcall.history.url=jdbc:h2:file:" + folder.resolve("history"));
				settings.add("--rollcall.history.keep=10");
				try (Gateway gateway = Gateway.start(this.jar, settings)) {
					// The first snapshot reads the vendors and pays for class loading;
					// the one
					// measured stores what the cache holds, as a scheduled one mostly
					// does.
					check(gateway.query("mutation { takeSnapshot { id } }"));
					long started = System.nanoTime();
					Map<?, ?> first = gateway.query("mutation { takeSnapshot { id accountCount } }");
					Duration snapshot = Duration.ofNanos(System.nanoTime() - started);
					check(first);
					Map<?, ?> taken = (Map<?, ?>) ((Map<?, ?>) first.get("data")).get("takeSnapshot");
					long size = Files.size(folder.resolve("history.mv.db"));
					String diff = "";
					String found = "";
					String heap = "";
					if (accounts == 100_000) {
						// Some people leave Periscope, then two snapshots; the diff from
						// the
						// first to the last is worked out when asked for.
						List<String> leavers = emails(gateway.query(
								"query { users(first: 100, filter: {vendors: [PERISCOPE]}) { edges { node { email } } } }"));
						check(gateway.query("mutation { removeUsers(input: {emails: " + JSON.writeValueAsString(leavers)
								+ "}) { ok } }"));
						check(gateway.query("mutation { takeSnapshot { id } }"));
						Map<?, ?> last = gateway.query("mutation { takeSnapshot { id } }");
						check(last);
						String lastId = (String) ((Map<?, ?>) ((Map<?, ?>) last.get("data")).get("takeSnapshot"))
							.get("id");
						started = System.nanoTime();
						Map<?, ?> changes = gateway.query("query { accessChanges(from: \"" + taken.get("id")
								+ "\", to: \"" + lastId + "\", first: 1) { totalCount } }");
						Duration took = Duration.ofNanos(System.nanoTime() - started);
						check(changes);
						diff = took.toMillis() + " ms";
						found = String.valueOf(
								((Map<?, ?>) ((Map<?, ?>) changes.get("data")).get("accessChanges")).get("totalCount"));
						heap = gateway.heapAfterGc() / (1024 * 1024) + " MB";
					}
					line(String.format("| %,d | %,d ms | %.1f MB | %s | %s | %s | %s |",
							(Integer) taken.get("accountCount"), snapshot.toMillis(), size / (1024.0 * 1024.0), diff,
							found, heap, (accounts == 100_000) ? "diff under 2 s, memory bounded (heap 512 MB)" : ""));
				}
			}
		}
		line("");
	}

	/** Answers every request with the same body, as fast as a server can. */
	static DisposableServer fixedBodyServer(byte[] body) {
		HttpHandler handler = RouterFunctions.toHttpHandler(
				RouterFunctions.route(RequestPredicates.POST("/graphql"), (request) -> request.bodyToMono(byte[].class)
					.then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body))));
		return HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
	}

	private static void check(Map<?, ?> answer) {
		if (answer.get("errors") != null) {
			throw new IllegalStateException("The gateway answered with errors: " + answer.get("errors"));
		}
	}

	private void line(String text) {
		System.out.println(text);
		this.report.add(text);
	}

	private static String cpu() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// Not Linux: leave the model out.
		}
		return "unknown CPU";
	}

	private static String wrkVersion() throws Exception {
		Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Matcher matcher = Pattern.compile("wrk (\\S+)").matcher(out);
		return matcher.find() ? matcher.group(1) : "?";
	}

	/**
	 * Rollcall in its own JVM, configured with one source per simulated vendor.
	 */
	static final class Gateway implements AutoCloseable {

		private final Process process;

		private final int port;

		private Gateway(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static Gateway start(Path jar, DemoVendors vendors) throws Exception {
			return start(jar, vendors, "");
		}

		/**
		 * Starts Rollcall in its own JVM against the simulations.
		 * @param jar the application jar
		 * @param vendors the simulations
		 * @param sourceSetting a setting for every source, e.g.
		 * {@code max-response-size=512MB}, or ""
		 * @return the running gateway
		 */
		static Gateway start(Path jar, DemoVendors vendors, String sourceSetting) throws Exception {
			return start(jar, sources(vendors, sourceSetting));
		}

		/**
		 * The command-line arguments that point Rollcall at the simulations.
		 * @param vendors the simulations
		 * @param sourceSetting a setting for every source, or ""
		 * @return the arguments
		 */
		static List<String> sources(DemoVendors vendors, String sourceSetting) {
			List<String> sources = new ArrayList<>();
			for (DemoVendors.Endpoint endpoint : vendors.endpoints()) {
				String prefix = "--rollcall.sources." + endpoint.id() + ".";
				sources.add(prefix + "vendor=" + endpoint.vendor().name().toLowerCase());
				sources.add(prefix + "base-url=" + endpoint.baseUrl());
				sources.add(prefix + "timeout=60s");
				if (!sourceSetting.isEmpty()) {
					sources.add(prefix + sourceSetting);
				}
				endpoint.properties().forEach((key, value) -> sources.add(prefix + key + "=" + value));
			}
			return sources;
		}

		/**
		 * Starts Rollcall in its own JVM.
		 * @param jar the application jar
		 * @param settings its sources and any other settings, as command-line arguments
		 * @return the running gateway
		 */
		static Gateway start(Path jar, List<String> settings) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of("java"));
			// The Dockerfile's JVM settings, or others to measure with
			// -Drollcall.benchmark.jvm="...".
			String jvm = System.getProperty("rollcall.benchmark.jvm", "-XX:+UseParallelGC -Xms512m -Xmx512m");
			command.addAll(List.of(jvm.trim().split("\\s+")));
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--rollcall.security.enabled=false",
					"--logging.level.root=warn", "--logging.level.io.rollcall.audit=warn"));
			command.addAll(settings);
			Path log = Files.createTempFile("rollcall-benchmark", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// Spring would read the benchmark's ROLLCALL_JVM as a setting, rollcall.jvm,
			// and refuse it.
			builder.environment().remove("ROLLCALL_JVM");
			Process process = builder.start();
			Gateway gateway = new Gateway(process, port);
			gateway.log = log;
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("Rollcall did not start:\n" + Files.readString(log));
				}
				try {
					HttpResponse<String> health = HTTP.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
								.build(),
							HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return gateway;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(200);
			}
			gateway.close();
			throw new IllegalStateException("Rollcall did not start within 60 s");
		}

		String url() {
			return "http://127.0.0.1:" + this.port + "/graphql";
		}

		private Path log;

		Map<?, ?> query(String query) throws Exception {
			Map<?, ?> answer = quietQuery(query);
			if (answer.get("errors") != null) {
				System.err.println("Gateway log so far:\n" + Files.readString(this.log));
			}
			return answer;
		}

		/** Runs a query whose answer may well be an error. */
		Map<?, ?> quietQuery(String query) throws Exception {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url()))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofMinutes(2))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
				.build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readValue(response.body(), Map.class);
		}

		/**
		 * The answer's size on the wire, gzipped when asked (and worth it to the
		 * gateway).
		 */
		long answerBytes(String query, boolean gzip) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
			if (gzip) {
				request.header("Accept-Encoding", "gzip");
			}
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
		}

		long pid() {
			return this.process.pid();
		}

		/** Heap in use after a full collection, as the JVM reports it. */
		long heapAfterGc() throws Exception {
			Process gc = new ProcessBuilder("jcmd", Long.toString(this.process.pid()), "GC.run")
				.redirectErrorStream(true)
				.start();
			gc.getInputStream().readAllBytes();
			gc.waitFor();
			HttpResponse<String> metrics = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString());
			double used = 0;
			Matcher matcher = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} (\\S+)$")
				.matcher(metrics.body());
			while (matcher.find()) {
				used += Double.parseDouble(matcher.group(1));
			}
			return (long) used;
		}

		/** The gateway's CPU time and allocation so far, as its metrics report them. */
		Costs costs() throws Exception {
			String metrics = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			return new Costs(metric(metrics, "process_cpu_time_ns_total") / 1e6,
					metric(metrics, "jvm_gc_memory_allocated_bytes_total") / 1024);
		}

		private static double metric(String metrics, String name) {
			Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
			double total = 0;
			while (matcher.find()) {
				total += Double.parseDouble(matcher.group(1));
			}
			return total;
		}

		/**
		 * CPU time and allocation (counted at each young collection).
		 *
		 * @param cpuMillis CPU time in milliseconds
		 * @param allocatedKb allocation in KB
		 */
		record Costs(double cpuMillis, double allocatedKb) {

			/** Per request, from an earlier reading. */
			Costs since(Costs before, long requests) {
				long count = Math.max(1, requests);
				return new Costs((this.cpuMillis - before.cpuMillis) / count,
						(this.allocatedKb - before.allocatedKb) / count);
			}

		}

		@Override
		public void close() throws Exception {
			this.process.destroy();
			this.process.waitFor();
		}

	}

	/**
	 * wrk, the HTTP load generator, posting one GraphQL document.
	 */
	static final class Wrk {

		private Wrk() {
		}

		static Result run(String url, String query, int connections, int seconds) throws Exception {
			return run(url, query, connections, seconds, null);
		}

		/** The same, asking for this content encoding (e.g. gzip), or none. */
		static Result run(String url, String query, int connections, int seconds, @Nullable String encoding)
				throws Exception {
			Path script = Files.createTempFile("rollcall-wrk", ".lua");
			String body = JSON.writeValueAsString(Map.of("query", query));
			Files.writeString(script,
					"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
							+ ((encoding != null) ? "wrk.headers[\"Accept-Encoding\"] = \"" + encoding + "\"\n" : "")
							+ "wrk.body = " + luaString(body) + "\n");
			return wrk(url, script, connections, seconds);
		}

		/**
		 * Posts the query with a new alias on its root field every request, so that each
		 * is a document the gateway has not seen.
		 */
		static Result runDistinct(String url, String query, int connections, int seconds) throws Exception {
			String body = JSON.writeValueAsString(Map.of("query", query.replaceFirst("\\{ (\\w+)\\(", "{ ALIAS: $1(")));
			String[] halves = body.split("ALIAS", 2);
			Path script = Files.createTempFile("rollcall-wrk", ".lua");
			Files.writeString(script,
					"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
							+ "local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, nil, nil, "
							+ luaString(halves[0]) + " .. \"a\" .. math.random(1000000000) .. \"_\" .. n .. "
							+ luaString(halves[1]) + ")\nend\n");
			return wrk(url, script, connections, seconds);
		}

		private static Result wrk(String url, Path script, int connections, int seconds) throws Exception {
			Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
					"-s", script.toString(), url)
				.redirectErrorStream(true)
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return new Result(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "99%"),
					(long) number(out, "Non-2xx or 3xx responses: (\\d+)") + socketErrors(out),
					(long) number(out, "(\\d+) requests in"));
		}

		private static String luaString(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

		private static double number(String out, String pattern) {
			Matcher matcher = Pattern.compile(pattern).matcher(out);
			return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
		}

		private static long socketErrors(String out) {
			Matcher matcher = Pattern
				.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
				.matcher(out);
			if (!matcher.find()) {
				return 0;
			}
			long errors = 0;
			for (int i = 1; i <= 4; i++) {
				errors += Long.parseLong(matcher.group(i));
			}
			return errors;
		}

		private static double millis(String out, String percentile) {
			Matcher matcher = Pattern.compile(Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
			if (!matcher.find()) {
				return Double.NaN;
			}
			double value = Double.parseDouble(matcher.group(1));
			return switch (matcher.group(2)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
		}

		/**
		 * What wrk measured.
		 *
		 * @param requests requests answered
		 */
		record Result(double rps, double p50, double p99, long errors, long requests) {
		}

	}

}
