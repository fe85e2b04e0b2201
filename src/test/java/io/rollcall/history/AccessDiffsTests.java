package io.rollcall.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order two snapshots are merged in on PostgreSQL ("C", UTF-8's byte order) is the
 * order strings are compared in here, surrogate pairs included.
 */
class AccessDiffsTests {

	@Test
	void codePointOrderIsUtf8ByteOrder() {
		List<String> keys = List.of("a", "B", "b", "ab", "", "\uFF01", "\uD83D\uDE00", "é", "z9", "Z", "\uE000",
				"\uD800\uDC00x");
		for (String a : keys) {
			for (String b : keys) {
				int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
						b.getBytes(StandardCharsets.UTF_8));
				assertThat(Integer.signum(AccessDiffs.byCodePoint(a, b))).as(a + " vs " + b)
					.isEqualTo(Integer.signum(bytes));
			}
		}
	}

}
