package org.gstmini.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClockTimeTest {

    @Test
    void unitsAreNanoseconds() {
        assertEquals(1L, ClockTime.NSECOND);
        assertEquals(1_000L, ClockTime.USECOND);
        assertEquals(1_000_000L, ClockTime.MSECOND);
        assertEquals(1_000_000_000L, ClockTime.SECOND);
        assertEquals(-1L, ClockTime.NONE);
    }

    @Test
    void validity() {
        assertTrue(ClockTime.isValid(0));
        assertTrue(ClockTime.isValid(ClockTime.SECOND));
        assertFalse(ClockTime.isValid(ClockTime.NONE));
        assertTrue(ClockTime.isValidSigned(-1));
        assertFalse(ClockTime.isValidSigned(ClockTime.STIME_NONE));
    }

    @Test
    void formatMatchesGstTimeFormat() {
        assertEquals("0:00:00.000000000", ClockTime.format(0));
        assertEquals("0:00:01.000000000", ClockTime.format(ClockTime.SECOND));
        assertEquals("0:00:00.000000001", ClockTime.format(1));
        assertEquals("0:01:05.250000000", ClockTime.format(65 * ClockTime.SECOND + 250 * ClockTime.MSECOND));
        assertEquals("1:02:03.000000004", ClockTime.format(3723 * ClockTime.SECOND + 4));
        assertEquals("123:00:00.000000000", ClockTime.format(123 * 3600 * ClockTime.SECOND));
        assertEquals("99:99:99.999999999", ClockTime.format(ClockTime.NONE));
        assertEquals("99:99:99.999999999", ClockTime.format(ClockTime.STIME_NONE));
        assertEquals("-0:00:00.500000000", ClockTime.format(-500 * ClockTime.MSECOND));
    }

    @Test
    void conversions() {
        assertEquals(1_500_000_000L, ClockTime.fromSeconds(1.5));
        assertEquals(33_333_333L, ClockTime.fromSeconds(1.0 / 30));
        assertEquals(40_000_000L, ClockTime.fromMillis(40));
        assertEquals(7_000L, ClockTime.fromMicros(7));
        assertThrows(ArithmeticException.class, () -> ClockTime.fromMillis(Long.MAX_VALUE));
    }

    @Test
    void scaleIsExactWhereTheProductOverflows() {
        // frame 1,078,921 at 30000/1001 (10 hours in): n * 1001 * 10^9 / 30000, rounded down
        assertEquals(35999997366666L, ClockTime.scale(1_078_921, 1001 * ClockTime.SECOND, 30000));
        // Long.MAX_VALUE * 3 / 4 overflows as a product but not as a result
        assertEquals(6917529027641081855L, ClockTime.scale(Long.MAX_VALUE, 3, 4));
        assertEquals(7, ClockTime.scale(15, 1, 2), "rounded down");
        assertThrows(ArithmeticException.class, () -> ClockTime.scale(Long.MAX_VALUE, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClockTime.scale(-1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClockTime.scale(1, 2, 0));
    }
}
