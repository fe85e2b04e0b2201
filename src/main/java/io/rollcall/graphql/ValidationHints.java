package io.rollcall.graphql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.rollcall.domain.Suggestions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Words graphql-java's validation errors for people: a misspelt field, argument, type,
 * input field or enum value gets "Did you mean …?" with the nearest names the schema has
 * (as graphql-js answers), and a missing required variable says which one, and of what
 * type, in plain words. Other errors stay as they are.
 */
@Component
class ValidationHints {

	private static final Pattern FIELD = Pattern.compile("Field '(\\w+)' in type '(\\w+)' is undefined");

	private static final Pattern ARGUMENT = Pattern
		.compile("\\(UnknownArgument@\\[([\\w/]*)]\\) : Unknown field argument '(\\w+)'");

	private static final Pattern TYPE = Pattern.compile("Unknown type '(\\w+)'");

	private static final Pattern ENUM = Pattern
		.compile("argument '([\\w.\\[\\]]+)' with value .* is not a valid '(\\w+)' - Literal value not in allowable "
				+ "values for enum '\\w+' - 'EnumValue\\{name='(\\w+)'}'");

	private static final Pattern INPUT_FIELD = Pattern.compile("contains a field not in '(\\w+)': '(\\w+)'");

	private static final Pattern MISSING_VARIABLE = Pattern.compile(
			"Variable '(\\w+)' has an invalid value: Variable '\\w+' has coerced Null value for NonNull type '([^']+)'");

	private static final Pattern AST_VALUE = Pattern.compile(
			" with value '(?:Object|Array|Enum|String|Int|Float|Boolean|Null)Value\\{.*?}'(?= (?:is|contains|must|has) )");

	private static final Pattern AST_TYPES = Pattern
		.compile(" - Expected an AST type of '(\\w+)Value' but it was a '(\\w+)Value'");

	private final GraphQlSource source;

	private final boolean enabled;

	/**
	 * Hints name schema elements: where introspection is off (production), there are
	 * none.
	 */
	ValidationHints(GraphQlSource source,
			@Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspection) {
		this.source = source;
		this.enabled = introspection;
	}

	/**
	 * The errors' messages, those that a hint helps reworded.
	 * @param errors the answer's errors
	 * @return one message per error
	 */
	List<String> messages(List<ResponseError> errors) {
		return errors.stream()
			.map((error) -> String.valueOf(error.getMessage()))
			.map((message) -> this.enabled ? hint(message) : plain(message))
			.toList();
	}

	String hint(String given) {
		String message = plain(given);
		GraphQLSchema schema = this.source.schema();
		Matcher field = FIELD.matcher(message);
		if (field.find() && schema.getType(field.group(2)) instanceof GraphQLFieldsContainer type) {
			return withHint(message, Suggestions.nearest(field.group(1),
					type.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList()));
		}
		Matcher argument = ARGUMENT.matcher(message);
		if (argument.find()) {
			GraphQLFieldDefinition definition = fieldAt(schema, argument.group(1));
			if (definition != null) {
				return withHint(message, Suggestions.nearest(argument.group(2),
						definition.getArguments().stream().map((a) -> a.getName()).toList()));
			}
		}
		Matcher type = TYPE.matcher(message);
		if (type.find()) {
			return withHint(message,
					Suggestions.nearest(type.group(1),
							schema.getAllTypesAsList()
								.stream()
								.map(GraphQLNamedType::getName)
								.filter((name) -> !name.startsWith("__"))
								.toList()));
		}
		Matcher value = ENUM.matcher(given);
		if (value.find() && schema.getType(value.group(2)) instanceof GraphQLEnumType enumType) {
			List<String> values = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
			return withHint(
					"Validation error: argument '" + value.group(1) + "' is " + value.group(3) + ", which is not a "
							+ enumType.getName() + " (one of " + String.join(", ", values) + ")",
					Suggestions.nearest(value.group(3), values));
		}
		Matcher input = INPUT_FIELD.matcher(message);
		if (input.find() && schema.getType(input.group(1)) instanceof GraphQLInputObjectType inputType) {
			return withHint(message, Suggestions.nearest(input.group(2),
					inputType.getFieldDefinitions().stream().map((f) -> f.getName()).toList()));
		}
		Matcher variable = MISSING_VARIABLE.matcher(message);
		if (variable.find()) {
			return "Variable '$" + variable.group(1) + "' (" + variable.group(2)
					+ ") is required, but the request gives no value for it: add it to \"variables\"";
		}
		return message;
	}

	/**
	 * Without graphql-java's syntax-tree dumps: "argument 'first' with value
	 * 'StringValue{value='x'}' is not a valid 'Int' - Expected an AST type of 'IntValue'
	 * but it was a 'StringValue'" reads "argument 'first' is not a valid 'Int' (a String
	 * was given)".
	 */
	static String plain(String message) {
		return AST_TYPES.matcher(AST_VALUE.matcher(message).replaceAll("")).replaceAll(" (a $2 was given)");
	}

	private static String withHint(String message, List<String> suggestions) {
		String hint = Suggestions.didYouMean(suggestions);
		return hint.isEmpty() ? message : message + ". " + hint;
	}

	/** The field a validation error's path ends at, when the path names fields only. */
	private static @Nullable GraphQLFieldDefinition fieldAt(GraphQLSchema schema, String path) {
		GraphQLFieldDefinition query = fieldAt(schema.getQueryType(), path);
		return (query != null || schema.getMutationType() == null) ? query : fieldAt(schema.getMutationType(), path);
	}

	private static @Nullable GraphQLFieldDefinition fieldAt(GraphQLType root, String path) {
		GraphQLType parent = root;
		GraphQLFieldDefinition definition = null;
		for (String name : path.split("/")) {
			if (!(parent instanceof GraphQLFieldsContainer container)) {
				return null;
			}
			definition = container.getFieldDefinition(name);
			if (definition == null) {
				return null;
			}
			parent = GraphQLTypeUtil.unwrapAll(definition.getType());
		}
		return definition;
	}

}
