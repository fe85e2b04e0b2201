package io.rollcall.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rollcall.demo.DemoVendors;
import io.rollcall.support.HostileShapes;

/**
 * What hostile documents and large vendor answers cost Rollcall, measured on the
 * gateway's own process: CPU time per document (the process's CPU clock before and after
 * each request, so parsing, validation, execution and garbage collection all count), and
 * heap after a full collection once a given number of accounts is cached. Run with
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
		try (DemoVendors vendors = DemoVendors
			.start(new DemoVendors.Settings(320, 42, Duration.ZERO, Duration.ofHours(1), false));
				Benchmark.Gateway gateway = Benchmark.Gateway.start(jar, vendors)) {
			// Warm the caches and the JIT on ordinary work first.
			for (int i = 0; i < 50; i++) {
				gateway.query("{ users(first: 50) { edges { node { displayName groups { name } } } } } #" + i);
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
			try (DemoVendors vendors = DemoVendors
				.start(new DemoVendors.Settings(people, 7, Duration.ZERO, Duration.ofHours(1), false));
					Benchmark.Gateway gateway = Benchmark.Gateway.start(jar, vendors)) {
				Map<?, ?> answer = gateway.query("{ users(first: 1) { totalCount } people(first: 1) { totalCount } }");
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
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/benchmark-hostile.md"), report.toString());
	}

	private static long cpuMillis(Benchmark.Gateway gateway) {
		Optional<Duration> cpu = ProcessHandle.of(gateway.pid())
			.flatMap((process) -> process.info().totalCpuDuration());
		return cpu.map(Duration::toMillis).orElseThrow();
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

	private static String totals(Map<?, ?> answer) {
		List<Object> totals = new ArrayList<>();
		Map<?, ?> data = (Map<?, ?>) answer.get("data");
		totals.add(((Map<?, ?>) data.get("users")).get("totalCount"));
		return String.valueOf(totals.get(0));
	}

}
