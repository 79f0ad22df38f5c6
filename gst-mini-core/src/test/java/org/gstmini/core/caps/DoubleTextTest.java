package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected texts were printed by C's printf (through Python's %-formatting, which uses it). */
class DoubleTextTest {

    @ParameterizedTest(name = "%.{1}g of {0} = {2}")
    @CsvSource(delimiter = '|', value = {
        "9.9999999 | 7 | 10",
        "0.0001 | 7 | 0.0001",
        "1e-05 | 7 | 1e-05",
        "-1.5e+300 | 17 | -1.5000000000000001e+300",
        "-0.000123456789 | 5 | -0.00012346",
        "123456.5 | 6 | 123456",
        "2.5 | 1 | 2",
        "0.3333333333333333 | 17 | 0.33333333333333331",
        "-44100.0 | 17 | -44100"
    })
    void printsAsCsPercentG(double value, int digits, String expected) {
        assertEquals(expected, DoubleText.formatG(value, digits));
    }

    @Test
    void specialValues() {
        assertEquals("nan", DoubleText.formatG(Double.NaN, 7));
        assertEquals("-inf", DoubleText.formatG(Double.NEGATIVE_INFINITY, 7));
        assertEquals("-0", DoubleText.formatG(-0.0, 17));
        assertThrows(IllegalArgumentException.class, () -> DoubleText.formatG(1, 0));
    }
}
