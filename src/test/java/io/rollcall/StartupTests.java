package io.rollcall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees when Rollcall starts: where to go, with the port it really got,
 * and no noise.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

	@Test
	void saysWhereGraphiQlIsWithTheRealPort(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RollcallApplication.class)
			.run("--server.port=0")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(port).isNotEqualTo("0");
			assertThat(output.getOut())
				.contains("Rollcall is ready: GraphiQL at http://localhost:" + port
						+ "/graphiql, GraphQL at http://localhost:" + port + "/graphql")
				.doesNotContain("Skipped types");
			// The demo lets pages served from localhost call it, for frontend work.
			org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
				.options()
				.uri("/graphql")
				.header("Origin", "http://localhost:5173")
				.header("Access-Control-Request-Method", "POST")
				.retrieve()
				.toBodilessEntity()
				.map((entity) -> entity.getHeaders().getAccessControlAllowOrigin())
				.as(reactor.test.StepVerifier::create)
				.expectNext("http://localhost:5173")
				.verifyComplete();
		}
	}

}
