package io.rollcall.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.rollcall.connector.VendorModules;
import io.rollcall.demo.DemoVendors;
import io.rollcall.support.HostileShapes;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What hostile documents and large vendor answers cost Rollcall, measured on the
 * gateway's own process: CPU time per document (the process's CPU clock before and after
 * each request, so parsing, validation, execution and garbage collection all count), and
 * heap after a full collection once a given number of accounts is cached, and the CPU and
 * memory a huge vendor answer costs (refused past {@code max-items}). Run with
 * {@code benchmark/hostile}; prints a table, also written to
 * {@code target/benchmark-hostile.md}.
 */
public final class HostileLoads {

	private static final int RUNS = 5;

	private HostileLoads() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		StringBuilder report = new StringBuilder();
		report.append("| document | chars | answer | CPU ms (max of ").append(RUNS).append(") |\n");
		report.append("| --- | ---: | --- | ---: |\n");
		try (DemoVendors vendors = DemoVendors.start(
				new DemoVendors.Settings(320, 42, Duration.ZERO, Duration.ofHours(1), false),
				VendorModules.simulations()); Benchmark.Gateway gateway = Benchmark.Gateway.start(jar, vendors)) {
			// Warm the caches and the JIT on ordinary work first.
			for (int i = 0; i < 50; i++) {
				Map<?, ?> answer = gateway
					.quietQuery("{ users(first: 50) { edges { node { displayName groups { name } } } } } #" + i);
				if (answer.get("errors") != null) {
					throw new IllegalStateException("The warm-up query failed: " + answer.get("errors"));
				}
			}
			int unique = 0;
			for (Map.Entry<String, String> shape : HostileShapes.all().entrySet()) {
				long worst = 0;
				String outcome = "";
				for (int run = 0; run < RUNS; run++) {
					long before = cpuMillis(gateway);
					// A new comment each time: no parsed-document cache helps.
					Map<?, ?> answer = gateway.quietQuery(shape.getValue() + " #" + (unique++));
					worst = Math.max(worst, cpuMillis(gateway) - before);
					outcome = outcome(answer);
				}
				report.append("| ")
					.append(shape.getKey())
					.append(" | ")
					.append(shape.getValue().length())
					.append(" | ")
					.append(outcome)
					.append(" | ")
					.append(worst)
					.append(" |\n");
			}
		}
		report.append("\n| accounts per source | heap after full GC (MB) |\n| ---: | ---: |\n");
		for (int people : new int[] { 1_000, 10_000, 100_000 }) {
			try (DemoVendors vendors = DemoVendors.start(
					new DemoVendors.Settings(people, 7, Duration.ZERO, Duration.ofHours(1), false),
					VendorModules.simulations());
					// Codebase's XML for 100,000 people is larger than the default 64 MB.
					Benchmark.Gateway gateway = Benchmark.Gateway.start(jar, vendors, "max-response-size=512MB")) {
				Map<?, ?> answer = gateway.quietQuery("{ users(first: 1) { totalCount } }");
				if (answer.get("errors") != null) {
					System.err.println(people + " people: " + answer.get("errors"));
				}
				long heap = gateway.heapAfterGc();
				report.append("| ")
					.append(people)
					.append(" (")
					.append(totals(answer))
					.append(" accounts in all) | ")
					.append(heap / (1024 * 1024))
					.append(" |\n");
			}
		}
		report
			.append("\n| a Periscope answer of | bytes | answer | gateway CPU ms | gateway RSS after (MB) "
					+ "| slowest other query meanwhile (ms) |\n")
			.append("| ---: | ---: | --- | ---: | ---: | ---: |\n");
		for (int accounts : new int[] { 100_000, 1_000_000 }) {
			byte[] users = periscopeUsers(accounts);
			DisposableServer periscope = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes.get("/api/v1/users",
						(request, response) -> response.header("Content-Type", "application/json")
							.sendByteArray(reactor.core.publisher.Mono.just(users))))
				.bindNow();
			try (Benchmark.Gateway gateway = Benchmark.Gateway.start(jar,
					List.of("--rollcall.sources.huge.vendor=periscope",
							"--rollcall.sources.huge.base-url=http://127.0.0.1:" + periscope.port(),
							"--rollcall.sources.huge.site=huge", "--rollcall.sources.huge.api-key=key",
							"--rollcall.sources.huge.timeout=60s"))) {
				long quiet = 0;
				for (int i = 0; i < 200; i++) {
					long started = System.nanoTime();
					gateway.quietQuery("{ sources { id } }");
					quiet = Math.max(quiet, (System.nanoTime() - started) / 1_000_000);
				}
				long before = cpuMillis(gateway);
				CompletableFuture<Map<?, ?>> huge = CompletableFuture.supplyAsync(() -> {
					try {
						return gateway.quietQuery("{ users(first: 1) { totalCount } }");
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				// Meanwhile, a query that needs no vendor: how long it waits shows
				// whether
				// the huge answer holds up the request threads.
				long slowest = 0;
				while (!huge.isDone()) {
					long started = System.nanoTime();
					gateway.quietQuery("{ sources { id } }");
					slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
				}
				Map<?, ?> answer = huge.get();
				long cpu = cpuMillis(gateway) - before;
				report.append("| ")
					.append(accounts)
					.append(" accounts | ")
					.append(users.length)
					.append(" | ")
					.append(outcome(answer))
					.append(" | ")
					.append(cpu)
					.append(" | ")
					.append(rssMegabytes(gateway))
					.append(" | ")
					.append(slowest)
					.append(" (")
					.append(quiet)
					.append(" without it) |\n");
			}
			finally {
				periscope.disposeNow();
			}
		}
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/benchmark-hostile.md"), report.toString());
	}

	private static long cpuMillis(Benchmark.Gateway gateway) {
		Optional<Duration> cpu = ProcessHandle.of(gateway.pid())
			.flatMap((process) -> process.info().totalCpuDuration());
		return cpu.map(Duration::toMillis).orElseThrow();
	}

	private static byte[] periscopeUsers(int accounts) {
		StringBuilder body = new StringBuilder(accounts * 64).append("{\"users\":[");
		for (int i = 0; i < accounts; i++) {
			// Small items, so that a million fit within max-response-size (64 MB).
			body.append((i > 0) ? "," : "").append("{\"email\":\"u").append(i).append("@x.io\"}");
		}
		return body.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static long rssMegabytes(Benchmark.Gateway gateway) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/" + gateway.pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
			}
		}
		return -1;
	}

	private static String outcome(Map<?, ?> answer) {
		Object errors = answer.get("errors");
		if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> error) {
			Object extensions = error.get("extensions");
			Object code = (extensions instanceof Map<?, ?> map) ? map.get("code") : null;
			if (code == null && extensions instanceof Map<?, ?> map) {
				code = map.get("classification");
			}
			return "refused: " + code;
		}
		return "answered";
	}

	private static Object totals(Map<?, ?> answer) {
		return ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("users")).get("totalCount");
	}

}
