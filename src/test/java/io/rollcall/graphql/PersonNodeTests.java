package io.rollcall.graphql;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person is a node like any other: an opaque, stable id that {@code node(id)} resolves,
 * so that clients' normalised caches can keep people.
 */
class PersonNodeTests extends GatewayTestBase {

	@Test
	void aPersonHasAnIdThatNodeResolves() {
		String id = this.graphQl.document("{ person(email: \"ADA@example.com\") { id email } }")
			.execute()
			.path("person.email")
			.entity(String.class)
			.isEqualTo("ada@example.com")
			.path("person.id")
			.entity(String.class)
			.get();
		assertThat(id).isNotBlank().doesNotContain("ada");
		String again = this.graphQl.document("{ people(first: 100) { edges { node { id email } } } }")
			.execute()
			.path("people.edges[?(@.node.email == 'ada@example.com')].node.id")
			.entityList(String.class)
			.get()
			.get(0);
		assertThat(again).isEqualTo(id);
		this.graphQl
			.document("query($id: ID!) { node(id: $id) { __typename id ... on Person { email accounts { id } } } }")
			.variable("id", id)
			.execute()
			.path("node.__typename")
			.entity(String.class)
			.isEqualTo("Person")
			.path("node.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("node.accounts")
			.entityList(Object.class)
			.hasSizeGreaterThan(1);
	}

}
