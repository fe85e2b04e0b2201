package io.rollcall.connector.periscope;

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

	/** The answer to a deletion: {@code {"email" or "name": …, "deleted": true}}. */
	record Deleted(@Nullable Boolean deleted) {
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
