package io.rollcall.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ProfilerResult;
import graphql.TrivialDataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fields below the root resolve: from the lists the root field read beside its own,
 * as plain values (no future, no batch loader, no Spring decoration per field), and, for
 * fields deeper than a root field looks ahead, from one shared load per source.
 */
class NestedFieldsTests extends GatewayTestBase {

	@Autowired
	private ExecutionGraphQlService service;

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void fieldsBelowUsersResolveFromMemory() throws IOException {
		ProfilerResult profile = profile(operation("everyoneWithAccess"), Map.of("first", 100));
		assertResolvedFromMemory(profile, "/users", "/users/edges/node/roles", "/users/edges/node/groups",
				"/users/edges/node/projects");
	}

	@Test
	void fieldsBelowProjectsGroupsAndPeopleResolveFromMemory() throws IOException {
		assertResolvedFromMemory(profile(operation("projectMembers"), Map.of()), "/projects",
				"/projects/edges/node/members");
		assertResolvedFromMemory(profile(operation("groupsAndMembers"), Map.of()), "/groups", "/groups/members");
		assertResolvedFromMemory(profile(operation("personAccess"), Map.of("email", "ada@example.com")), "/person",
				"/person/accounts/roles", "/person/accounts/groups", "/person/accounts/projects");
		assertResolvedFromMemory(profile("{ users(first: 100) { edges { node { person { email } } } } }", Map.of()),
				"/users", "/users/edges/node/person");
	}

	/**
	 * Spring decorates every data fetcher that is not trivial, once per field fetched.
	 */
	@Test
	void listFieldsAreTrivialDataFetchers() {
		GraphQLCodeRegistry registry = this.graphQlSource.schema().getCodeRegistry();
		for (String coordinates : Set.of("User.roles", "User.groups", "User.projects", "User.person", "Project.members",
				"Group.members")) {
			String[] parts = coordinates.split("\\.");
			GraphQLObjectType type = this.graphQlSource.schema().getObjectType(parts[0]);
			assertThat(registry.getDataFetcher(type, type.getFieldDefinition(parts[1]))).as(coordinates)
				.isInstanceOf(TrivialDataFetcher.class);
		}
	}

	@Test
	void fieldsDeeperThanTheLookAheadShareOneLoadPerSource() {
		String deep = "{ users(first: 20) { edges { node { projects { project { members { user { roles { name } "
				+ "person { email } } } } } } } } }";
		String shallow = "{ users(first: 20) { edges { node { roles { name } projects { permissions } "
				+ "person { email } } } } }";
		this.graphQl.document(shallow).execute().errors().verify();
		Map<String, Integer> lookedAhead = VendorStubs.apiCalls();
		forget();
		this.graphQl.document(deep).execute().errors().verify();
		assertThat(VendorStubs.apiCalls()).isEqualTo(lookedAhead);
	}

	@Test
	void fieldsOfANodeReadTheirSourceOnDemand() {
		String id = this.graphQl.document("{ users(first: 100) { edges { node { id roles { name } } } } }")
			.execute()
			.path("users.edges[?(@.node.roles.length() > 0)].node.id")
			.entityList(String.class)
			.get()
			.get(0);
		forget();
		List<String> roles = this.graphQl.document("{ node(id: \"" + id + "\") { ... on User { roles { name } } } }")
			.execute()
			.errors()
			.verify()
			.path("node.roles[*].name")
			.entityList(String.class)
			.get();
		assertThat(roles).isNotEmpty()
			.isEqualTo(this.graphQl.document("{ user(id: \"" + id + "\") { roles { name } } }")
				.execute()
				.path("user.roles[*].name")
				.entityList(String.class)
				.get());
	}

	/** Drops every cached list and the calls counted so far. */
	private void forget() {
		this.directory.sourceIds().forEach((source) -> this.directory.connector(source).orElseThrow().forget());
		VendorStubs.reset();
	}

	private ProfilerResult profile(String document, Map<String, Object> variables) {
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, variables, null,
				"profile", null);
		request.configureExecutionInput((input, builder) -> builder.profileExecution(true).build());
		ExecutionGraphQlResponse response = this.service.execute(request).block(Duration.ofSeconds(30));
		assertThat(response.getErrors()).isEmpty();
		return response.getExecutionInput().getGraphQLContext().get(ProfilerResult.PROFILER_CONTEXT_KEY);
	}

	/**
	 * Only the root field answers with a future; the list fields below it (which must
	 * have run) answer with their values, and no batch loader is used.
	 */
	private static void assertResolvedFromMemory(ProfilerResult profile, String root, String... nested) {
		assertThat(profile.getDataLoaderLoadInvocations()).isEmpty();
		assertThat(profile.getDataFetcherResultType()).containsKeys(nested);
		profile.getDataFetcherResultType().forEach((field, type) -> {
			if (!field.equals(root)) {
				assertThat(type).as(field).isEqualTo(ProfilerResult.DataFetcherResultType.MATERIALIZED);
			}
		});
	}

	private static String operation(String name) throws IOException {
		return new ClassPathResource("graphql/operations/" + name + ".graphql")
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
