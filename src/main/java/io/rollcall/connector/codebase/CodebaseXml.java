package io.rollcall.connector.codebase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.TokenFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Reads Codebase's XML through Jackson's XML module, hardened: a document with a DTD is
 * refused before parsing, and the parser itself supports neither DTDs nor external
 * entities. {@code nil="true"} reads as null even when the element has text; an empty
 * element without it reads as "".
 */
final class CodebaseXml {

	private static final XmlMapper MAPPER = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(hardened()).build())
		.build();

	/**
	 * Drops every {@code <api-key>} as it streams past, so no tree or record ever holds
	 * one.
	 */
	private static final TokenFilter WITHOUT_API_KEYS = new TokenFilter() {
		@Override
		public @Nullable TokenFilter includeProperty(String name) {
			return "api-key".equals(name) ? null : TokenFilter.INCLUDE_ALL;
		}
	};

	private CodebaseXml() {
	}

	private static XMLInputFactory hardened() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	static List<CodebaseWire.User> users(byte[] body) {
		return items(read(body), "user").stream().map(CodebaseXml::user).toList();
	}

	static CodebaseWire.User user(byte[] body) {
		return user(read(body));
	}

	static List<CodebaseWire.Role> roles(byte[] body) {
		return items(read(body), "role").stream()
			.map((node) -> new CodebaseWire.Role(integer(node, "id"), text(node, "name"), bool(node, "default"),
					items(node.get("permissions"), "permission").stream().map(CodebaseXml::value).toList()))
			.toList();
	}

	static List<CodebaseWire.Project> projects(byte[] body) {
		return items(read(body), "project").stream()
			.map((node) -> new CodebaseWire.Project(text(node, "permalink"), text(node, "name"), text(node, "status"),
					text(node, "group-id")))
			.toList();
	}

	/**
	 * The ids of a project's assigned users, as {@code /{permalink}/assignments} lists
	 * them.
	 */
	static List<Long> assignedIds(byte[] body) {
		return items(read(body), "user").stream().map((node) -> integer(node, "id")).toList();
	}

	/** The messages of a 422 {@code <errors>} document, joined. */
	static @Nullable String errors(byte[] body) {
		List<String> messages = items(read(body), "error").stream().map(CodebaseXml::value).toList();
		return messages.isEmpty() ? null : String.join("; ", messages);
	}

	private static CodebaseWire.User user(JsonNode node) {
		List<CodebaseWire.Assignment> assignments = items(node.get("assignments"), "assignment").stream()
			.map((a) -> new CodebaseWire.Assignment(text(a, "permalink"), text(a, "name"), text(a, "status")))
			.toList();
		return new CodebaseWire.User(integer(node, "id"), text(node, "username"), text(node, "first-name"),
				text(node, "last-name"), text(node, "email-address"), text(node, "company"), text(node, "time-zone"),
				bool(node, "enabled"), assignments);
	}

	private static JsonNode read(byte[] body) {
		if (declaresDoctype(body)) {
			throw new IllegalArgumentException("Refusing an XML document with a DTD");
		}
		try (JsonParser parser = new FilteringParserDelegate(MAPPER.createParser(body), WITHOUT_API_KEYS,
				TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
			JsonNode root = MAPPER.readTree(parser);
			if (root == null) {
				throw new IllegalArgumentException("Empty XML document");
			}
			return root;
		}
	}

	private static boolean declaresDoctype(byte[] body) {
		// A DTD can only come before the root element, so the head of the document
		// suffices.
		String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
		return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
	}

	/** The repeated children of an array element: none, one (an object) or several. */
	private static List<JsonNode> items(@Nullable JsonNode parent, String child) {
		if (parent == null || !parent.isObject()) {
			return List.of();
		}
		JsonNode items = parent.get(child);
		if (items == null) {
			return List.of();
		}
		if (items.isArray()) {
			List<JsonNode> list = new ArrayList<>(items.size());
			items.forEach(list::add);
			return list;
		}
		return List.of(items);
	}

	private static @Nullable String text(JsonNode parent, String name) {
		JsonNode node = parent.get(name);
		return (node != null) ? value(node) : null;
	}

	/**
	 * An element's text: null when {@code nil="true"}, its text beside any attributes
	 * otherwise.
	 */
	private static @Nullable String value(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (node.isObject()) {
			JsonNode nil = node.get("nil");
			if (nil != null && "true".equals(nil.asString())) {
				return null;
			}
			JsonNode text = node.get("");
			return (text != null) ? text.asString() : "";
		}
		return node.asString();
	}

	private static long integer(JsonNode parent, String name) {
		String text = text(parent, name);
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Missing integer " + name);
		}
		return Long.parseLong(text.trim());
	}

	private static @Nullable Boolean bool(JsonNode parent, String name) {
		String text = text(parent, name);
		return (text == null || text.isBlank()) ? null : Boolean.valueOf(text.trim());
	}

	/** Escapes text for an element's content. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
