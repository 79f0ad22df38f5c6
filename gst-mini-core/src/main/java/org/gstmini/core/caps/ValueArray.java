package org.gstmini.core.caps;

import java.util.Arrays;
import java.util.List;

/**
 * An ordered tuple of values — mirrors GStreamer's {@code GST_TYPE_ARRAY}
 * ({@code GstValueArray}, gst/gstvalue.c), printed {@code < a, b >}.
 *
 * <p>Unlike a {@link ValueList}, an array is one value made of several parts, such as the
 * {@code streamheader} buffers of a stream or a list of channel positions. Two arrays intersect
 * only when they have the same length, element by element. An array is fixed when all its
 * elements are fixed.
 *
 * <p>Elements share one basic type (for the single printed type annotation,
 * {@code (int)< 1, 2, 3 >}); they may be ranges, lists or nested arrays.
 *
 * @param values the elements, in order (copied; immutable)
 */
public record ValueArray(List<Object> values) {

    /**
     * Validates and copies the elements.
     *
     * @throws IllegalArgumentException if an element has an unsupported type or the elements mix
     *     basic types
     */
    public ValueArray {
        values = Values.checkMembers("array", values, true);
    }

    /** Returns the array of the given elements — mirrors {@code gst_value_array_append_value()}. */
    public static ValueArray of(Object... values) {
        return new ValueArray(Arrays.asList(values));
    }

    /** Number of elements — mirrors {@code gst_value_array_get_size()}. */
    public int size() {
        return values.size();
    }

    /** The element at {@code index} — mirrors {@code gst_value_array_get_value()}. */
    public Object get(int index) {
        return values.get(index);
    }

    /** Prints {@code < a, b >} (values only; the type annotation belongs to the field). */
    @Override
    public String toString() {
        return ValueFormat.serialize(this);
    }
}
