package io.rollcall.connector.periscope;

import java.util.regex.Pattern;

import io.rollcall.connector.VendorModule;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Emails;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;
import org.jspecify.annotations.Nullable;

/**
 * Periscope (Sisense), plugged in: one site and its key; without {@code invited-by} the
 * site can neither invite users nor create groups.
 */
final class PeriscopeModule implements VendorModule<PeriscopeProperties> {

	private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._-]{1,200}");

	@Override
	public Vendor vendor() {
		return Vendor.PERISCOPE;
	}

	@Override
	public Class<PeriscopeProperties> properties() {
		return PeriscopeProperties.class;
	}

	@Override
	public void validate(String id, String prefix, PeriscopeProperties properties, Problems problems) {
		problems.check(() -> {
			Settings.required(prefix + ".site", properties.site());
			if (!SITE.matcher(String.valueOf(properties.site())).matches()) {
				throw new InvalidConfigurationException(prefix + ".site",
						"must be the site's name: letters, digits, '.', '_' and '-', at most 200 characters");
			}
		});
		problems.check(() -> {
			Settings.secret(prefix + ".api-key", properties.apiKey());
			Settings.required(prefix + ".api-key", properties.apiKey());
		});
		problems.check(() -> {
			Settings.text(prefix + ".invited-by", properties.invitedBy());
			if (properties.invitedBy() != null && !Emails.isValid(properties.invitedBy())) {
				throw new InvalidConfigurationException(prefix + ".invited-by", "must be an email address");
			}
		});
	}

	@Override
	public Connector connector(Source source, PeriscopeProperties properties) {
		return PeriscopeConnectors.create(source.id(), source.name(), String.valueOf(properties.site()),
				String.valueOf(properties.apiKey()), blankToNull(properties.invitedBy()), source.http());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Settings.isBlank(value) ? null : value;
	}

	@Override
	public Simulation.Factory simulation() {
		return PeriscopeSimulation::new;
	}

}
