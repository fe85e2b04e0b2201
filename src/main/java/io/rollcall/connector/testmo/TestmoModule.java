package io.rollcall.connector.testmo;

import io.rollcall.connector.VendorModule;
import io.rollcall.demo.Simulation;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Vendor;
import io.rollcall.settings.Problems;
import io.rollcall.settings.Settings;

/**
 * Testmo, plugged in: an API token; paged lists read {@code concurrency} at a time.
 */
final class TestmoModule implements VendorModule<TestmoProperties> {

	@Override
	public Vendor vendor() {
		return Vendor.TESTMO;
	}

	@Override
	public Class<TestmoProperties> properties() {
		return TestmoProperties.class;
	}

	@Override
	public void validate(String id, String prefix, TestmoProperties properties, Problems problems) {
		problems.check(() -> {
			Settings.secret(prefix + ".token", properties.token());
			Settings.required(prefix + ".token", properties.token());
		});
	}

	@Override
	public Connector connector(Source source, TestmoProperties properties) {
		return TestmoConnectors.create(source.id(), source.name(), String.valueOf(properties.token()), source.http(),
				source.concurrency());
	}

	@Override
	public Simulation.Factory simulation() {
		return TestmoSimulation::new;
	}

}
