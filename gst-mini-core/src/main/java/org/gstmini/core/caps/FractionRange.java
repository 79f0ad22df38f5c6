package org.gstmini.core.caps;

import java.util.Objects;

/**
 * A closed range of fractions {@code [ min, max ]} — mirrors GStreamer's
 * {@code GST_TYPE_FRACTION_RANGE} ({@code gst_value_set_fraction_range()}, gst/gstvalue.c).
 *
 * <p>The typical use is a frame rate: a camera that can deliver anything up to 60 frames per
 * second advertises {@code framerate=(fraction)[ 0/1, 60/1 ]}. As in GStreamer, {@code min < max}
 * (a range of one value is simply that {@link Fraction}).
 *
 * @param min the lower bound, inclusive
 * @param max the upper bound, inclusive; strictly greater than {@code min}
 */
public record FractionRange(Fraction min, Fraction max) {

    /**
     * Checks the invariants.
     *
     * @throws IllegalArgumentException if {@code min >= max}
     * @throws NullPointerException     if a bound is null
     */
    public FractionRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) >= 0) {
            throw new IllegalArgumentException("fraction range needs min < max, got [ " + min + ", " + max
                    + " ] (a single value is a plain fraction)");
        }
    }

    /** Returns {@code [ min, max ]} — mirrors {@code gst_value_set_fraction_range()}. */
    public static FractionRange of(Fraction min, Fraction max) {
        return new FractionRange(min, max);
    }

    /**
     * Returns {@code [ minNum/minDen, maxNum/maxDen ]} — mirrors
     * {@code gst_value_set_fraction_range_full()}.
     */
    public static FractionRange of(int minNum, int minDen, int maxNum, int maxDen) {
        return new FractionRange(Fraction.of(minNum, minDen), Fraction.of(maxNum, maxDen));
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(Fraction value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** Prints {@code [ 0/1, 60/1 ]}, as GStreamer serialises it. */
    @Override
    public String toString() {
        return "[ " + min + ", " + max + " ]";
    }
}
