package io.rollcall.exports;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells as RFC 4180 quotes them, and formulas neutralised.
 */
class CsvTests {

	@Test
	void plainCellsStayPlainAndLinesEndCrlf() {
		assertThat(Csv.line(Arrays.asList("a", null, "", "Ada Lovelace"))).isEqualTo("a,,,Ada Lovelace\r\n");
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(Csv.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", "cr\rhere")))
			.isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
	}

	@Test
	void cellsASpreadsheetWouldRunAreNeutralised() {
		for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\r=1" }) {
			String line = Csv.line(Arrays.asList(formula));
			assertThat(line).as(formula).startsWith("\"'");
		}
		assertThat(Csv.line(Arrays.asList("=HYPERLINK(\"http://x\")")))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
		assertThat(Csv.line(Arrays.asList("a=b"))).isEqualTo("a=b\r\n");
	}

	@Test
	void textIsKeptAsItIsInUtf8() {
		assertThat(Csv.line(Arrays.asList("Zoë Ångström", "李"))).isEqualTo("Zoë Ångström,李\r\n");
	}

}
