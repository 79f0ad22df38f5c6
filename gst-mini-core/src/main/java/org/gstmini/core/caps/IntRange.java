package org.gstmini.core.caps;

/**
 * A range of integers {@code [ min, max ]}, optionally with a step — mirrors GStreamer's
 * {@code GST_TYPE_INT_RANGE} ({@code gst_value_set_int_range_step()}, gst/gstvalue.c).
 *
 * <p>In caps, a range says "any value in here is fine": a video source that can produce any
 * width from 1 to 4096 advertises {@code width=(int)[ 1, 4096 ]}. Negotiation narrows the range
 * by intersecting it with what the peer accepts, and finally <em>fixates</em> it to one value.
 *
 * <p>With a step, the range holds only the multiples of {@code step} between {@code min} and
 * {@code max}: {@code [ 0, 16, 4 ]} is the set {0, 4, 8, 12, 16}. As in GStreamer, {@code min}
 * and {@code max} must themselves be multiples of the step, and {@code min < max} (a range of one
 * value is simply that {@link Integer}). The step is printed only when it is not 1:
 * {@code [ 1, 4096 ]}, {@code [ 0, 16, 4 ]}.
 *
 * @param min  the smallest value, inclusive
 * @param max  the largest value, inclusive; strictly greater than {@code min}
 * @param step the distance between allowed values, at least 1
 */
public record IntRange(int min, int max, int step) {

    /**
     * Checks GStreamer's invariants for an int range.
     *
     * @throws IllegalArgumentException if {@code min >= max}, {@code step < 1}, or a bound is not
     *     a multiple of the step
     */
    public IntRange {
        if (step < 1) {
            throw new IllegalArgumentException("int range step must be at least 1, got " + step);
        }
        if (min >= max) {
            throw new IllegalArgumentException(
                    "int range needs min < max, got [ " + min + ", " + max + " ] (a single value is a plain int)");
        }
        if (min % step != 0 || max % step != 0) {
            throw new IllegalArgumentException("int range bounds must be multiples of the step, got [ "
                    + min + ", " + max + ", " + step + " ]");
        }
    }

    /** The range {@code [ min, max ]} with step 1. */
    public IntRange(int min, int max) {
        this(min, max, 1);
    }

    /** Returns {@code [ min, max ]} with step 1 — mirrors {@code gst_value_set_int_range()}. */
    public static IntRange of(int min, int max) {
        return new IntRange(min, max, 1);
    }

    /** Returns {@code [ min, max, step ]} — mirrors {@code gst_value_set_int_range_step()}. */
    public static IntRange of(int min, int max, int step) {
        return new IntRange(min, max, step);
    }

    /** Whether {@code value} lies in the range and on its step grid. */
    public boolean contains(long value) {
        return value >= min && value <= max && value % step == 0;
    }

    /** Prints {@code [ min, max ]} or {@code [ min, max, step ]}, as GStreamer serialises it. */
    @Override
    public String toString() {
        return step == 1 ? "[ " + min + ", " + max + " ]" : "[ " + min + ", " + max + ", " + step + " ]";
    }
}
