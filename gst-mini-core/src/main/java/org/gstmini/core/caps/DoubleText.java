package org.gstmini.core.caps;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles printed the way C's {@code printf("%.<n>g")} prints them, which is how GStreamer
 * shows numbers: caps and structures use 17 digits ({@code g_ascii_dtostr()}, enough to read
 * the same double back), gst-inspect-1.0 prints property ranges with {@code %.7g}. Trailing
 * zeros are dropped and an exponent is used only for very large or small numbers:
 *
 * <pre>
 *   formatG(44100.0, 17)          44100
 *   formatG(0.1, 17)              0.10000000000000001
 *   formatG(Double.MAX_VALUE, 7)  1.797693e+308
 *   formatG(12345678, 7)          1.234568e+07
 * </pre>
 */
public final class DoubleText {
    private DoubleText() {
    }

    /**
     * {@code v} with {@code significantDigits} significant digits, as C's {@code %.<n>g}
     * (round half to even on the exact binary value, as glibc does).
     */
    public static String formatG(double v, int significantDigits) {
        if (significantDigits < 1) {
            throw new IllegalArgumentException("formatG needs at least 1 significant digit, got " + significantDigits);
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(significantDigits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1; // of the leading digit
        if (exponent < -4 || exponent >= significantDigits) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = stripZeros(mantissa.setScale(significantDigits - 1, RoundingMode.HALF_EVEN).toPlainString());
            return m + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return stripZeros(rounded.setScale(Math.max(0, significantDigits - 1 - exponent), RoundingMode.HALF_EVEN)
                .toPlainString());
    }

    /** "1.500" to "1.5", "2.000" to "2"; a string without a point is left alone. */
    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
