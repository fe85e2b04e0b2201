package io.rollcall.config;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.rollcall.connector.VendorModule;
import io.rollcall.connector.VendorModules;
import io.rollcall.demo.DemoVendors;
import io.rollcall.domain.Directory;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sources are read from configuration, and how a bad one stops start-up.
 */
class SourcesConfigurationTests {

	private static final String SECRET = "s3cr3t-canary-value";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SourcesConfiguration.class)
		.withBean(WebClient.Builder.class, WebClient::builder);

	@Test
	void wiresOneSourcePerEntryWithItsNameOrItsKey() {
		this.runner.withPropertyValues("rollcall.sources.codebase.vendor=codebase",
				"rollcall.sources.codebase.base-url=https://api3.codebasehq.com",
				"rollcall.sources.codebase.username=acme/dan", "rollcall.sources.codebase.api-key=" + SECRET,
				"rollcall.sources.periscope-eu.vendor=PERISCOPE", "rollcall.sources.periscope-eu.name=Periscope (EU)",
				"rollcall.sources.periscope-eu.base-url=https://app.periscopedata.com/",
				"rollcall.sources.periscope-eu.site=acme-eu", "rollcall.sources.periscope-eu.api-key=" + SECRET,
				"rollcall.sources.periscope-us.vendor=periscope",
				"rollcall.sources.periscope-us.base-url=https://app.periscopedata.com",
				"rollcall.sources.periscope-us.site=acme-us", "rollcall.sources.periscope-us.api-key=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Directory.class).sources())
					.extracting(SourceInfo::id, SourceInfo::vendor, SourceInfo::name)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("codebase", Vendor.CODEBASE, "codebase"),
							org.assertj.core.groups.Tuple.tuple("periscope-eu", Vendor.PERISCOPE, "Periscope (EU)"),
							org.assertj.core.groups.Tuple.tuple("periscope-us", Vendor.PERISCOPE, "periscope-us"));
			});
	}

	@Test
	void startsDemoModeWhenNoSourceIsConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Directory.class).sources()).extracting(SourceInfo::vendor)
				.containsExactlyInAnyOrder(Vendor.CINTOO, Vendor.TESTMO, Vendor.CODEBASE, Vendor.PERISCOPE);
			assertThat(context.getBean(Directory.class).sources())
				.allSatisfy((source) -> assertThat(source.name()).contains("(demo)"));
		});
	}

	@Test
	void demoSourcesKeepEveryDefaultOfAConfiguredSource() {
		SourceProperties configured = new Binder(new MapConfigurationPropertySource(Map.of("source.vendor", "testmo")))
			.bind("source", SourceProperties.class)
			.get();
		try (SourcesConfiguration.DemoMode demo = new SourcesConfiguration.DemoMode(
				DemoVendors.start(DemoVendors.Settings.interactive(), VendorModules.simulations()))) {
			assertThat(demo.sources(new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("rollcall",
					RollcallProperties.class)))
				.hasSize(4)
				.allSatisfy((id, source) -> assertThat(source).usingRecursiveComparison()
					.ignoringFields("vendor", "name", "baseUrl", "accountId", "accessToken", "refreshToken",
							"tokenFile", "token", "username", "apiKey", "site", "invitedBy")
					.isEqualTo(configured));
		}
	}

	@Test
	void anUnknownVendorNamesTheProperty() {
		// Every vendor, in the enum's order: "a, b, c or d".
		List<String> vendors = Stream.of(Vendor.values()).map((v) -> v.name().toLowerCase(Locale.ROOT)).toList();
		expectFailure("rollcall.sources.tool.vendor: unknown vendor 'jira'; expected "
				+ String.join(", ", vendors.subList(0, vendors.size() - 1)) + " or " + vendors.get(vendors.size() - 1),
				"rollcall.sources.tool.vendor=jira", "rollcall.sources.tool.base-url=https://example.com");
		assertThat(vendors).startsWith("cintoo", "testmo", "codebase", "periscope");
	}

	@Test
	void aMissingCredentialNamesTheProperty() {
		expectFailure("rollcall.sources.codebase.api-key: must be set", "rollcall.sources.codebase.vendor=codebase",
				"rollcall.sources.codebase.base-url=https://api3.codebasehq.com",
				"rollcall.sources.codebase.username=acme/dan");
		expectFailure("rollcall.sources.cintoo.access-token: a Cintoo source needs an access-token or a refresh-token",
				"rollcall.sources.cintoo.vendor=cintoo", "rollcall.sources.cintoo.base-url=https://aec.cintoo.com",
				"rollcall.sources.cintoo.account-id=3f1c");
		expectFailure("rollcall.sources.testmo.token: must be set", "rollcall.sources.testmo.vendor=testmo",
				"rollcall.sources.testmo.base-url=https://acme.testmo.net");
	}

	@Test
	void aMalformedOrUnsafeUrlNamesThePropertyWithoutEchoingSecrets() {
		expectFailure("rollcall.sources.testmo.base-url: must be an absolute URL such as https://host",
				"rollcall.sources.testmo.vendor=testmo", "rollcall.sources.testmo.base-url=acme.testmo.net",
				"rollcall.sources.testmo.token=" + SECRET);
		expectFailure(
				"rollcall.sources.testmo.base-url: must use https (plain http is allowed only for loopback addresses)",
				"rollcall.sources.testmo.vendor=testmo", "rollcall.sources.testmo.base-url=http://acme.testmo.net",
				"rollcall.sources.testmo.token=" + SECRET);
		expectFailure(
				"rollcall.sources.testmo.base-url: must not hold credentials; use the source's credential properties",
				"rollcall.sources.testmo.vendor=testmo",
				"rollcall.sources.testmo.base-url=https://admin:" + SECRET + "@acme.testmo.net",
				"rollcall.sources.testmo.token=" + SECRET);
	}

	@Test
	void aBadSourceIdIsRefused() {
		expectFailure(
				"rollcall.sources.Testmo_1: a source id must be lower-case letters, digits and '-', starting with a letter or digit",
				"rollcall.sources.Testmo_1.vendor=testmo", "rollcall.sources.Testmo_1.base-url=https://acme.testmo.net",
				"rollcall.sources.Testmo_1.token=x");
	}

	@Test
	void aCodebaseUsernameMustNameTheAccount() {
		expectFailure(
				"rollcall.sources.codebase.username: must be account/username, as Codebase's API settings show it",
				"rollcall.sources.codebase.vendor=codebase",
				"rollcall.sources.codebase.base-url=https://api3.codebasehq.com",
				"rollcall.sources.codebase.username=dan", "rollcall.sources.codebase.api-key=" + SECRET);
	}

	@Test
	void propertiesNeverPrintTheirSecrets() throws ReflectiveOperationException {
		for (VendorModule<?> module : VendorModules.all()) {
			RecordComponent[] components = module.properties().getRecordComponents();
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				values[i] = components[i].getType().equals(String.class) ? SECRET + i : null;
			}
			Record properties = module.properties()
				.getDeclaredConstructor(Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
				.newInstance(values);
			String printed = properties.toString();
			for (int i = 0; i < components.length; i++) {
				String name = components[i].getName().toLowerCase(Locale.ROOT);
				if (name.contains("token") || name.contains("key")) {
					assertThat(printed).as(module.vendor() + " " + components[i].getName()).doesNotContain(SECRET + i);
				}
			}
		}
		assertThat(new RollcallProperties.ApiKey("ci", SECRET, "READ", null, null).toString()).doesNotContain(SECRET);
	}

	private void expectFailure(String message, String... properties) {
		this.runner.withPropertyValues(properties).run((AssertableApplicationContext context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidConfigurationException cause = findCause(failure);
			assertThat(cause).isNotNull();
			assertThat(cause.getMessage()).isEqualTo(message).doesNotContain(SECRET);
			FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains(message);
			assertThat(analysis.getAction()).contains(cause.property());
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
