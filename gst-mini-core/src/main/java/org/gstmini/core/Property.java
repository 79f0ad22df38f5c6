package org.gstmini.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;

/**
 * A declared element property: name, type, default, allowed range, a one-line description,
 * and from which states it may be changed.
 *
 * <p>Mirrors {@code GParamSpec} as elements use it ({@code g_param_spec_int (...)} in
 * {@code class_init}). An element declares its properties once, as constants, and installs
 * them in its constructor; gst-inspect prints them and gst-launch sets them from text:
 *
 * <pre>{@code
 * static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
 *         "Number of buffers to output before sending EOS (-1 = unlimited)", -1, Integer.MAX_VALUE, -1);
 * }</pre>
 *
 * @param <T> the Java type of the value (Integer, Long, Double, Boolean, String, an enum,
 *            {@link Caps}, {@link Fraction}, or any type for read-only properties)
 */
public final class Property<T> {
    /** Up to which state a property may be changed ({@code GST_PARAM_MUTABLE_*}). */
    public enum Mutability {
        /** Only in NULL and READY, before data flows (the default). */
        READY,
        /** Also in PAUSED. */
        PAUSED,
        /** At any time, even while playing. */
        PLAYING
    }

    /**
     * GStreamer's number, nick and description for one constant of an enum used as a property
     * value: the three fields of a {@code GEnumValue} ({@code value}, {@code value_nick},
     * {@code value_name}). Put it on the enum constants; the enum itself needs no fields:
     *
     * <pre>{@code
     * public enum FakeSrcSizeType {
     *     @Property.Nick(value = 1, nick = "empty", description = "Send empty buffers")
     *     EMPTY,
     *     @Property.Nick(value = 2, nick = "fixed", description = "Fixed size buffers (sizemax sized)")
     *     FIXED
     * }
     * }</pre>
     *
     * <p>gst-launch accepts the nick or the number ({@code sizetype=empty}, {@code sizetype=1});
     * gst-inspect prints all three. Read them with {@link #nickOf}, {@link #numberOf} and
     * {@link #descriptionOf}; a constant without the annotation gets its name in lower case with
     * dashes, its ordinal and its name.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Nick {
        /** The number users may type instead of the nick ({@code GEnumValue.value}). */
        int value();

        /** The word users type, e.g. "downstream" ({@code GEnumValue.value_nick}). */
        String nick();

