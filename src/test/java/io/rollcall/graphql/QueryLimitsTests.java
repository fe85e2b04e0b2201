package io.rollcall.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.execution.AbortExecutionException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.rollcall.config.RollcallProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The document checks on their own, against the real schema and the default limits: each
 * refusal has its own code, and fragments are measured where they are spread.
 */
class QueryLimitsTests {

	private static final GraphQLSchema SCHEMA = schema();

	private final QueryLimits limits = new QueryLimits(new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("rollcall", RollcallProperties.class));

	@Test
	void theExampleOperationsPass() throws IOException {
		for (String name : new String[] { "everyoneWithAccess", "personAccess", "projectMembers", "nodeById" }) {
			String document = new ClassPathResource("graphql/operations/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
			assertThatCode(() -> check(document)).as(name).doesNotThrowAnyException();
		}
	}

	@Test
	void aFragmentSpreadBillionsOfTimesIsRefusedByItsExpandedSize() {
		StringBuilder document = new StringBuilder("{ users { edges { node { ...f0 } } } }");
		for (int i = 0; i < 30; i++) {
			document.append(" fragment f")
				.append(i)
				.append(" on User { ...f")
				.append(i + 1)
				.append(" ...f")
				.append(i + 1)
				.append(" }");
		}
		document.append(" fragment f30 on User { id }");
		assertThat(code(document.toString())).isEqualTo("TOO_MANY_FIELDS");
	}

	@Test
	void anUnusedFragmentIsBoundedTooAndDepthAliasesAndRootFieldsHaveTheirOwnCodes() {
		String wide = IntStream.range(0, 2100).mapToObj((i) -> "a" + i + ": id").collect(Collectors.joining(" "));
		assertThat(code("{ sources { id } } fragment unused on User { " + wide + " }")).isEqualTo("TOO_MANY_FIELDS");
		String[] path = { "users", "edges", "node", "projects", "project", "members", "user", "projects", "project",
				"members", "user", "projects", "project" };
		String deep = "{ " + String.join(" { ", path) + " { id }" + " }".repeat(path.length);
		assertThat(code(deep)).isEqualTo("QUERY_TOO_DEEP");
		String aliases = IntStream.range(0, 31)
			.mapToObj((i) -> "a" + i + ": id")
			.collect(Collectors.joining(" ", "{ sources { ", " } }"));
		assertThat(code(aliases)).isEqualTo("TOO_MANY_ALIASES");
		String roots = IntStream.range(0, 11)
			.mapToObj((i) -> "r" + i + ": sources { id }")
			.collect(Collectors.joining(" ", "{ ", " }"))
			.replace("r0: ", "");
		assertThat(code(roots)).isEqualTo("TOO_MANY_ROOT_FIELDS");
	}

	private void check(String document) {
		this.limits.checkDocument(Parser.parse(document), SCHEMA);
	}

	private String code(String document) {
		AbortExecutionException refusal = catchThrowableOfType(AbortExecutionException.class, () -> check(document));
		assertThat(refusal).as("a refusal").isNotNull();
		return String.valueOf(refusal.getUnderlyingErrors().get(0).getExtensions().get("code"));
	}

	private static GraphQLSchema schema() {
		try {
			String sdl = Files.readString(Path.of("graphql/schema/rollcall.graphqls"));
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
