package io.rollcall.history;

import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With history off, every history field and export says so with HISTORY_UNAVAILABLE, and
 * everything else works as before.
 */
@TestPropertySource(properties = "rollcall.history.enabled=false")
class HistoryOffTests extends GatewayTestBase {

	@Test
	void historyFieldsSayItIsOffAndReadsGoOn() {
		for (String query : List.of("{ snapshots { totalCount } }", "{ accessChanges { totalCount } }",
				"{ auditLog { totalCount } }", "mutation { takeSnapshot { id } }",
				"{ person(email: \"ada@example.com\", asOf: \"1\") { email } }")) {
			Map<String, Object> answer = postGraphQl(Map.of("query", query));
			assertThat(String.valueOf(answer.get("errors"))).as(query)
				.contains("HISTORY_UNAVAILABLE", "rollcall.history.enabled=false");
		}
		assertThat(postGraphQl(Map.of("query", "{ users { totalCount } }")).get("data").toString())
			.contains("totalCount=13");
		this.http.get().uri("/exports/audit.csv").exchange().expectStatus().isEqualTo(503);
		this.http.get().uri("/exports/accounts.csv").exchange().expectStatus().isOk();
	}

}
