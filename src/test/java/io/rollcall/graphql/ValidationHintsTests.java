package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import io.rollcall.support.GatewayTestBase;
import io.rollcall.support.VendorStubs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes in a document get the nearest names the schema has, as graphql-js answers, and
 * a missing variable is named with its type; nothing reaches a vendor.
 */
class ValidationHintsTests extends GatewayTestBase {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"{ users { edges { node { emial } } } }|Field 'emial' in type 'User' is undefined. Did you mean 'email'?",
			"{ sourcez { id } }|Field 'sourcez' in type 'Query' is undefined. Did you mean 'sources'?",
			"{ users(frist: 2) { totalCount } }|Unknown field argument 'frist'. Did you mean 'first'?",
			"mutation { refreshSources(idz: [\"x\"]) { id } }|Unknown field argument 'idz'. Did you mean 'ids'?",
			"query($x: Usr) { sources { id } }|Unknown type 'Usr'. Did you mean 'User'?",
			"{ users(filter: {vendors: [TESTM]}) { totalCount } }|argument 'filter.vendors[0]' is TESTM, which is not a Vendor (one of CINTOO, TESTMO, CODEBASE, PERISCOPE). Did you mean 'TESTMO'?",
			"{ users(filter: {serch: \"a\"}) { totalCount } }|argument 'filter' contains a field not in 'UserFilter': 'serch'. Did you mean 'search'?",
			"{ users(first: \"x\") { totalCount } }|argument 'first' is not a valid 'Int' (a String was given)",
			"query($email: String!) { person(email: $email) { email } }|Variable '$email' (String!) is required, but the request gives no value for it",
			"{ users { edges { node { xyzzy } } } }|Field 'xyzzy' in type 'User' is undefined" })
	void mistakesGetTheNearestNames(String document, String expected) {
		List<String> messages = messages(document);
		assertThat(messages).anySatisfy((message) -> assertThat(message).contains(expected));
		if (document.contains("xyzzy")) {
			assertThat(messages).noneSatisfy((message) -> assertThat(message).contains("Did you mean"));
		}
		assertThat(VendorStubs.totalCalls()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{ users { |GRAPHQL_PARSE_FAILED", "{ nope }|GRAPHQL_VALIDATION_FAILED",
			"query($email: String!) { person(email: $email) { email } }|BAD_USER_INPUT", "{ sources { id } }|" })
	@SuppressWarnings("unchecked")
	void errorsBeforeExecutionCarryTheCodesApolloServerUses(String document, String code) {
		List<Map<String, Object>> errors = errors(Map.of("query", document));
		if (code == null) {
			assertThat(errors).isNull();
		}
		else {
			assertThat(errors).isNotEmpty()
				.allSatisfy((error) -> assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code",
						code));
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> errors(Map<String, Object> body) {
		return (List<Map<String, Object>>) postGraphQl(body).get("errors");
	}

	private List<String> messages(String document) {
		return errors(Map.of("query", document)).stream().map((error) -> (String) error.get("message")).toList();
	}

}
