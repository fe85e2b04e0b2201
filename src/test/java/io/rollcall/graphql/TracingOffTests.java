package io.rollcall.graphql;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an OTLP endpoint, no span leaves the process: there is nothing to export to.
 */
class TracingOffTests extends GatewayTestBase {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutAnEndpointNothingIsExported() {
		assertThat(this.context.getBeansOfType(SpanExporter.class)).isEmpty();
	}

}
