package io.rollcall.connector.cintoo;

import io.rollcall.connector.VendorModule;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;

/**
 * Cintoo, plugged in: an account id and either a fixed access token or a refresh token
 * that rotates on every use (kept in a token file, checked before start-up goes on).
 */
final class CintooModule implements VendorModule<CintooProperties> {

	@Override
	public Vendor vendor() {
		return Vendor.CINTOO;
	}

	@Override
	public Class<CintooProperties> properties() {
		return CintooProperties.class;
	}

	@Override
	public void validate(String id, String prefix, CintooProperties properties, Problems problems) {
		problems.check(() -> {
			Settings.text(prefix + ".account-id", properties.accountId());
			Settings.required(prefix + ".account-id", properties.accountId());
		});
		problems.check(() -> Settings.text(prefix + ".token-file",
				(properties.tokenFile() != null) ? properties.tokenFile().toString() : null));
		problems.check(() -> Settings.secret(prefix + ".access-token", properties.accessToken()));
		problems.check(() -> Settings.secret(prefix + ".refresh-token", properties.refreshToken()));
		problems.check(() -> {
			if (Settings.isBlank(properties.accessToken()) && Settings.isBlank(properties.refreshToken())) {
				throw new InvalidConfigurationException(prefix + ".access-token",
						"a Cintoo source needs an access-token or a refresh-token");
			}
			if (!Settings.isBlank(properties.accessToken()) && !Settings.isBlank(properties.refreshToken())) {
				throw new InvalidConfigurationException(prefix + ".refresh-token",
						"set either access-token or refresh-token, not both");
			}
		});
		if (!Settings.isBlank(properties.refreshToken())) {
			problems.check(() -> TokenFiles.check(prefix + ".token-file", properties.tokenFileOrDefault(id)));
		}
	}

	@Override
	public Connector connector(Source source, CintooProperties properties) {
		return CintooConnectors.create(source.id(), source.name(), String.valueOf(properties.accountId()),
				blankToNull(properties.accessToken()), blankToNull(properties.refreshToken()),
				properties.tokenFileOrDefault(source.id()), source.http(), source.clock(), source.shared());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Settings.isBlank(value) ? null : value;
	}

	@Override
	public Simulation.Factory simulation() {
		return CintooSimulation::new;
	}

}
