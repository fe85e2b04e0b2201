package io.rollcall.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The worst document shapes we know, each within the document and token limits: what
 * {@code HostileDocumentsTests} checks the outcome of and {@code benchmark/hostile}
 * measures the CPU of.
 */
public final class HostileShapes {

	private HostileShapes() {
	}

	/**
	 * Every shape, by name.
	 * @return the documents, refused ones first
	 */
	public static Map<String, String> all() {
		Map<String, String> shapes = new LinkedHashMap<>();
		shapes.put("fan-out 2^27 of __typename", fanOut(27, "Query", "__typename", ""));
		shapes.put("fan-out 2^27 on users",
				fanOut(27, "User", "displayName", "users(first: 1) { edges { node { ...F27 } } }"));
		shapes.put("fan-out 3^12", fanOut3(12));
		shapes.put("unused fan-out fragment", unusedFanOut(27));
		shapes.put("aliases under spreads", aliasesUnderSpreads(8, 12));
		shapes.put("directives under spreads", directivesUnderSpreads(8, 12));
		shapes.put("depth through fragments", deepThroughFragments(8));
		shapes.put("cost through fragments", costThroughFragments());
		shapes.put("root fields through fragments", rootFieldsThroughFragments(12));
		shapes.put("fragment cycle", cycle());
		shapes.put("1,900 copies of a field to merge", sameField(1900));
		shapes.put("450 spreads of a fragment to merge", sameFragment(450));
		shapes.put("360 spreads of 60 fragments to merge", manyFragments(60, 360));
		shapes.put("300 nested copies to merge", nestedCopies(300));
		return shapes;
	}

	/** F(n) spreads F(n-1) twice: 2^n leaves from a few hundred characters. */
	public static String fanOut(int levels, String type, String leaf, String root) {
		StringBuilder document = new StringBuilder("query { " + (root.isEmpty() ? "...F" + levels : root) + " }");
		document.append(" fragment F0 on ").append(type).append(" { ").append(leaf).append(" }");
		for (int i = 1; i <= levels; i++) {
			document.append(" fragment F")
				.append(i)
				.append(" on ")
				.append(type)
				.append(" { ...F")
				.append(i - 1)
				.append(" ...F")
				.append(i - 1)
				.append(" }");
		}
		return document.toString();
	}

	public static String fanOut3(int levels) {
		StringBuilder document = new StringBuilder("query { users(first: 1) { edges { node { ...F" + levels
				+ " } } } } fragment F0 on User { displayName email }");
		for (int i = 1; i <= levels; i++) {
			document.append(" fragment F")
				.append(i)
				.append(" on User { ...F")
				.append(i - 1)
				.append(" ...F")
				.append(i - 1)
				.append(" ...F")
				.append(i - 1)
				.append(" }");
		}
		return document.toString();
	}

	public static String unusedFanOut(int levels) {
		return "query { sources { id } } " + fanOut(levels, "Query", "__typename", "sources { id }")
			.substring("query { sources { id } }".length());
	}

	public static String aliasesUnderSpreads(int spreads, int aliases) {
		return "query { users(first: 1) { edges { node { " + "...A ".repeat(spreads) + "} } } } fragment A on User { "
				+ IntStream.range(0, aliases)
					.mapToObj((i) -> "a" + i + ": displayName")
					.collect(Collectors.joining(" "))
				+ " }";
	}

	public static String directivesUnderSpreads(int spreads, int directives) {
		return "query { users(first: 1) { edges { node { " + "...D ".repeat(spreads) + "} } } } fragment D on User { "
				+ "displayName @include(if: true) ".repeat(directives) + "}";
	}

	public static String deepThroughFragments(int levels) {
		StringBuilder document = new StringBuilder("query { users(first: 1) { edges { node { ...P" + levels
				+ " } } } } fragment P0 on User { displayName }");
		for (int i = 1; i <= levels; i++) {
			document.append(" fragment P")
				.append(i)
				.append(" on User { person { accounts { ...P")
				.append(i - 1)
				.append(" } } }");
		}
		return document.toString();
	}

	public static String costThroughFragments() {
		return "query { users(first: 100) { edges { node { ...G ...G } } } } fragment G on User { groups { members { "
				+ "groups { members { displayName } } } } }";
	}

	public static String rootFieldsThroughFragments(int spreads) {
		return "query { " + "...R ".repeat(spreads) + "} fragment R on Query { sources { id } }";
	}

	public static String cycle() {
		return "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
	}

	public static String sameField(int copies) {
		return "query { sources { " + "id ".repeat(copies) + "} }";
	}

	public static String sameFragment(int spreads) {
		return "query { users(first: 1) { edges { node { " + "...B ".repeat(spreads)
				+ "} } } } fragment B on User { groups { members { displayName } } }";
	}

	public static String manyFragments(int fragments, int spreads) {
		return "query { users(first: 1) { edges { node { "
				+ IntStream.range(0, spreads).mapToObj((i) -> "...B" + (i % fragments)).collect(Collectors.joining(" "))
				+ " } } } } "
				+ IntStream.range(0, fragments)
					.mapToObj((i) -> "fragment B" + i + " on User { groups { name } roles { name } }")
					.collect(Collectors.joining(" "));
	}

	public static String nestedCopies(int copies) {
		return "query { users(first: 1) { edges { node { " + "person { accounts { displayName } } ".repeat(copies)
				+ "} } } }";
	}

}
