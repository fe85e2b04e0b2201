package io.rollcall.history;

import java.util.List;
import java.util.Map;

import io.rollcall.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history on PostgreSQL, a real server started for these tests; and what happens
 * while it is down: reads answer as before, history fields say HISTORY_UNAVAILABLE,
 * changes still run, and their audit entries wait and are written once it is back.
 */
class PostgresHistoryTests extends HistoryTestBase {

	private static PostgresServer postgres;

	@BeforeAll
	static void startPostgres() throws Exception {
		if (postgres == null) {
			postgres = PostgresServer.start();
		}
	}

	@AfterAll
	static void stopPostgres() throws InterruptedException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("rollcall.history.url", () -> postgres.url());
		registry.add("rollcall.history.username", () -> postgres.username());
	}

	@Test
	void whileTheDatabaseIsDownReadsAndChangesGoOnAndTheAuditTrailCatchesUp() throws Exception {
		postgres.stop();
		try {
			this.graphQl.documentName("everyoneWithAccess")
				.execute()
				.errors()
				.verify()
				.path("users.totalCount")
				.entity(Integer.class)
				.isEqualTo(13);
			GraphQlTester.Response history = this.graphQl.document("{ snapshots { totalCount } }").execute();
			history.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies(
							(error) -> assertThat(error.getExtensions()).containsEntry("code", "HISTORY_UNAVAILABLE")));
			Map<String, Object> refused = postGraphQl(Map.of("query", "mutation { takeSnapshot { id } }"));
			assertThat(String.valueOf(refused)).contains("HISTORY_UNAVAILABLE").doesNotContain("jdbc:", "rollcall@");
			removeUser("barbara@example.com", true);
			assertThat(this.audit.pending()).as("audit entries waiting").isEqualTo(1);
		}
		finally {
			postgres.startServer();
		}
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		while (this.audit.pending() > 0) {
			assertThat(System.nanoTime()).as("audit entries written after the outage").isLessThan(deadline);
			Thread.sleep(100);
		}
		this.graphQl.documentName("auditTrail")
			.variable("filter", Map.of("email", "barbara@example.com"))
			.execute()
			.path("auditLog.edges[*].node.status")
			.entityList(String.class)
			.isEqualTo(List.of("DRY_RUN"));
	}

}
