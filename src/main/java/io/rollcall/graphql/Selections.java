package io.rollcall.graphql;

import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Whether a field's selection reaches a path such as {@code edges/node/roles}, read
 * straight off the document (fragments followed). graphql-java's own selection set
 * answers the same but normalizes the whole operation first, which costs more than the
 * answer is worth on a hot path.
 */
final class Selections {

	private final List<Field> fields;

	private final Map<String, FragmentDefinition> fragments;

	Selections(DataFetchingEnvironment env) {
		this.fields = env.getMergedField().getFields();
		this.fragments = env.getFragmentsByName();
	}

	boolean contains(String path) {
		String[] names = path.split("/");
		for (Field field : this.fields) {
			if (reaches(field.getSelectionSet(), names, 0)) {
				return true;
			}
		}
		return false;
	}

	private boolean reaches(@Nullable SelectionSet selections, String[] names, int depth) {
		if (selections == null) {
			return false;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				if (field.getName().equals(names[depth])
						&& (depth == names.length - 1 || reaches(field.getSelectionSet(), names, depth + 1))) {
					return true;
				}
			}
			else if (selection instanceof InlineFragment inline) {
				if (reaches(inline.getSelectionSet(), names, depth)) {
					return true;
				}
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null && reaches(fragment.getSelectionSet(), names, depth)) {
					return true;
				}
			}
		}
		return false;
	}

}
