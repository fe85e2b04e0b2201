package io.rollcall.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
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
import io.rollcall.domain.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks each document before graphql-java validates it, and each operation before any
 * field is fetched, so no vendor is called, and no CPU is spent, for a request that is
 * too deep, too wide, too aliased, too large once its fragments are expanded, or too
 * costly, nor for a mutation by a client without the ADMIN role. Each refusal is one
 * error with its own {@code extensions.code}.
 * <p>
 * The work is linear in the document: each fragment is measured once per type it is
 * spread on, and a spread adds that measure instead of walking the fragment again. A
 * document of a few hundred characters can spread a fragment billions of times; it is
 * refused by {@code max-fields} before validation or execution expands it.
 */
@Component
class QueryLimits {

	/** Items assumed for a list field whose length is not asked for. */
	static final int LIST_ITEMS = 10;

	/** Where counts stop growing: far above any limit, far below overflow. */
	private static final long CAP = Long.MAX_VALUE / 4;

	private final RollcallProperties.Limits limits;

	QueryLimits(RollcallProperties properties) {
		this.limits = properties.limits();
	}

	/**
	 * Checks a whole document before it is validated: every operation and every fragment,
	 * with all limits but the cost (which depends on the variables).
	 * @param document the parsed document
	 * @param schema the schema
	 * @throws AbortExecutionException with one error when the document is refused
	 */
	void checkDocument(Document document, GraphQLSchema schema) {
		Measure measure = new Measure(schema, fragments(document), Map.of());
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				checkShape(measure.operation(operation), true);
			}
			else if (definition instanceof FragmentDefinition fragment) {
				// Unused fragments are validated too: they are bounded the same way.
				checkShape(measure.fragment(fragment.getName(), schema.getType(fragment.getTypeCondition().getName())),
						false);
			}
		}
	}

	/**
	 * Checks the operation about to run, with its variables.
	 * @param context the execution
	 * @throws AbortExecutionException with one error when the operation is refused
	 */
	void check(ExecutionContext context) {
		OperationDefinition operation = context.getOperationDefinition();
		if (operation.getOperation() == OperationDefinition.Operation.MUTATION
				&& !RequestGuard.admin(context.getGraphQLContext())) {
			throw refusal("FORBIDDEN", "Mutations need an API key or token with the ADMIN role");
		}
		Measure measure = new Measure(context.getGraphQLSchema(), context.getFragmentsByName(),
				context.getCoercedVariables().toMap());
		Summary summary = measure.operation(operation);
		checkShape(summary, true);
		check(summary.cost, this.limits.maxCost(), "QUERY_TOO_COSTLY",
				"would cost %d (each field once per item it can repeat for; connections count first, lists "
						+ LIST_ITEMS + "); the limit is %d: ask for smaller pages or fewer nested lists");
	}

	/**
	 * Checks everything but the cost; root fields only where the summary is of an
	 * operation, not of a fragment that may be spread deeper.
	 */
	private void checkShape(Summary summary, boolean operation) {
		check(summary.selections, this.limits.maxFields(), "TOO_MANY_FIELDS",
				"expands to %d fields and fragment spreads (each fragment counted every time it is spread); "
						+ "the limit is %d");
		check(summary.depth, this.limits.maxDepth(), "QUERY_TOO_DEEP", "nests fields %d deep; the limit is %d");
		check(summary.aliases, this.limits.maxAliases(), "TOO_MANY_ALIASES", "has %d aliases; the limit is %d");
		if (operation) {
			check(summary.rootFields, this.limits.maxRootFields(), "TOO_MANY_ROOT_FIELDS",
					"asks for %d root fields; the limit is %d");
		}
		check(summary.directives, this.limits.maxDirectives(), "TOO_MANY_DIRECTIVES",
				"has %d directives; the limit is %d");
	}

	private static Map<String, FragmentDefinition> fragments(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		return fragments;
	}

	private static void check(long value, long limit, String code, String message) {
		if (value > limit) {
			throw refusal(code, "The operation " + String.format(message, value, limit));
		}
	}

	static AbortExecutionException refusal(String code, String message) {
		return new AbortExecutionException(
				List.of(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build()));
	}

	private static long add(long a, long b) {
		return Math.min(CAP, a + b);
	}

	private static long times(long a, long b) {
		return (a != 0 && b > CAP / a) ? CAP : Math.min(CAP, a * b);
	}

	/**
	 * What a selection set adds up to, with its own fields at level 1 and counted once.
	 * Introspection fields count only as selections: they cost no vendor call.
	 */
	private static final class Summary {

		static final Summary EMPTY = new Summary();

		long selections;

		int depth;

		long aliases;

		long rootFields;

		long directives;

		long cost;

		/** Adds a summary of selections at the same level. */
		void merge(Summary other) {
			this.selections = add(this.selections, other.selections);
			this.depth = Math.max(this.depth, other.depth);
			this.aliases = add(this.aliases, other.aliases);
			this.rootFields = add(this.rootFields, other.rootFields);
			this.directives = add(this.directives, other.directives);
			this.cost = add(this.cost, other.cost);
		}

	}

	/**
	 * Measures the selection sets of one document, each fragment once per type.
	 */
	private static final class Measure {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private final Map<String, Summary> measured = new HashMap<>();

		private final Set<String> measuring = new HashSet<>();

		Measure(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.schema = schema;
			this.fragments = fragments;
			this.variables = variables;
		}

		Summary operation(OperationDefinition operation) {
			GraphQLFieldsContainer root = switch (operation.getOperation()) {
				case MUTATION -> this.schema.getMutationType();
				case SUBSCRIPTION -> this.schema.getSubscriptionType();
				default -> this.schema.getQueryType();
			};
			Summary summary = selections(operation.getSelectionSet(), root);
			summary.directives = add(summary.directives, operation.getDirectives().size());
			return summary;
		}

		/**
		 * A fragment spread on a type, measured once: spreading it again adds this
		 * summary without walking it.
		 */
		Summary fragment(String name, @Nullable GraphQLType parent) {
			FragmentDefinition fragment = this.fragments.get(name);
			if (fragment == null) {
				return Summary.EMPTY;
			}
			GraphQLType type = typeOf(parent, fragment.getTypeCondition().getName());
			String key = name + " on " + ((type != null) ? GraphQLTypeUtil.simplePrint(type) : "?");
			Summary known = this.measured.get(key);
			if (known != null) {
				return known;
			}
			if (!this.measuring.add(key)) {
				// A cycle: validation refuses it; it adds nothing here.
				return Summary.EMPTY;
			}
			Summary summary = selections(fragment.getSelectionSet(), type);
			summary.directives = add(summary.directives, fragment.getDirectives().size());
			this.measuring.remove(key);
			this.measured.put(key, summary);
			return summary;
		}

		private Summary selections(@Nullable SelectionSet selections, @Nullable GraphQLType parent) {
			Summary summary = new Summary();
			if (selections == null) {
				return summary;
			}
			for (Selection<?> selection : selections.getSelections()) {
				if (selection instanceof Field field) {
					summary.merge(field(field, parent));
				}
				else if (selection instanceof FragmentSpread spread) {
					summary.selections = add(summary.selections, 1);
					summary.directives = add(summary.directives, spread.getDirectives().size());
					summary.merge(fragment(spread.getName(), parent));
				}
				else if (selection instanceof InlineFragment inline) {
					summary.selections = add(summary.selections, 1);
					summary.directives = add(summary.directives, inline.getDirectives().size());
					GraphQLType type = (inline.getTypeCondition() != null)
							? typeOf(parent, inline.getTypeCondition().getName()) : parent;
					summary.merge(selections(inline.getSelectionSet(), type));
				}
			}
			return summary;
		}

		private Summary field(Field field, @Nullable GraphQLType parent) {
			Summary summary = new Summary();
			summary.selections = 1;
			if (field.getName().startsWith("__")) {
				// __typename and introspection: no vendor call, no depth or cost.
				summary.selections = add(1, selections(field.getSelectionSet(), null).selections);
				return summary;
			}
			GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container)
					? container.getFieldDefinition(field.getName()) : null;
			GraphQLOutputType type = (definition != null) ? definition.getType() : null;
			Summary children = selections(field.getSelectionSet(),
					(type != null) ? GraphQLTypeUtil.unwrapAll(type) : null);
			summary.selections = add(1, children.selections);
			summary.depth = children.depth + 1;
			summary.aliases = add((field.getAlias() != null) ? 1 : 0, children.aliases);
			summary.rootFields = 1;
			summary.directives = add(field.getDirectives().size(), children.directives);
			summary.cost = add(1, times(items(field, definition, type), children.cost));
			return summary;
		}

		/**
		 * How many times a field's children may repeat: a connection's page size, a
		 * list's guess.
		 */
		private long items(Field field, @Nullable GraphQLFieldDefinition definition, @Nullable GraphQLOutputType type) {
			if (definition != null && definition.getArgument("first") != null) {
				Long first = intArgument(field, "first");
				return (first != null) ? Math.max(1, first) : Paging.DEFAULT_FIRST;
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
						return value.getValue().min(java.math.BigInteger.valueOf(CAP)).longValue();
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
