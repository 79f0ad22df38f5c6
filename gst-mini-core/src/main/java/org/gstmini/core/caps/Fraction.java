package org.gstmini.core.caps;

/**
 * An exact rational number such as a frame rate ({@code 30000/1001}) or a pixel aspect ratio
 * ({@code 1/1}) — mirrors GStreamer's {@code GST_TYPE_FRACTION} ({@code gst_value_set_fraction()},
 * gst/gstvalue.c).
 *
 * <p>Frame rates are fractions rather than doubles because NTSC's 29.97 fps is really
 * {@code 30000/1001}, and caps negotiation compares values for equality: two doubles computed
 * different ways would not match, two normalised fractions do.
 *
 * <p>A fraction is always normalised: numerator and denominator are divided by their greatest
 * common divisor and the sign is carried by the numerator, so {@code Fraction.of(60, 2)} equals
 * {@code Fraction.of(30, 1)} and prints as {@code "30/1"}. A zero numerator is normalised to
 * {@code 0/1}. GStreamer allows the special value {@code 0/1} for "variable frame rate".
 *
 * @param numerator   the numerator, carrying the sign
 * @param denominator the denominator, always positive
 */
public record Fraction(int numerator, int denominator) implements Comparable<Fraction> {

    /** {@code 0/1}: in GStreamer caps, a frame rate of 0/1 means "variable or unknown rate". */
    public static final Fraction ZERO = new Fraction(0, 1);

    /**
     * Normalises the fraction (the canonical constructor is the only way to build one, so every
     * instance is normalised).
     *
     * @throws IllegalArgumentException if {@code denominator} is 0
     */
    public Fraction {
        if (denominator == 0) {
            throw new IllegalArgumentException("fraction denominator must not be 0: " + numerator + "/0");
        }
        // Work in long so that Integer.MIN_VALUE can be negated safely.
        long n = numerator;
        long d = denominator;
        if (d < 0) {
            n = -n;
            d = -d;
        }
        long g = gcd(Math.abs(n), d);
        if (g > 1) {
            n /= g;
            d /= g;
        }
        if (n == 0) {
            d = 1;
        }
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fraction out of int range: " + numerator + "/" + denominator);
        }
        numerator = (int) n;
        denominator = (int) d;
    }

    /**
     * Returns the normalised fraction {@code numerator/denominator} — mirrors
     * {@code gst_value_set_fraction()}, gst/gstvalue.c.
     *
     * @throws IllegalArgumentException if {@code denominator} is 0
     */
    public static Fraction of(int numerator, int denominator) {
        return new Fraction(numerator, denominator);
    }

    /**
     * Parses {@code "30/1"}, {@code "30000/1001"} or a bare integer {@code "25"} (meaning 25/1),
     * the forms {@code gst_value_deserialize_fraction()} accepts (gst/gstvalue.c). Surrounding
     * whitespace is ignored.
     *
     * @throws IllegalArgumentException (a {@link NumberFormatException}) if the text is not a
     *     fraction
     */
    public static Fraction parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        try {
            if (slash < 0) {
                return new Fraction(Integer.parseInt(s), 1);
            }
            int n = Integer.parseInt(s.substring(0, slash).strip());
            int d = Integer.parseInt(s.substring(slash + 1).strip());
            return new Fraction(n, d);
        } catch (NumberFormatException e) {
            NumberFormatException nfe = new NumberFormatException("not a fraction: \"" + text + "\"");
            nfe.initCause(e);
            throw nfe;
        }
    }

    /** The value as a double, e.g. {@code 29.97002997...} for {@code 30000/1001}. */
    public double toDouble() {
        return (double) numerator / denominator;
    }

    /**
     * Orders fractions by value — mirrors {@code gst_value_compare_fraction()}, gst/gstvalue.c.
     * Cross-multiplication in {@code long} is exact, so no precision is lost.
     */
    @Override
    public int compareTo(Fraction other) {
        return Long.compare((long) numerator * other.denominator, (long) other.numerator * denominator);
    }

    /** Prints {@code "numerator/denominator"}, e.g. {@code "30/1"}, as GStreamer serialises it. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
