package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.rollcall.domain.NodeId;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutation against every way a vendor can fail the write: each answers one
 * {@code FAILED} change with the fault's code and a message that says whether the change
 * may have been made, never {@code INTERNAL} or {@code data: null}, and the write is sent
 * at most once per request.
 */
class WriteFaultsTests extends GatewayTestBase {

	/** A mutation, and the vendor call that makes its change. */
	record Write(String name, String document, String vendor, String method, String path) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A way the vendor fails, the code it must give, and what the message must say. */
	record VendorFault(String name, String code, String says) {

		@Override
		public String toString() {
			return this.name;
		}

		ResponseDefinitionBuilder answer(Write write) {
			return switch (this.name) {
				case "500", "breaker open" -> aResponse().withStatus(500);
				case "401" -> aResponse().withStatus(401).withBody("{\"error\":\"Unauthorized\"}");
				case "403" -> aResponse().withStatus(403);
				case "429", "cool-down" -> aResponse().withStatus(429).withHeader("Retry-After", "120");
				case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
				case "hang" -> aResponse().withStatus(200).withFixedDelay(2500);
				case "garbage" -> aResponse().withStatus(200)
					.withHeader("Content-Type",
							write.vendor().equals("codebase") ? "application/xml" : "application/json")
					.withBody("{{{<<< not what was asked for");
				default -> throw new IllegalArgumentException(this.name);
			};
		}

	}

	static Stream<Arguments> everyWriteAndFault() {
		String project = NodeId.project("codebase", "codebase").encode();
		String user = NodeId.user("codebase", "2").encode();
		List<Write> writes = List.of(new Write("inviteUser into Codebase",
				"mutation { inviteUser(input: {sources: [\"codebase\"], email: \"new.person@example.com\", firstName: \"New\", lastName: \"Person\"}) { changes { status code message } } }",
				"codebase", "POST", "/users"),
				new Write("inviteUser into Periscope",
						"mutation { inviteUser(input: {sources: [\"periscope-eu\"], email: \"new.person@example.com\", firstName: \"New\", lastName: \"Person\"}) { changes { status code message } } }",
						"periscope", "POST", "/api/v1/users"),
				new Write("updateUser",
						"mutation { updateUser(input: {source: \"periscope-eu\", email: \"dan@example.com\", firstName: \"Daniel\"}) { changes { status code message } } }",
						"periscope", "PUT", "/api/v1/users"),
				new Write("removeUser",
						"mutation { removeUser(input: {email: \"ada@example.com\", sources: [\"periscope-eu\"]}) { changes { status code message } } }",
						"periscope", "DELETE", "/api/v1/users"),
				new Write("createGroup",
						"mutation { createGroup(input: {source: \"periscope-eu\", name: \"Auditors\", access: \"View\"}) { changes { status code message } } }",
						"periscope", "POST", "/api/v1/groups"),
				new Write("updateGroup",
						"mutation { updateGroup(input: {source: \"periscope-eu\", name: \"Analysts\", access: \"SQL\"}) { changes { status code message } } }",
						"periscope", "PUT", "/api/v1/groups/Analysts"),
				new Write("deleteGroup",
						"mutation { deleteGroup(input: {source: \"periscope-eu\", name: \"Analysts\"}) { changes { status code message } } }",
						"periscope", "DELETE", "/api/v1/groups/Analysts"),
				new Write("addProjectMember",
						"mutation { addProjectMember(input: {project: \"" + project + "\", user: \"" + user
								+ "\"}) { changes { status code message } } }",
						"codebase", "POST", "/codebase/assignments"));
		List<VendorFault> faults = List.of(new VendorFault("500", "SOURCE_UNAVAILABLE", "the outcome is unknown"),
				new VendorFault("401", "SOURCE_UNAUTHORIZED", "refused the configured credentials"),
				new VendorFault("403", "SOURCE_UNAUTHORIZED", "refused the configured credentials"),
				new VendorFault("429", "SOURCE_RATE_LIMITED", "nothing was changed"),
				new VendorFault("reset", "SOURCE_UNAVAILABLE", ""),
				new VendorFault("hang", "SOURCE_TIMEOUT", "the outcome is unknown"),
				new VendorFault("garbage", "SOURCE_BAD_RESPONSE", "the outcome is unknown"),
				new VendorFault("breaker open", "SOURCE_UNAVAILABLE", "circuit open"),
				new VendorFault("cool-down", "SOURCE_RATE_LIMITED", "asked the gateway to wait"));
		List<Arguments> cases = new ArrayList<>();
		for (Write write : writes) {
			for (VendorFault fault : faults) {
				cases.add(Arguments.of(write, fault));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} when the vendor answers {1}")
	@MethodSource("everyWriteAndFault")
	void everyWriteAnswersAFailedChange(Write write, VendorFault fault) {
		WireMockServer vendor = VendorStubs.all().get(write.vendor());
		// An open breaker comes from a vendor failing every call, reads included.
		MappingBuilder call = fault.name().equals("breaker open") ? any(anyUrl())
				: request(write.method(), urlPathEqualTo(write.path()));
		vendor.stubFor(call.atPriority(1).willReturn(fault.answer(write)));
		Map<String, Object> change = run(write);
		int attempts = 1;
		if (fault.name().equals("breaker open")) {
			while (!String.valueOf(change.get("message")).contains("circuit open") && attempts < 10) {
				change = run(write);
				attempts++;
			}
		}
		else if (fault.name().equals("cool-down")) {
			change = run(write);
			attempts++;
		}
		assertThat(change).containsEntry("status", "FAILED").containsEntry("code", fault.code());
		assertThat((String) change.get("message")).contains(fault.says())
			.containsPattern("the outcome is unknown|nothing was changed|nothing was sent|refused");
		int sent = vendor.findAll(requestedFor(write.method(), urlPathEqualTo(write.path()))).size();
		assertThat(sent).as("writes sent").isLessThanOrEqualTo(attempts);
		if (fault.name().equals("breaker open") || fault.name().equals("cool-down")) {
			assertThat(sent).as("writes sent while paused").isLessThan(attempts);
			assertThat((String) change.get("message")).contains("nothing was changed");
		}
	}

	private Map<String, Object> run(Write write) {
		Map<String, Object> answer = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", write.document()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(answer).as("answer").doesNotContainKey("errors");
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) answer.get("data"))
			.get(write.document().replaceAll("mutation \\{ (\\w+).*", "$1"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> changes = (List<Map<String, Object>>) result.get("changes");
		assertThat(changes).hasSize(1);
		return changes.get(0);
	}

}
