package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void normalisesByGcdWithPositiveDenominator() {
        assertEquals(Fraction.of(30, 1), Fraction.of(60, 2));
        assertEquals(new Fraction(-1, 2), Fraction.of(2, -4));
        assertEquals(Fraction.of(1, 2), Fraction.of(-3, -6));
        assertEquals(Fraction.ZERO, Fraction.of(0, 25));
        assertEquals(3, Fraction.of(4, 6).denominator());
    }

    @Test
    void printsNumeratorSlashDenominator() {
        assertEquals("30/1", Fraction.of(30, 1).toString());
        assertEquals("30000/1001", Fraction.of(30000, 1001).toString());
        assertEquals("-1/2", Fraction.of(1, -2).toString());
    }

    @Test
    void parsesFractionsAndIntegers() {
        assertEquals(Fraction.of(30000, 1001), Fraction.parse("30000/1001"));
        assertEquals(Fraction.of(25, 1), Fraction.parse(" 25 "));
        assertEquals(Fraction.of(-1, 2), Fraction.parse("-2/4"));
        assertThrows(NumberFormatException.class, () -> Fraction.parse("30/x"));
        assertThrows(IllegalArgumentException.class, () -> Fraction.parse("1/0"));
    }

    @Test
    void comparesByValueExactly() {
        assertTrue(Fraction.of(30000, 1001).compareTo(Fraction.of(30, 1)) < 0);
        assertTrue(Fraction.of(2147483647, 2147483646).compareTo(Fraction.of(2147483646, 2147483645)) < 0);
        assertEquals(0, Fraction.of(1, 2).compareTo(Fraction.of(2, 4)));
        assertEquals(29.97002997002997, Fraction.of(30000, 1001).toDouble(), 1e-12);
    }

    @Test
    void rejectsZeroDenominatorAndOverflow() {
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(Integer.MIN_VALUE, -1));
    }
}
