package io.rollcall.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which projects a client asks for.
 *
 * @param sources only these sources
 * @param vendors only these vendors
 * @param search case-insensitive substring of the project name
 */
public record ProjectFilter(@Nullable List<String> sources, @Nullable List<Vendor> vendors, @Nullable String search) {

	public static final ProjectFilter NONE = new ProjectFilter(null, null, null);

}
