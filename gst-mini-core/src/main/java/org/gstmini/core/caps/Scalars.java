package org.gstmini.core.caps;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one word of caps text into a value of a given type — the counterpart of the
 * {@code gst_value_deserialize_*()} functions in gst/gstvalue.c, and of the type names that
 * {@code gst_structure_from_string()} accepts in {@code (type)} annotations.
 */
final class Scalars {

    private static final Pattern INTEGER = Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)");
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(([0-9]+\\.?[0-9]*)|(\\.[0-9]+))([eE][+-]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** {@code 30/1}, {@code 30000/1001}, or a whole number such as {@code 25} (meaning 25/1). */
    private static final Pattern FRACTION = Pattern.compile("[+-]?[0-9]+(/[+-]?[0-9]+)?");

    /** The types a value may be annotated with, and the names GStreamer accepts for each. */
    enum Type {
        INT, UINT, INT64, UINT64, DOUBLE, BOOLEAN, STRING, FRACTION;

        static Type fromName(String name) {
            switch (name) {
                case "int": case "i": case "gint":
                    return INT;
                case "uint": case "u": case "guint":
                    return UINT;
                case "int64": case "gint64":
                    return INT64;
                case "uint64": case "guint64":
                    return UINT64;
                case "double": case "d": case "gdouble": case "float": case "f": case "gfloat":
                    return DOUBLE;
                case "boolean": case "bool": case "b": case "gboolean":
                    return BOOLEAN;
                case "string": case "str": case "s": case "gchararray":
                    return STRING;
                case "fraction": case "GstFraction":
                    return FRACTION;
                default:
                    return null;
            }
        }

        String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Scalars() {
    }

    /**
     * An untyped word: the first of int, double, fraction, boolean that fits, else the string
     * itself — the order in which GStreamer's structure parser tries types. So {@code 320} is an
     * int, {@code 44100.0} a double, {@code 30/1} a fraction, {@code yes} a boolean and
     * {@code RGB} a string.
     */
    static Object guess(String word) {
        for (Type t : new Type[] {Type.INT, Type.DOUBLE, Type.FRACTION, Type.BOOLEAN}) {
            Object v = convertStrict(word, t);
            if (v != null) {
                return v;
            }
        }
        return word;
    }

    /** Typed conversion, which also knows GStreamer's {@code min} and {@code max} keywords. */
    static Object convert(String text, Type type) {
        Object v = convertStrict(text, type);
        if (v != null) {
            return v;
        }
        boolean min = text.equalsIgnoreCase("min");
        boolean max = text.equalsIgnoreCase("max");
        if (!min && !max) {
            return null;
        }
        switch (type) {
            case INT:
                return min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case UINT:
                return min ? 0 : Integer.MAX_VALUE;
            case INT64:
                return min ? Long.MIN_VALUE : Long.MAX_VALUE;
            case UINT64:
                return min ? 0L : Long.MAX_VALUE;
            case DOUBLE:
                return min ? -Double.MAX_VALUE : Double.MAX_VALUE;
            default:
                return null;
        }
    }

    /** Converts {@code text} to {@code type}, or returns null when it does not fit. */
    private static Object convertStrict(String text, Type type) {
        switch (type) {
            case INT:
                return integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, false);
            case UINT:
                return integer(text, 0, Integer.MAX_VALUE, false);
            case INT64:
                return integer(text, Long.MIN_VALUE, Long.MAX_VALUE, true);
            case UINT64:
                return integer(text, 0, Long.MAX_VALUE, true);
            case DOUBLE:
                if (DECIMAL.matcher(text).matches()) {
                    return Double.parseDouble(text) + 0.0; // + 0.0 turns -0.0 into 0.0
                }
                if (INFINITY.matcher(text).matches()) {
                    return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                return null;
            case FRACTION:
                if (FRACTION.matcher(text).matches()) {
                    try {
                        return Fraction.parse(text);
                    } catch (IllegalArgumentException e) {
                        return null; // out of range, or a zero denominator
                    }
                }
                return null;
            case BOOLEAN:
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true": case "yes": case "t": case "1":
                        return Boolean.TRUE;
                    case "false": case "no": case "f": case "0":
                        return Boolean.FALSE;
                    default:
                        return null;
                }
            case STRING:
                return text;
            default:
                throw new AssertionError(type);
        }
    }

    /** Decimal or 0x-hexadecimal integer within [min, max], as Integer or Long. */
    private static Object integer(String text, long min, long max, boolean asLong) {
        if (!INTEGER.matcher(text).matches()) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        BigInteger value = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
        if (negative) {
            value = value.negate();
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            return null;
        }
        return asLong ? (Object) value.longValue() : (Object) value.intValue();
    }
}
