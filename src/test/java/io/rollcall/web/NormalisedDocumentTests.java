package io.rollcall.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ignored tokens fold; strings stay exactly as written.
 */
class NormalisedDocumentTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "'{ users { id } }'|'{ users { id } }'",
			"'query($n:Int!){users(first:$n){...F}}'|'query ( $ n : Int ! ) { users ( first : $ n ) { ... F } }'",
			"'{ x(f: -1.5e3) }'|'{ x ( f : -1.5e3 ) }'", "'  {\n\tusers,  {id}\n}  '|'{ users { id } }'",
			"'# a comment\n{ sources { id } } # another'|'{ sources { id } }'",
			"'{ person(email: \"a  b, #c\") { id } }'|'{ person ( email : \"a  b, #c\" ) { id } }'",
			"'{ x(s: \"\"\"  two\n  lines, \\\"\"\" \"\"\") }'|'{ x ( s : \"\"\"  two\n  lines, \\\"\"\" \"\"\" ) }'",
			"'{ x(s: \"esc \\\" q , \") }'|'{ x ( s : \"esc \\\" q , \" ) }'" })
	void foldsIgnoredTokensOnly(String document, String normalised) {
		assertThat(NormalisedDocument.of(document)).isEqualTo(normalised);
	}

}
