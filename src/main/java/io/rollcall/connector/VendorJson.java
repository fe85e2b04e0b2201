package io.rollcall.connector;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

	/**
	 * Reads a list item by item, answered as a bare array or, when {@code envelope} is
	 * given, as the array under that field of an object; stops as soon as the list holds
	 * more than the source's {@code max-items}, so a huge answer is never read whole.
	 * @param <T> the item type
	 * @param http the source's exchanges, for its bounds and their failure
	 * @param body the body
	 * @param envelope the object field holding the array, or null for a bare array only
	 * @param type the item type
	 * @return the items
	 */
	public static <T> List<T> list(VendorHttp http, byte[] body, @Nullable String envelope, Class<T> type) {
		int maxItems = http.bounds().maxItems();
		try (JsonParser parser = MAPPER.createParser(body)) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.START_OBJECT && envelope != null) {
				token = enterField(parser, envelope);
			}
			if (token != JsonToken.START_ARRAY) {
				throw new IllegalArgumentException("Expected a list");
			}
			ObjectReader reader = MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
			List<T> items = new ArrayList<>();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (items.size() == maxItems) {
					throw http.tooManyItems();
				}
				items.add(reader.readValue(parser));
			}
			return items;
		}
	}

	/** Moves to the value of one field of the object being read. */
	private static @Nullable JsonToken enterField(JsonParser parser, String field) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (field.equals(name)) {
				return value;
			}
			parser.skipChildren();
		}
		return null;
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
