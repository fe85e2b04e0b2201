package io.rollcall.exports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it (fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled, lines ending CRLF), with formula injection neutralised: a cell a
 * spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) gets a leading apostrophe and is quoted.
 */
final class Csv {

	private Csv() {
	}

	/**
	 * One line.
	 * @param cells its cells; null is an empty cell
	 * @return the line, ending CRLF
	 */
	static String line(List<@Nullable String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			cell(line, cells.get(i));
		}
		return line.append("\r\n").toString();
	}

	private static void cell(StringBuilder line, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		boolean formula = "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
		String text = formula ? "'" + value : value;
		if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0) {
			line.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		else {
			line.append(text);
		}
	}

}
