package org.gstmini.core.caps;

/**
 * A closed range of doubles {@code [ min, max ]} — mirrors GStreamer's
 * {@code GST_TYPE_DOUBLE_RANGE} ({@code gst_value_set_double_range()}, gst/gstvalue.c).
 *
 * <p>Used for continuous properties such as a playback rate. As in GStreamer, {@code min < max}
 * (a range of one value is simply that {@link Double}); NaN is rejected and {@code -0.0} is
 * stored as {@code 0.0}, so that equal ranges are {@code equals}.
 *
 * @param min the lower bound, inclusive
 * @param max the upper bound, inclusive; strictly greater than {@code min}
 */
public record DoubleRange(double min, double max) {

    /**
     * Checks the invariants.
     *
     * @throws IllegalArgumentException if a bound is NaN or {@code min >= max}
     */
    public DoubleRange {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("double range bounds must not be NaN");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("double range needs min < max, got [ " + min + ", " + max
                    + " ] (a single value is a plain double)");
        }
        // 0.0 == -0.0 numerically, but records compare doubles bit by bit: keep one zero.
        min = min == 0.0 ? 0.0 : min;
        max = max == 0.0 ? 0.0 : max;
    }

    /** Returns {@code [ min, max ]} — mirrors {@code gst_value_set_double_range()}. */
    public static DoubleRange of(double min, double max) {
        return new DoubleRange(min, max);
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** Prints {@code [ min, max ]} with doubles formatted as GStreamer does ({@code %.17g}). */
    @Override
    public String toString() {
        return "[ " + ValueFormat.formatDouble(min) + ", " + ValueFormat.formatDouble(max) + " ]";
    }
}