        /** What gst-inspect prints next to the nick ({@code GEnumValue.value_name}); empty means the name. */
        String description() default "";
    }

    /** The annotations of an enum's constants, by ordinal (null where a constant has none). */
    private static final ClassValue<Nick[]> NICKS = new ClassValue<>() {
        @Override
        protected Nick[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            Nick[] nicks = new Nick[constants.length];
            for (Object c : constants) {
                Enum<?> e = (Enum<?>) c;
                try {
                    nicks[e.ordinal()] = type.getField(e.name()).getAnnotation(Nick.class);
                } catch (NoSuchFieldException ex) {
                    // a public enum constant is always a public field; keep the defaults if not
                }
            }
            return nicks;
        }
    };

    private final String name;
    private final String blurb;
    private final Class<T> type;
    private final T defaultValue;
    private final T min;
    private final T max;
    private final boolean writable;
    private final Mutability mutability;
    private final Function<String, T> parser;

    private Property(String name, String blurb, Class<T> type, T defaultValue, T min, T max,
                     boolean writable, Mutability mutability, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name, "name");
        this.blurb = Objects.requireNonNull(blurb, "blurb");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.writable = writable;
        this.mutability = mutability;
        this.parser = parser;
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("property name '" + name + "' must be lowercase words joined by '-'");
        }
        if (defaultValue != null) {
            checkRange(defaultValue);
        }
    }

    public static Property<Integer> ofInt(String name, String blurb, int min, int max, int defaultValue) {
        return new Property<>(name, blurb, Integer.class, defaultValue, min, max, true, Mutability.READY,
                text -> Integer.decode(text.trim()));
    }

    public static Property<Long> ofLong(String name, String blurb, long min, long max, long defaultValue) {
        return new Property<>(name, blurb, Long.class, defaultValue, min, max, true, Mutability.READY,
                text -> Long.decode(text.trim()));
    }

    public static Property<Double> ofDouble(String name, String blurb, double min, double max, double defaultValue) {
        return new Property<>(name, blurb, Double.class, defaultValue, min, max, true, Mutability.READY,
                text -> Double.parseDouble(text.trim()));
    }

    public static Property<Boolean> ofBoolean(String name, String blurb, boolean defaultValue) {
        return new Property<>(name, blurb, Boolean.class, defaultValue, null, null, true, Mutability.READY,
                Property::parseBoolean);
    }

    /** A string property; the default may be null (GStreamer prints it as {@code null}). */
    public static Property<String> ofString(String name, String blurb, String defaultValue) {
        return new Property<>(name, blurb, String.class, defaultValue, null, null, true, Mutability.READY,
                text -> text);
    }

    /** An enum property; values are typed by nick (see {@link Nick}), Java name or number. */
    public static <E extends Enum<E>> Property<E> ofEnum(String name, String blurb, E defaultValue) {
        Class<E> type = defaultValue.getDeclaringClass();
        return new Property<>(name, blurb, type, defaultValue, null, null, true, Mutability.READY,
                text -> parseEnum(type, text));
    }

    public static Property<Caps> ofCaps(String name, String blurb, Caps defaultValue) {
        return new Property<>(name, blurb, Caps.class, defaultValue, null, null, true, Mutability.READY, Caps::parse);
    }

    public static Property<Fraction> ofFraction(String name, String blurb, Fraction min, Fraction max, Fraction defaultValue) {
        return new Property<>(name, blurb, Fraction.class, defaultValue, min, max, true, Mutability.READY,
                text -> Fraction.parse(text.trim()));
    }

    /** A property the element sets and users only read (statistics, last sample, levels). */
    public static <V> Property<V> readOnly(String name, String blurb, Class<V> type, V defaultValue) {
        return new Property<>(name, blurb, type, defaultValue, null, null, false, Mutability.PLAYING, null);
    }

    /** The same property, changeable up to the given state. */
    public Property<T> mutableIn(Mutability level) {
        return new Property<>(name, blurb, type, defaultValue, min, max, writable, level, parser);
    }

    public String name() {
        return name;
    }

    /** The one-line description gst-inspect prints. */
    public String blurb() {
        return blurb;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Lowest allowed value for numbers and fractions, else null. */
    public T min() {
        return min;
    }

    public T max() {
        return max;
    }

    public boolean isWritable() {
        return writable;
    }

    public Mutability mutability() {
        return mutability;
    }

    /** Whether the property may be set while the element is in {@code state}. */
    public boolean isSettableIn(State state) {
        if (!writable) {
            return false;
        }
        return switch (state) {
            case VOID_PENDING, NULL, READY -> true;
            case PAUSED -> mutability != Mutability.READY;
            case PLAYING -> mutability == Mutability.PLAYING;
        };
    }

    /**
     * Turns text typed by a user into a value, as gst-launch does, with an error that names the
     * property and what was expected.
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        if (parser == null) {
            throw new IllegalArgumentException("property '" + name + "' is read-only");
        }
        T value;
        try {
            value = parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("property '" + name + "': cannot read \"" + text + "\" as "
                    + describeType() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        return validate(value);
    }

    /** Checks a Java value's type and range, widening numbers where safe (Integer to Long or Double). */
    public T validate(Object value) {
        if (value == null) {
            if (type == String.class || type == Caps.class || !writable) {
                return null;
            }
            throw new IllegalArgumentException("property '" + name + "' cannot be null");
        }
        Object v = value;
        if (type == Long.class && v instanceof Integer i) {
            v = i.longValue();
        } else if (type == Double.class && v instanceof Number n && !(v instanceof Double)) {
            v = n.doubleValue();
        } else if (type == Caps.class && v instanceof String s) {
            v = Caps.parse(s);
        } else if (type.isEnum() && v instanceof String s) {
            v = parse(s);
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("property '" + name + "' takes " + describeType() + ", not "
                    + value.getClass().getSimpleName() + " " + value);
        }
        T typed = type.cast(v);
        checkRange(typed);
        return typed;
    }

    @SuppressWarnings("unchecked")
    private void checkRange(T value) {
        if (min == null || max == null) {
            return;
        }
        Comparable<T> c = (Comparable<T>) value;
        if (c.compareTo(min) < 0 || c.compareTo(max) > 0) {
            throw new IllegalArgumentException("property '" + name + "': value " + format(value)
                    + " is out of range [" + format(min) + ", " + format(max) + "]");
        }
    }

    /** The text form of a value: enum nicks, caps in GStreamer syntax, null as "null". */
    public String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Enum<?> e) {
            return nickOf(e);
        }
        return value.toString();
    }

    /** A short description of the type, as gst-inspect prints it: "Integer", "Enum \"Leaky\"". */
    public String describeType() {
        if (type == Integer.class) {
            return "Integer";
        }
        if (type == Long.class) {
            return "Integer64";
        }
        if (type == Double.class) {
            return "Double";
        }
        if (type == Boolean.class) {
            return "Boolean";
        }
        if (type == String.class) {
            return "String";
        }
        if (type.isEnum()) {
            return "Enum \"" + type.getSimpleName() + "\"";
        }
        if (type == Caps.class) {
            return "Caps";
        }
        if (type == Fraction.class) {
            return "Fraction";
        }
        return "Object of type \"" + type.getSimpleName() + "\"";
    }

    /** The nick of an enum constant: its {@link Nick#nick()} or its name in lower case with dashes. */
    public static String nickOf(Enum<?> e) {
        Nick n = nick(e);
        return n != null ? n.nick() : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The number of an enum constant: its {@link Nick#value()} or its ordinal. */
    public static int numberOf(Enum<?> e) {
        Nick n = nick(e);
        return n != null ? n.value() : e.ordinal();
    }

    /** The description of an enum constant, as gst-inspect prints it: its {@link Nick#description()} or its name. */
    public static String descriptionOf(Enum<?> e) {
        Nick n = nick(e);
        return n != null && !n.description().isEmpty() ? n.description() : e.name();
    }

    private static Nick nick(Enum<?> e) {
        return NICKS.get(e.getDeclaringClass())[e.ordinal()];
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "t", "on" -> Boolean.TRUE;
            case "false", "no", "0", "f", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (nickOf(e).equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        try {
            int n = Integer.parseInt(t);
            for (E e : type.getEnumConstants()) {
                if (numberOf(e) == n) {
                    return e;
                }
            }
        } catch (NumberFormatException ignored) {
            // not a number either: report the valid nicks below
        }
        throw new IllegalArgumentException("valid values are " + Arrays.stream(type.getEnumConstants())
                .map(e -> numberOf(e) + " (" + nickOf(e) + ")").toList());
    }

    @Override
    public String toString() {
        return "Property[" + name + ": " + describeType() + ", default " + format(defaultValue) + "]";
    }
}
