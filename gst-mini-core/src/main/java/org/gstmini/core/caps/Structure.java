package org.gstmini.core.caps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of typed fields, such as
 * {@code video/x-raw, format=(string)RGB, width=(int)320, height=(int)240} — mirrors
 * {@code GstStructure}, gst/gststructure.c.
 *
 * <p>In caps, the name is the media type and each field narrows it down. A field may hold a
 * plain ("fixed") value or a set of acceptable values — an {@link IntRange}, {@link DoubleRange},
 * {@link FractionRange} or a {@link ValueList} — which is what makes caps an algebra: two
 * structures can be {@linkplain #intersect intersected} to find what both sides accept, compared
 * with {@link #isSubsetOf}, and finally {@linkplain #fixate() fixated} to one concrete format.
 *
 * <p>A field that a structure does not mention is unconstrained: {@code video/x-raw} accepts any
 * width. So a structure with <em>more</em> fields describes <em>fewer</em> formats, and
 * intersecting keeps the fields of both sides.
 *
 * <p>Field values are exactly these Java types: {@link Integer} ({@code int}), {@link Long}
 * ({@code gint64}), {@link Double} ({@code double}), {@link Boolean}, {@link String},
 * {@link Fraction}, {@link IntRange}, {@link DoubleRange}, {@link FractionRange},
 * {@link ValueList} and {@link ValueArray}.
 *
 * <p>Structures are immutable: {@link #with} and {@link #without} return new structures. Field
 * order is kept (it shows in {@link #toString()}) but does not matter for {@link #equals}, as in
 * {@code gst_structure_is_equal()}.
 */
public final class Structure {

    private final String name;
    private final Map<String, Object> fields; // insertion-ordered, never modified after construction

    private Structure(String name, Map<String, Object> fields) {
        this.name = name;
        this.fields = fields;
    }

    // ---------------------------------------------------------------- building

    /**
     * An empty structure — mirrors {@code gst_structure_new_empty()}. The name must start with a
     * letter and continue with letters, digits or any of {@code / - _ . : +}
     * ({@code video/x-raw}, {@code application/x-rtp}).
     *
     * @throws IllegalArgumentException if the name is not valid
     */
    public static Structure of(String name) {
        Objects.requireNonNull(name, "name");
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": \"" + name + "\"");
        }
        return new Structure(name, Map.of());
    }

    /** Why {@code name} is not a valid structure name, or null if it is ({@code gst_structure_validate_name()}). */
    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "structure name must not be empty";
        }
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return "structure name must start with a letter";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || "/-_.:+".indexOf(c) >= 0)) {
                return "invalid character '" + c + "' in structure name";
            }
        }
        return null;
    }

    /**
     * Parses GStreamer's text form, e.g.
     * {@code "video/x-raw, format=RGB, width=[ 1, 4096 ], framerate=(fraction)30/1"} — mirrors
     * {@code gst_structure_from_string()}. Type annotations are optional; see {@link Caps#parse}
     * for the syntax. A trailing {@code ;} (as printed by {@code gst_structure_to_string()}) is
     * accepted.
     *
     * @throws CapsParseException with the position of the error
     */
    public static Structure parse(String text) {
        return CapsParser.parseStructure(Objects.requireNonNull(text, "text"));
    }

    /**
     * Returns a copy with {@code field} set to {@code value} — mirrors
     * {@code gst_structure_set_value()}. An existing field keeps its place; a new one is added
     * at the end.
     *
     * @throws IllegalArgumentException if the field name is not made of letters, digits and
     *     {@code _ - + / : .}, or the value is null or not one of the supported types
     */
    public Structure with(String field, Object value) {
        checkFieldName(field);
        Object checked;
        try {
            checked = Values.check(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": field '" + field + "': " + e.getMessage(), e);
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(field, checked);
        return new Structure(name, Collections.unmodifiableMap(copy));
    }

    /** Returns a copy without {@code field} (or this structure if it has no such field) — mirrors {@code gst_structure_remove_field()}. */
    public Structure without(String field) {
        if (!fields.containsKey(field)) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.remove(field);
        return new Structure(name, Collections.unmodifiableMap(copy));
    }

    private void checkFieldName(String field) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException(name + ": field name must not be empty");
        }
        for (int i = 0; i < field.length(); i++) {
            if (!ValueFormat.isPlainChar(field.charAt(i))) {
                throw new IllegalArgumentException(name + ": invalid character '" + field.charAt(i)
                        + "' in field name \"" + field + "\" (allowed: letters, digits and _ - + / : .)");
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** The name, usually a media type such as {@code video/x-raw} — mirrors {@code gst_structure_get_name()}. */
    public String name() {
        return name;
    }

    /** Whether the name is {@code name} — mirrors {@code gst_structure_has_name()}. */
    public boolean hasName(String name) {
        return this.name.equals(name);
    }

    /** Whether the field exists — mirrors {@code gst_structure_has_field()}. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's value, or null if there is no such field — mirrors {@code gst_structure_get_value()}. */
    public Object get(String field) {
        return fields.get(field);
    }

    /**
     * The value of an int field, such as {@code width} — mirrors {@code gst_structure_get_int()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than an int (for
     *     example a range, in caps that are not fixed yet)
     */
    public int getInt(String field) {
        return typed(field, Integer.class, "an int");
    }

    /**
     * The value of a gint64 field (a {@link Long}) — mirrors {@code gst_structure_get_int64()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than a gint64 (for
     *     example a range, in caps that are not fixed yet)
     */
    public long getLong(String field) {
        return typed(field, Long.class, "a gint64");
    }

    /**
     * The value of a double field — mirrors {@code gst_structure_get_double()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than a double (for
     *     example a range, in caps that are not fixed yet)
     */
    public double getDouble(String field) {
        return typed(field, Double.class, "a double");
    }

    /**
     * The value of a boolean field — mirrors {@code gst_structure_get_boolean()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than a boolean (for
     *     example a range, in caps that are not fixed yet)
     */
    public boolean getBoolean(String field) {
        return typed(field, Boolean.class, "a boolean");
    }

    /**
     * The value of a string field, such as {@code format} — mirrors {@code gst_structure_get_string()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than a string (for
     *     example a range, in caps that are not fixed yet)
     */
    public String getString(String field) {
        return typed(field, String.class, "a string");
    }

    /**
     * The value of a fraction field, such as {@code framerate} — mirrors {@code gst_structure_get_fraction()}.
     *
     * @throws NoSuchElementException   if there is no such field
     * @throws IllegalArgumentException if the field holds something else than a fraction (for
     *     example a range, in caps that are not fixed yet)
     */
    public Fraction getFraction(String field) {
        return typed(field, Fraction.class, "a fraction");
    }

    private <T> T typed(String field, Class<T> type, String description) {
        Object v = fields.get(field);
        if (v == null) {
            throw new NoSuchElementException("structure " + name + " has no field '" + field + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("field '" + field + "' of structure " + name + " is not "
                    + description + " but (" + ValueFormat.typeName(v) + ")" + ValueFormat.serialize(v)
                    + (Values.isFixed(v) ? "" : " — fixate the caps first"));
        }
        return type.cast(v);
    }

    /** The field names, in order — like iterating with {@code gst_structure_nth_field_name()}. */
    public Set<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** The number of fields — mirrors {@code gst_structure_n_fields()}. */
    public int size() {
        return fields.size();
    }

    // ---------------------------------------------------------------- algebra

    /**
     * Whether every field holds a single value (no range, no list) — mirrors
     * {@code gst_structure_is_fixed()} (via {@code gst_value_is_fixed()} for each field).
     */
    public boolean isFixed() {
        return fields.values().stream().allMatch(Values::isFixed);
    }

    /**
     * The formats both structures describe, or null when there are none — mirrors
     * {@code gst_structure_intersect()}. The names must be equal; a field present on both sides
     * becomes the intersection of the two values (no intersection for one field means none for
     * the structure); a field present on one side only is kept as it is, because the other side
     * does not constrain it. Fields of this structure come first.
     */
    public Structure intersect(Structure other) {
        if (!name.equals(other.name)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object theirs = other.fields.get(e.getKey());
            if (theirs == null) {
                out.put(e.getKey(), e.getValue());
            } else {
                Object both = Values.intersect(e.getValue(), theirs);
                if (both == null) {
                    return null;
                }
                out.put(e.getKey(), both);
            }
        }
        other.fields.forEach(out::putIfAbsent);
        return new Structure(name, Collections.unmodifiableMap(out));
    }

    /** Whether {@link #intersect} would find something — mirrors {@code gst_structure_can_intersect()}. */
    public boolean canIntersect(Structure other) {
        if (!name.equals(other.name)) {
            return false;
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object theirs = other.fields.get(e.getKey());
            if (theirs != null && Values.intersect(e.getValue(), theirs) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every format this structure describes is also described by {@code superset} —
     * mirrors {@code gst_structure_is_subset()}: same name, and every field of the superset is
     * present here with a value that is a subset of the superset's value. Extra fields here only
     * narrow things down, so they are allowed.
     */
    public boolean isSubsetOf(Structure superset) {
        if (!name.equals(superset.name)) {
            return false;
        }
        for (Map.Entry<String, Object> e : superset.fields.entrySet()) {
            Object mine = fields.get(e.getKey());
            if (mine == null || !Values.isSubset(mine, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fixed structure, choosing GStreamer's default for every open field — mirrors
     * {@code gst_structure_fixate()} (via {@code gst_value_fixate()}): ranges become their
     * minimum, lists their first member. Elements that prefer other values (the width nearest
     * to 320, the frame rate nearest to 30/1) call the {@code fixateField...} methods first.
     */
    public Structure fixate() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, Values.fixate(v)));
        return new Structure(name, Collections.unmodifiableMap(out));
    }

    /**
     * Sets an int field to its value nearest {@code target} — mirrors
     * {@code gst_structure_fixate_field_nearest_int()}. A range is clamped and snapped to its
     * step, a list yields its closest member. A field that is already fixed, or holds no ints,
     * is left unchanged.
     *
     * @throws NoSuchElementException if there is no such field
     */
    public Structure fixateFieldNearestInt(String field, int target) {
        return withIfFound(field, Nearest.nearestInt(require(field), target));
    }

    /**
     * Sets a fraction field to its value nearest {@code target} — mirrors
     * {@code gst_structure_fixate_field_nearest_fraction()}; a typical use is picking the frame
     * rate closest to {@code 30/1}.
     *
     * @throws NoSuchElementException if there is no such field
     */
    public Structure fixateFieldNearestFraction(String field, Fraction target) {
        Objects.requireNonNull(target, "target");
        return withIfFound(field, Nearest.nearestFraction(require(field), target));
    }

    /**
     * Sets a double field to its value nearest {@code target} — mirrors
     * {@code gst_structure_fixate_field_nearest_double()}.
     *
     * @throws NoSuchElementException if there is no such field
     */
    public Structure fixateFieldNearestDouble(String field, double target) {
        return withIfFound(field, Nearest.nearestDouble(require(field), target));
    }

    /**
     * Sets a boolean field to {@code target} if the list offers it, else to its first boolean —
     * mirrors {@code gst_structure_fixate_field_boolean()}.
     *
     * @throws NoSuchElementException if there is no such field
     */
    public Structure fixateFieldBoolean(String field, boolean target) {
        return withIfFound(field, Nearest.bool(require(field), target));
    }

    /**
     * Sets a string field to {@code target} if the list offers it, else to its first string —
     * mirrors {@code gst_structure_fixate_field_string()}.
     *
     * @throws NoSuchElementException if there is no such field
     */
    public Structure fixateFieldString(String field, String target) {
        return withIfFound(field, Nearest.string(require(field), target));
    }

    private Object require(String field) {
        Object v = fields.get(field);
        if (v == null) {
            throw new NoSuchElementException("structure " + name + " has no field '" + field + "' to fixate");
        }
        return v;
    }

    private Structure withIfFound(String field, Object chosen) {
        return chosen == null ? this : with(field, chosen);
    }

    // ---------------------------------------------------------------- text and identity

    /**
     * GStreamer's text form, every value with its type —
     * {@code video/x-raw, format=(string)RGB, width=(int)[ 1, 4096 ], framerate=(fraction)30/1}.
     * Mirrors {@code gst_structure_to_string()} without its final {@code ;}. {@link #parse}
     * reads it back to an equal structure.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        fields.forEach((k, v) -> sb.append(", ").append(k).append("=(").append(ValueFormat.typeName(v))
                .append(')').append(ValueFormat.serialize(v)));
        return sb.toString();
    }

    /**
     * Same name and same fields with equal values, in any order — mirrors
     * {@code gst_structure_is_equal()}. Values are compared as written: {@code { 1, 2 }} and
     * {@code [ 1, 2 ]} describe the same set but are not {@code equals}; use {@link #isSubsetOf}
     * both ways for set equality.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && name.equals(s.name) && fields.equals(s.fields);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + fields.hashCode();
    }
}
