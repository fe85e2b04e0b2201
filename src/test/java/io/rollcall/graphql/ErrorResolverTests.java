package io.rollcall.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLObjectType;
import graphql.Scalars;
import io.rollcall.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How exceptions reach clients: never as stack traces or class names.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorResolverTests {

	private final ErrorResolver resolver = new ErrorResolver();

	@Test
	void anUnexpectedExceptionIsInternalWithAnIdThatIsAlsoLogged(CapturedOutput output) {
		GraphQLError error = resolve(new IllegalStateException("secret detail at vendor.example:443"));
		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL").containsKey("errorId");
		String id = (String) error.getExtensions().get("errorId");
		assertThat(error.getMessage()).isEqualTo("Internal error " + id + "; the gateway's log has the details")
			.doesNotContain("IllegalStateException")
			.doesNotContain("vendor.example");
		assertThat(output.getAll()).contains(id).contains("IllegalStateException");
	}

	@Test
	void badInputNamesTheArgument() {
		GraphQLError error = resolve(
				new InvalidInputException("input.email", "input.email is not a valid email address"));
		assertThat(error.getExtensions())
			.containsAllEntriesOf(Map.of("code", "BAD_USER_INPUT", "argument", "input.email"));
	}

	private GraphQLError resolve(Throwable ex) {
		GraphQLObjectType query = GraphQLObjectType.newObject()
			.name("Query")
			.field((field) -> field.name("users").type(Scalars.GraphQLString))
			.build();
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.mergedField(graphql.execution.MergedField.newMergedField(graphql.language.Field.newField("users").build())
				.build())
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
				.type(Scalars.GraphQLString)
				.path(ResultPath.rootPath().segment("users"))
				.fieldContainer(query)
				.build())
			.build();
		return this.resolver.resolveException(ex, env).block().get(0);
	}

}
