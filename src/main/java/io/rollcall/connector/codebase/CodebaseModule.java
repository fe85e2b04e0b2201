package io.rollcall.connector.codebase;

import io.rollcall.connector.VendorModule;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;

/**
 * Codebase HQ, plugged in: HTTP Basic with {@code account/username} and its API key.
 */
final class CodebaseModule implements VendorModule<CodebaseProperties> {

	@Override
	public Vendor vendor() {
		return Vendor.CODEBASE;
	}

	@Override
	public Class<CodebaseProperties> properties() {
		return CodebaseProperties.class;
	}

	@Override
	public void validate(String id, String prefix, CodebaseProperties properties, Problems problems) {
		problems.check(() -> {
			Settings.text(prefix + ".username", properties.username());
			Settings.required(prefix + ".username", properties.username());
			if (!String.valueOf(properties.username()).contains("/")) {
				throw new InvalidConfigurationException(prefix + ".username",
						"must be account/username, as Codebase's API settings show it");
			}
		});
		problems.check(() -> {
			Settings.secret(prefix + ".api-key", properties.apiKey());
			Settings.required(prefix + ".api-key", properties.apiKey());
		});
	}

	@Override
	public Connector connector(Source source, CodebaseProperties properties) {
		return CodebaseConnectors.create(source.id(), source.name(), String.valueOf(properties.username()),
				String.valueOf(properties.apiKey()), source.http());
	}

	@Override
	public Simulation.Factory simulation() {
		return CodebaseSimulation::new;
	}

}
