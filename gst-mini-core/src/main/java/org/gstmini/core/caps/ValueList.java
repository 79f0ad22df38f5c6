package org.gstmini.core.caps;

import java.util.Arrays;
import java.util.List;

/**
 * An unordered choice "any one of these" — mirrors GStreamer's {@code GST_TYPE_LIST}
 * ({@code GstValueList}, gst/gstvalue.c), printed {@code { a, b }}.
 *
 * <p>A converter that accepts two pixel formats advertises
 * {@code format=(string){ RGB, I420 }}. Intersection keeps the members both sides accept, and
 * fixation picks the first one, so the order of a list expresses preference.
 *
 * <p>Members are fixed values, ranges or {@link ValueArray}s, never other lists, and all of one
 * basic type (all ints and int ranges, or all strings, ...), because the printed form carries a
 * single type annotation: {@code (int){ 1, [ 4, 8 ] }}. A list is never empty and never
 * {@linkplain Structure#isFixed() fixed}, even with one member.
 *
 * @param values the members, in preference order (copied; immutable)
 */
public record ValueList(List<Object> values) {

    /**
     * Validates and copies the members.
     *
     * @throws IllegalArgumentException if the list is empty, holds a list, holds an unsupported
     *     type, or mixes basic types
     */
    public ValueList {
        values = Values.checkMembers("list", values, false);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a list must hold at least one value");
        }
    }

    /** Returns the list of the given members — mirrors {@code gst_value_list_append_value()}. */
    public static ValueList of(Object... values) {
        return new ValueList(Arrays.asList(values));
    }

    /** Number of members — mirrors {@code gst_value_list_get_size()}. */
    public int size() {
        return values.size();
    }

    /** The member at {@code index} — mirrors {@code gst_value_list_get_value()}. */
    public Object get(int index) {
        return values.get(index);
    }

    /** Prints {@code { a, b }} (values only; the type annotation belongs to the field). */
    @Override
    public String toString() {
        return ValueFormat.serialize(this);
    }
}
