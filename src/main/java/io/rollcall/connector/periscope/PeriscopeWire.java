package io.rollcall.connector.periscope;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.connector.VendorJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Periscope's answers, in Periscope's terms.
 */
final class PeriscopeWire {

	private PeriscopeWire() {
	}

	record User(@Nullable Long id, @JsonProperty("first_name") @Nullable String firstName,
			@JsonProperty("last_name") @Nullable String lastName, @Nullable String email, @Nullable List<String> groups,
			@JsonProperty("created_at") @Nullable String createdAt) {
	}

	record Group(@Nullable String name, @Nullable String access) {
	}

	/**
	 * Reads a list answered as {@code {"<field>":[…]}} or, as tolerated, as a bare array.
	 * @param <T> the item type
	 * @param body the body
	 * @param field the envelope's field
	 * @param type the item type
	 * @return the items
	 */
	static <T> List<T> list(byte[] body, String field, Class<T> type) {
		JsonNode root = VendorJson.mapper().readTree(body);
		JsonNode array = root.isArray() ? root : root.get(field);
		if (array == null || !array.isArray()) {
			throw new IllegalArgumentException("Expected a list of " + field);
		}
		List<T> items = new ArrayList<>(array.size());
		for (JsonNode node : array) {
			items.add(VendorJson.mapper().treeToValue(node, type));
		}
		return items;
	}

	/** Reads one object, or null when the body is empty or not an object. */
	static <T> @Nullable T one(byte[] body, Class<T> type) {
		if (body.length == 0) {
			return null;
		}
		JsonNode root = VendorJson.mapper().readTree(body);
		return root.isObject() ? VendorJson.mapper().treeToValue(root, type) : null;
	}

}
