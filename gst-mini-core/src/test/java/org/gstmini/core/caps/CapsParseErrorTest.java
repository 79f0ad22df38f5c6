package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapsParseErrorTest {

    @Test
    void messageShowsTheInputWithACaret() {
        CapsParseException e = assertThrows(CapsParseException.class, () -> Caps.parse("video/x-raw, width 320"));
        assertEquals("invalid caps: expected '=' after field name 'width' at position 18:\n"
                + "  video/x-raw, width 320\n"
                + "                    ^", e.getMessage());
        assertEquals(18, e.position());
        assertEquals("video/x-raw, width 320", e.input());
        assertEquals("expected '=' after field name 'width'", e.reason());
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> Caps.parse("video/x-raw, width="));
    }

    @Test
    void caretStaysAlignedWithTabsAndNewlines() {
        CapsParseException e = assertThrows(CapsParseException.class, () -> Caps.parse("a,\n\tb=(int)x"));
        assertEquals(11, e.position());
        assertTrue(e.getMessage().endsWith("  a,  b=(int)x\n" + " ".repeat(2 + 11) + "^"), e.getMessage());
    }

    /** Input, expected position, and a piece of the expected reason ('|' separates the columns). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        video/x-raw, width=(int)abc          | 24 | 'abc' is not a valid int
        video/x-raw, width=(uint)-1          | 25 | not a valid uint
        video/x-raw, width=(int)99999999999  | 24 | not a valid int
        video/x-raw, width=[ 1, 2            | 25 | expected ']' at the end of a range
        video/x-raw, format={ RGB, I420      | 31 | expected '}' to close the list
        video/x-raw, ,                       | 13 | expected a field name
        video/x-raw, =3                      | 13 | expected a field name
        1video/x-raw                         | 0  | must start with a letter
        video/x-raw(memory:GLMemory)         | 11 | caps features
        `video/x-raw, x="abc`                | 15 | unterminated string
        `video/x-raw, x="\\19"`               | 16 | invalid escape
        video/x-raw; audio/x-raw foo         | 25 | expected ',' or ';' but found 'f'
        video/x-raw, width=(foo)1            | 20 | unknown type 'foo'
        video/x-raw, width=(int 1            | 24 | expected ')' after type name 'int'
        video/x-raw, r=[ 1, 2.0 ]            | 15 | range bounds must have the same type
        video/x-raw, r=[ 5, 1 ]              | 15 | min < max
        video/x-raw, r=[ 1, 10, 4 ]          | 15 | multiples of the step
        video/x-raw, r=[ a, b ]              | 15 | ranges hold int, double or fraction
        a, b={ 1, x }                        | 5  | list members must all have one type
        a, b={ }                             | 5  | at least one value
        a, b={ { 1 } }                       | 5  | cannot hold another list
        a, b=NULL                            | 5  | NULL values are not supported
        a, b=1/0                             | 5  |
        a, b=(fraction)1/0                   | 15 | not a valid fraction
        a, b=x%y                             | 6  | expected ',' or ';' but found '%'
        a, b=                                | 5  | expected a value but reached the end
        a; ; b                               | 3  | expected a structure name
        """)
    void reportsWhereParsingFailed(String input, int position, String reason) {
        if (reason == null) {
            // "1/0" untyped is not a fraction (zero denominator), so it is the string "1/0".
            assertEquals("1/0", Caps.parse(input).structure(0).get("b"));
            return;
        }
        CapsParseException e = assertThrows(CapsParseException.class, () -> Caps.parse(input));
        assertTrue(e.reason().contains(reason), () -> "reason was: " + e.reason());
        assertEquals(position, e.position(), e::getMessage);
    }
}
