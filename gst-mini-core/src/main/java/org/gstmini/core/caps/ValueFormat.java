package org.gstmini.core.caps;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints values in GStreamer's text syntax — the counterpart of {@code gst_value_serialize()}
 * (gst/gstvalue.c) and of the type abbreviations used by {@code gst_structure_to_string()}
 * (gst/gststructure.c).
 */
final class ValueFormat {

    private ValueFormat() {
    }

    /**
     * The type annotation printed in front of a value: {@code int}, {@code gint64},
     * {@code double}, {@code boolean}, {@code string} or {@code fraction}. Ranges, lists and
     * arrays are annotated with the type of their members, as GStreamer does
     * ({@code width=(int)[ 1, 4096 ]}, {@code format=(string){ RGB, I420 }}).
     */
    static String typeName(Object value) {
        return typeName(Values.baseType(value));
    }

    static String typeName(Class<?> base) {
        if (base == null || base == Integer.class) {
            return "int"; // GStreamer also calls an empty list or array "int"
        }
        if (base == Long.class) {
            return "gint64"; // GType name of G_TYPE_INT64, which has no short alias
        }
        if (base == Double.class) {
            return "double";
        }
        if (base == Boolean.class) {
            return "boolean";
        }
        if (base == String.class) {
            return "string";
        }
        if (base == Fraction.class) {
            return "fraction";
        }
        throw new IllegalArgumentException("not a value type: " + base);
    }

    /** The value without its type annotation: {@code 320}, {@code [ 1, 4096 ]}, {@code { a, b }}. */
    static String serialize(Object value) {
        if (value instanceof String s) {
            return wrapString(s);
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        if (value instanceof ValueList l) {
            return "{ " + join(l.values()) + " }";
        }
        if (value instanceof ValueArray a) {
            return a.values().isEmpty() ? "< >" : "< " + join(a.values()) + " >";
        }
        // Integer, Long, Boolean, Fraction and the ranges print themselves correctly.
        return value.toString();
    }

    private static String join(List<Object> values) {
        return values.stream().map(ValueFormat::serialize).collect(Collectors.joining(", "));
    }

    /**
     * The characters a string may contain and still be printed without quotes — GStreamer's
     * {@code GST_ASCII_IS_STRING()} (gst/gst_private.h).
     */
    static boolean isPlainChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' || c == '+' || c == '/' || c == ':' || c == '.';
    }

    /**
     * Prints a string the way {@code gst_string_wrap()} does: unchanged if it is made only of
     * {@linkplain #isPlainChar plain characters}; otherwise in double quotes, with other printable
     * ASCII characters escaped by a backslash and every other byte of its UTF-8 form written as a
     * three-digit octal escape ({@code "caf\303\251"}). The empty string and the word
     * {@code NULL} (which would read back as a null string) are always quoted.
     */
    static String wrapString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        boolean plain = bytes.length > 0 && !s.equals("NULL");
        for (byte b : bytes) {
            plain &= isPlainChar(b & 0xff);
        }
        if (plain) {
            return s;
        }
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isPlainChar(c)) {
                out.append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append('\\').append((char) ('0' + (c >> 6)))
                        .append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
            } else {
                out.append('\\').append((char) c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Prints a double as C's {@code printf("%.17g")}, which is what {@code g_ascii_dtostr()} and
     * therefore GStreamer use: 17 significant digits (always enough to read the same double
     * back), trailing zeros dropped, an exponent only for very large or small numbers. So
     * {@code 44100.0} prints {@code 44100}, {@code 0.5} prints {@code 0.5}, {@code 0.1} prints
     * {@code 0.10000000000000001} and {@code Double.MAX_VALUE} prints
     * {@code 1.7976931348623157e+308}.
     */
    static String formatDouble(double d) {
        return DoubleText.formatG(d, 17);
    }
}
