package org.gstmini.examples.tools;

import java.util.List;
import java.util.stream.Collectors;
import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.caps.DoubleText;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.caps.ValueArray;
import org.gstmini.core.caps.ValueList;

/** Text forms shared by the tools: values as GStreamer prints them, C's {@code %g}, pad paths. */
final class Formats {
    private Formats() {
    }

    /**
     * A structure field's value with its type in front, as {@code gst_structure_to_string}
     * writes it: {@code (int)320}, {@code (string)"a b"}, {@code (int)[ 1, 4096 ]}.
     */
    static String typed(Object value) {
        try {
            String s = Structure.of("x").with("v", value).toString();
            return s.substring("x, v=".length());
        } catch (IllegalArgumentException e) {
            return String.valueOf(value); // not a caps value type (an enum, caps, an object)
        }
    }

    /**
     * A field's value as {@code gst_value_serialize} writes it, which is what gst-inspect shows
     * for pad template caps: scalars and ranges without their type ({@code 320},
     * {@code [ 1, 4096 ]}), the members of lists and arrays with theirs
     * ({@code { (string)RGB, (string)I420 }}).
     */
    static String serialize(Object value) {
        if (value instanceof ValueList l) {
            return "{ " + typedMembers(l.values()) + " }";
        }
        if (value instanceof ValueArray a) {
            return a.values().isEmpty() ? "< >" : "< " + typedMembers(a.values()) + " >";
        }
        return stripType(typed(value));
    }

    private static String typedMembers(List<Object> values) {
        return values.stream().map(Formats::typed).collect(Collectors.joining(", "));
    }

    private static String stripType(String typed) {
        if (typed.startsWith("(")) {
            int close = typed.indexOf(')');
            if (close > 0) {
                return typed.substring(close + 1);
            }
        }
        return typed;
    }

    /** A string as a structure field holds it: plain, or in quotes with escapes when needed. */
    static String quoted(String s) {
        return stripType(typed(s));
    }

    /**
     * C's {@code printf("%.7g")} without the field width: 7 significant digits, trailing zeros
     * dropped, an exponent ({@code 1.797693e+308}) when the number is very large or small.
     */
    static String cG(double v) {
        return DoubleText.formatG(v, 7);
    }

    /** C's {@code %15.7g}: {@link #cG} right-aligned in 15 characters. */
    static String cG15(double v) {
        return String.format("%15s", cG(v));
    }

    /**
     * The path of a pad as {@code gst_object_get_path_string} prints it for gst-launch's
     * {@code -v}: the element's path, a dot, then the pad's type and name:
     * {@code /Pipeline:pipeline0/Identity:identity0.GstPad:src}. Pad types keep GStreamer's
     * names ({@code GstPad}, {@code GstGhostPad}) so the lines read like gst-launch's.
     */
    static String padPath(Pad pad) {
        Element parent = pad.getParent();
        Class<?> type = pad.getClass();
        while (type.getSimpleName().isEmpty()) {
            type = type.getSuperclass();
        }
        String self = "Gst" + type.getSimpleName() + ":" + pad.getName();
        return parent == null ? self : parent.getPathString() + "." + self;
    }
}
