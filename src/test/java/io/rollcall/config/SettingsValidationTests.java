package io.rollcall.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rollcall.settings.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings nobody should be able to start with: each stops start-up with one line that
 * names the property and says what is wrong, never the value of a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

	private static final String SECRET = "s3cr3t-canary-value";

	private static final String[] PERISCOPE = { "rollcall.sources.p.vendor=periscope",
			"rollcall.sources.p.base-url=https://app.periscopedata.com", "rollcall.sources.p.site=acme",
			"rollcall.sources.p.api-key=" + SECRET };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SourcesConfiguration.class)
		.withBean(WebClient.Builder.class, WebClient::builder);

	static Stream<Arguments> badSettings() {
		return Stream.of(bad("rollcall.cache.ttl", "must be a positive duration", "rollcall.cache.ttl=-5m"),
				bad("rollcall.cache.ttl", "must be a positive duration", "rollcall.cache.ttl=0s"),
				bad("rollcall.cache.refresh-ahead", "must be shorter than rollcall.cache.ttl",
						"rollcall.cache.refresh-ahead=10m"),
				bad("rollcall.cache.max-stale", "must be at least rollcall.cache.ttl", "rollcall.cache.max-stale=1m"),
				bad("rollcall.limits.max-depth", "between 1 and 100", "rollcall.limits.max-depth=0"),
				bad("rollcall.limits.max-fields", "between 1 and", "rollcall.limits.max-fields=-1"),
				bad("rollcall.server.max-request-size", "between", "rollcall.server.max-request-size=1GB"),
				bad("rollcall.server.idle-timeout", "positive", "rollcall.server.idle-timeout=-1s"),
				bad("rollcall.server.max-connections", "between", "rollcall.server.max-connections=0"),
				bad("rollcall.security.jwt.clock-skew", "must not be negative", "rollcall.security.jwt.clock-skew=-1s"),
				bad("rollcall.sources.p.name", "the limit is 200", "rollcall.sources.p.name=" + "n".repeat(10_000)),
				bad("rollcall.sources.p.invited-by", "is 3000 characters long; the limit is 2048",
						"rollcall.sources.p.invited-by=" + "n".repeat(3000)),
				bad("rollcall.sources.p.account-id", "is a cintoo setting; a periscope source does not use it",
						"rollcall.sources.p.account-id=3f1c"),
				bad("rollcall.sources.p.name", "control character", "rollcall.sources.p.name=Periscope\u001b[31m"),
				bad("rollcall.sources.p.site", "must be the site's name", "rollcall.sources.p.site=acme\r\nX-Evil: 1"),
				bad("rollcall.sources.p.site", "must be the site's name", "rollcall.sources.p.site=acme eu"),
				bad("rollcall.sources.p.api-key", "white-space or control character",
						"rollcall.sources.p.api-key=" + SECRET + "\nX-Evil: 1"),
				bad("rollcall.sources.p.timeout", "positive", "rollcall.sources.p.timeout=-1s"),
				bad("rollcall.sources.p.max-idle-time", "positive", "rollcall.sources.p.max-idle-time=0s"),
				bad("rollcall.sources.p.max-response-size", "between", "rollcall.sources.p.max-response-size=5GB"),
				bad("rollcall.sources.p.concurrency", "between", "rollcall.sources.p.concurrency=0"),
				bad("rollcall.sources.p.max-items", "between", "rollcall.sources.p.max-items=0"),
				bad("rollcall.sources.p.max-pages", "between", "rollcall.sources.p.max-pages=-3"),
				bad("rollcall.sources.p.max-retry-after", "positive", "rollcall.sources.p.max-retry-after=0s"),
				bad("rollcall.sources.p.max-inline-retry-after", "must not be longer than max-retry-after",
						"rollcall.sources.p.max-inline-retry-after=10m"),
				bad("rollcall.sources.p.invited-by", "control character",
						"rollcall.sources.p.invited-by=admin@acme.com\r\nBcc: x@evil.example"),
				bad("rollcall.history.url", "must be a jdbc:h2: (embedded) or jdbc:postgresql: URL",
						"rollcall.history.url=jdbc:mysql://db/rollcall"),
				bad("rollcall.history.keep", "must be a number of snapshots (e.g. 1000) or a duration",
						"rollcall.history.keep=forever"),
				bad("rollcall.history.keep", "between 1 and", "rollcall.history.keep=0"),
				bad("rollcall.history.keep", "between", "rollcall.history.keep=1m"),
				bad("rollcall.history.snapshot-every", "between", "rollcall.history.snapshot-every=1s"),
				bad("rollcall.history.password", "white-space or control character",
						"rollcall.history.password=" + SECRET + "\nX"),
				bad("rollcall.bulk.max-people", "between", "rollcall.bulk.max-people=0"),
				bad("rollcall.bulk.concurrency", "between", "rollcall.bulk.concurrency=1000"),
				bad("rollcall.sources.<id>", "the limit is 64",
						"rollcall.sources." + "x".repeat(100) + ".vendor=testmo"));
	}

	private static Arguments bad(String property, String problem, String setting) {
		return Arguments.of(property, problem, setting);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("badSettings")
	void stopsStartUpNamingTheProperty(String property, String problem, String setting) {
		List<String> properties = new ArrayList<>(List.of(PERISCOPE));
		properties.add(setting);
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationException cause = findCause(context.getStartupFailure());
			assertThat(cause).as("the configuration failure").isNotNull();
			assertThat(cause.property()).isEqualTo(property);
			assertThat(cause.getMessage()).startsWith(property + ": ").contains(problem).doesNotContain(SECRET);
			assertThat(cause.getMessage()).doesNotContain("\n").hasSizeLessThan(300);
			FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(property);
		});
	}

	@Test
	void historyIsKeptByCountOrByAge() {
		assertThat(RollcallProperties.History.retention("1000"))
			.isEqualTo(new io.rollcall.history.Snapshots.Retention(1000, null));
		assertThat(RollcallProperties.History.retention(" 400d "))
			.isEqualTo(new io.rollcall.history.Snapshots.Retention(0, java.time.Duration.ofDays(400)));
		assertThat(RollcallProperties.History.retention("PT12H"))
			.isEqualTo(new io.rollcall.history.Snapshots.Retention(0, java.time.Duration.ofHours(12)));
	}

	@ParameterizedTest(name = "a token file that {0}")
	@ValueSource(strings = { "is a directory", "is not UTF-8", "holds two lines", "sits in a file, not a folder" })
	void aBrokenCintooTokenFileStopsStartUp(String what, @TempDir Path dir) throws Exception {
		Path file = dir.resolve("cintoo.refresh-token");
		String problem = switch (what) {
			case "is a directory" -> {
				Files.createDirectories(file);
				yield "is a directory, not a file";
			}
			case "is not UTF-8" -> {
				Files.write(file, new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
				yield "is not UTF-8 text";
			}
			case "holds two lines" -> {
				Files.writeString(file, "rt-1\nrt-2\n");
				yield "holds white space or a control character";
			}
			default -> {
				Files.writeString(dir.resolve("folder"), "a file");
				file = dir.resolve("folder").resolve("cintoo.refresh-token");
				yield "cannot be written";
			}
		};
		String path = file.toString();
		this.runner.withPropertyValues("rollcall.sources.cintoo.vendor=cintoo",
				"rollcall.sources.cintoo.base-url=https://aec.cintoo.com", "rollcall.sources.cintoo.account-id=acct",
				"rollcall.sources.cintoo.refresh-token=" + SECRET, "rollcall.sources.cintoo.token-file=" + path)
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("rollcall.sources.cintoo.token-file");
				assertThat(cause.getMessage()).contains(problem).doesNotContain(SECRET).doesNotContain("\n");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "rollcall.sources.p.tokn|did you mean rollcall.sources.p.token?",
					"rollcall.source.x.vendor|did you mean rollcall.sources?",
					"rollcall.cache.tll|did you mean rollcall.cache.ttl?",
					"rollcall.limits.max-feilds|did you mean rollcall.limits.max-fields?",
					"rollcall.security.api-keys[0].rol|did you mean rollcall.security.api-keys[0].role?",
					"rollcall.graphiql.enable|did you mean rollcall.graphiql.enabled?",
					"rollcall.nonsense|the settings here are sources, cache, security, limits, server" })
	void unknownSettingsAreNamedWithTheNearestKnownOne(String key, String problem) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String setting : PERISCOPE) {
			settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		}
		settings.put(key, SECRET);
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		assertThatThrownBy(() -> UnknownProperties.check(environment))
			.isInstanceOfSatisfying(InvalidConfigurationException.class, (cause) -> {
				assertThat(cause.property()).isEqualTo(key);
				assertThat(cause.getMessage()).contains(problem).doesNotContain(SECRET);
			});
	}

	@Test
	void aMisspeltSourcesKeyStopsStartUpInsteadOfStartingDemoMode(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(io.rollcall.RollcallApplication.class)
			.run("--server.port=0", "--rollcall.source.x.vendor=testmo")).isNotNull();
		assertThat(output.getAll())
			.contains("rollcall.source.x.vendor: is not a Rollcall setting; did you mean " + "rollcall.sources?")
			.doesNotContain("DEMO MODE");
	}

	@Test
	void everyProblemOfEverySourceIsReportedAtOnce() {
		this.runner
			.withPropertyValues("rollcall.sources.a.vendor=testmo", "rollcall.sources.a.base-url=ftp://x",
					"rollcall.sources.a.timeout=-1s", "rollcall.sources.b.vendor=codebase",
					"rollcall.sources.b.base-url=https://api3.codebasehq.com", "rollcall.sources.b.username=dan",
					"rollcall.sources.b.api-key=" + SECRET, "rollcall.sources.b.max-items=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.problems()).extracting(InvalidConfigurationException::property)
					.containsExactly("rollcall.sources.a.base-url", "rollcall.sources.a.token",
							"rollcall.sources.a.timeout", "rollcall.sources.b.username",
							"rollcall.sources.b.max-items");
				FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Rollcall's configuration has 5 problems:")
					.contains("\n  - rollcall.sources.a.token: must be set")
					.doesNotContain(SECRET);
			});
	}

	private static InvalidConfigurationException findCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof InvalidConfigurationException invalid) {
				return invalid;
			}
		}
		return null;
	}

}
