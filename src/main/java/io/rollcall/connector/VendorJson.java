package io.rollcall.connector;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON reading shared by the JSON vendors: unknown fields are tolerated everywhere, as
 * vendors add fields without notice.
 */
public final class VendorJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private VendorJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Reads the text of one field of a JSON error body, e.g. {@code message} or
	 * {@code error}.
	 * @param body the body
	 * @param field the field
	 * @return the text, or null when the body has no such field
	 */
	public static @Nullable String errorField(byte[] body, String field) {
		JsonNode node = MAPPER.readTree(body);
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/** Parses an ISO-8601 date-time, or null when absent or unreadable. */
	public static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
