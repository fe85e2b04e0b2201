package io.rollcall.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The one codec between a typed node key and the opaque GraphQL {@code ID}. Ids hold only
 * the kind, the source id and the vendor's own key, so they are stable across restarts.
 *
 * @param kind what the id names
 * @param source the source id ("" for a person, who spans sources)
 * @param nativeId the vendor's own key
 */
public record NodeId(Kind kind, String source, String nativeId) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	public NodeId {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(nativeId, "nativeId");
	}

	public static NodeId user(String source, String nativeId) {
		return new NodeId(Kind.USER, source, nativeId);
	}

	public static NodeId project(String source, String nativeId) {
		return new NodeId(Kind.PROJECT, source, nativeId);
	}

	public static NodeId role(String source, String nativeId) {
		return new NodeId(Kind.ROLE, source, nativeId);
	}

	public static NodeId group(String source, String nativeId) {
		return new NodeId(Kind.GROUP, source, nativeId);
	}

	/**
	 * A person's id: people span sources, so it names none.
	 * @param email the normalized email
	 * @return the id
	 */
	public static NodeId person(String email) {
		return new NodeId(Kind.PERSON, "", email);
	}

	/** The opaque form clients see. */
	public String encode() {
		String plain = this.kind.prefix + ":" + this.source + ":" + this.nativeId;
		return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads an opaque id.
	 * @param id what a client sent
	 * @return the typed id, or empty when the text is not an id Rollcall made
	 */
	public static Optional<NodeId> decode(String id) {
		if (id == null || id.isEmpty() || id.length() > 2048) {
			return Optional.empty();
		}
		String plain;
		try {
			plain = new String(DECODER.decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int first = plain.indexOf(':');
		int second = (first < 0) ? -1 : plain.indexOf(':', first + 1);
		if (second < 0 || second == plain.length() - 1) {
			return Optional.empty();
		}
		Kind kind = Kind.ofPrefix(plain.substring(0, first));
		String source = plain.substring(first + 1, second);
		boolean sourceFits = (kind == Kind.PERSON) ? source.isEmpty() : SourceInfo.ID_PATTERN.matcher(source).matches();
		if (kind == null || !sourceFits) {
			return Optional.empty();
		}
		return Optional.of(new NodeId(kind, source, plain.substring(second + 1)));
	}

	/**
	 * The kinds of node.
	 */
	public enum Kind {

		USER("User"), PROJECT("Project"), ROLE("Role"), GROUP("Group"), PERSON("Person");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		static @Nullable Kind ofPrefix(String prefix) {
			for (Kind kind : values()) {
				if (kind.prefix.equals(prefix)) {
					return kind;
				}
			}
			return null;
		}

	}

}
