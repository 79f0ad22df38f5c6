package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormatTest {

    /** Expected strings are what C's printf("%.17g") prints, as g_ascii_dtostr() does. */
    @ParameterizedTest
    @CsvSource({
        "44100, 44100",
        "0.5, 0.5",
        "0.1, 0.10000000000000001",
        "-2.5, -2.5",
        "1e20, 1e+20",
        "1e16, 10000000000000000",
        "1e17, 1e+17",
        "1e-5, 1.0000000000000001e-05",
        "0.0001, 0.0001",
        "123456789.123, 123456789.123",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 4.9406564584124654e-324",
        "Infinity, inf",
        "-Infinity, -inf",
        "0, 0",
    })
    void formatsDoublesLikePrintfG17(double value, String expected) {
        assertEquals(expected, ValueFormat.formatDouble(value));
    }

    /** gst_string_wrap(): plain strings unquoted, others quoted with backslash and octal escapes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        RGB                | RGB
        video/x-raw        | video/x-raw
        a-b_c+d:e.f/1      | a-b_c+d:e.f/1
        ``                 | `""`
        NULL               | `"NULL"`
        Hello world        | `"Hello\\ world"`
        `a,b;c`            | `"a\\,b\\;c"`
        `say "hi"`         | `"say\\ \\"hi\\""`
        café               | `"caf\\303\\251"`
        """)
    void wrapsStringsLikeGStreamer(String input, String expected) {
        assertEquals(expected, ValueFormat.wrapString(input));
    }
}
