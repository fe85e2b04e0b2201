package io.rollcall.graphql;

import java.util.Map;

import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.rollcall.config.RollcallProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks each operation before any field is fetched, so no vendor is called for a request
 * that is too deep, too wide, too aliased or too costly, or for a mutation by a client
 * without the ADMIN role. Each refusal is one error with its own {@code extensions.code}.
 * Introspection fields are not counted.
 */
@Component
class QueryLimits {

	/** Items assumed for a list field whose length is not asked for. */
	static final int LIST_ITEMS = 10;

	private final RollcallProperties.Limits limits;

	QueryLimits(RollcallProperties properties) {
		this.limits = properties.limits();
	}

	/**
	 * Checks an operation about to run.
	 * @param context the execution
	 * @throws AbortExecutionException with one error when the operation is refused
	 */
	void check(ExecutionContext context) {
		OperationDefinition operation = context.getOperationDefinition();
		if (operation.getOperation() == OperationDefinition.Operation.MUTATION
				&& !mayChange(context.getGraphQLContext())) {
			throw refusal("FORBIDDEN", "Mutations need an API key or token with the ADMIN role");
		}
		Measure measure = new Measure(context.getGraphQLSchema(), context.getFragmentsByName(),
				context.getCoercedVariables().toMap());
		GraphQLFieldsContainer root = (operation.getOperation() == OperationDefinition.Operation.MUTATION)
				? context.getGraphQLSchema().getMutationType() : context.getGraphQLSchema().getQueryType();
		measure.walk(operation.getSelectionSet(), root, 1, 1);
		measure.directives += operation.getDirectives().size();
		check(measure.depth, this.limits.maxDepth(), "QUERY_TOO_DEEP", "nests fields %d deep; the limit is %d");
		check(measure.aliases, this.limits.maxAliases(), "TOO_MANY_ALIASES", "has %d aliases; the limit is %d");
		check(measure.rootFields, this.limits.maxRootFields(), "TOO_MANY_ROOT_FIELDS",
				"asks for %d root fields; the limit is %d");
		check(measure.directives, this.limits.maxDirectives(), "TOO_MANY_DIRECTIVES",
				"has %d directives; the limit is %d");
		check(measure.cost, this.limits.maxCost(), "QUERY_TOO_COSTLY",
				"would cost %d (each field once per item it can repeat for; connections count first, lists "
						+ LIST_ITEMS + "); the limit is %d: ask for smaller pages or fewer nested lists");
	}

	/**
	 * Without an authenticated client (security off) anyone may; otherwise only ADMIN.
	 */
	private static boolean mayChange(GraphQLContext context) {
		Boolean admin = context.get(RequestGuard.ADMIN);
		return admin == null || admin;
	}

	private static void check(long value, long limit, String code, String message) {
		if (value > limit) {
			throw refusal(code, "The operation " + String.format(message, value, limit));
		}
	}

	static AbortExecutionException refusal(String code, String message) {
		return new AbortExecutionException(java.util.List
			.of(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build()));
	}

	/**
	 * Walks an operation, fragments expanded, counting as it goes.
	 */
	private static final class Measure {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		int depth;

		int aliases;

		int rootFields;

		int directives;

		long cost;

		Measure(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.schema = schema;
			this.fragments = fragments;
			this.variables = variables;
		}

		void walk(@Nullable SelectionSet selections, @Nullable GraphQLType parent, int level, long multiplier) {
			if (selections == null) {
				return;
			}
			for (Selection<?> selection : selections.getSelections()) {
				if (selection instanceof Field field) {
					field(field, parent, level, multiplier);
				}
				else if (selection instanceof FragmentSpread spread) {
					this.directives += spread.getDirectives().size();
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					if (fragment != null) {
						this.directives += fragment.getDirectives().size();
						walk(fragment.getSelectionSet(), typeOf(parent, fragment.getTypeCondition().getName()), level,
								multiplier);
					}
				}
				else if (selection instanceof InlineFragment inline) {
					this.directives += inline.getDirectives().size();
					GraphQLType type = (inline.getTypeCondition() != null)
							? typeOf(parent, inline.getTypeCondition().getName()) : parent;
					walk(inline.getSelectionSet(), type, level, multiplier);
				}
			}
		}

		private void field(Field field, @Nullable GraphQLType parent, int level, long multiplier) {
			if (field.getName().startsWith("__")) {
				return;
			}
			if (level == 1) {
				this.rootFields++;
			}
			if (field.getAlias() != null) {
				this.aliases++;
			}
			this.directives += field.getDirectives().size();
			this.depth = Math.max(this.depth, level);
			this.cost = Math.min(Long.MAX_VALUE / 2, this.cost + multiplier);
			GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container)
					? container.getFieldDefinition(field.getName()) : null;
			GraphQLOutputType type = (definition != null) ? definition.getType() : null;
			long items = items(field, definition, type);
			walk(field.getSelectionSet(), (type != null) ? GraphQLTypeUtil.unwrapAll(type) : null, level + 1,
					Math.min(Long.MAX_VALUE / 2, multiplier * items));
		}

		/**
		 * How many times a field's children may repeat: a connection's page size, a
		 * list's guess.
		 */
		private long items(Field field, @Nullable GraphQLFieldDefinition definition, @Nullable GraphQLOutputType type) {
			if (definition != null && definition.getArgument("first") != null) {
				Long first = intArgument(field, "first");
				return (first != null) ? Math.max(1, first) : io.rollcall.domain.Paging.DEFAULT_FIRST;
			}
			if (field.getName().equals("edges")) {
				return 1;
			}
			return (type != null && GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) ? LIST_ITEMS : 1;
		}

		private @Nullable Long intArgument(Field field, String name) {
			for (Argument argument : field.getArguments()) {
				if (argument.getName().equals(name)) {
					if (argument.getValue() instanceof IntValue value) {
						return value.getValue().longValue();
					}
					if (argument.getValue() instanceof VariableReference reference
							&& this.variables.get(reference.getName()) instanceof Number number) {
						return number.longValue();
					}
				}
			}
			return null;
		}

		private @Nullable GraphQLType typeOf(@Nullable GraphQLType parent, String name) {
			GraphQLType named = this.schema.getType(name);
			return (named != null) ? named : parent;
		}

	}

}
