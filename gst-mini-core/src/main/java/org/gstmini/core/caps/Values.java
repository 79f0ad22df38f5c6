package org.gstmini.core.caps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The set algebra on field values — the Java counterpart of GStreamer's GstValue operations in
 * gst/gstvalue.c ({@code gst_value_intersect()}, {@code gst_value_is_subset()},
 * {@code gst_value_is_fixed()}, {@code gst_value_fixate()}, {@code gst_value_union()}).
 *
 * <p>Every value stands for a set of plain values:
 * <ul>
 *   <li>a fixed value ({@link Integer}, {@link Long}, {@link Double}, {@link Boolean},
 *       {@link String}, {@link Fraction}) is the set of itself;</li>
 *   <li>a range is every value between its bounds (on the step grid for {@link IntRange});</li>
 *   <li>a {@link ValueList} is the union of its members;</li>
 *   <li>a {@link ValueArray} is the tuples whose i-th element is in the i-th element's set.</li>
 * </ul>
 * Values of different basic types never meet: {@code 1} (int) and {@code 1.0} (double) do not
 * intersect, exactly as in GStreamer.
 *
 * <p>A <em>member</em> is a value that is not a list; lists are unions of members and are
 * handled by flattening them.
 */
final class Values {

    static final String SUPPORTED_TYPES = "Integer, Long, Double, Boolean, String, Fraction, "
            + "IntRange, DoubleRange, FractionRange, ValueList, ValueArray";

    private Values() {
    }

    // ---------------------------------------------------------------- validation

    /**
     * Returns {@code value} if it is one of the supported types, normalised ({@code -0.0} becomes
     * {@code 0.0} so that equal numbers are {@code equals}).
     *
     * @throws IllegalArgumentException naming the problem (the caller adds the field name)
     */
    static Object check(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a value (use without() to remove a field)");
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                throw new IllegalArgumentException("NaN is not a valid double value");
            }
            return d == 0.0 ? Double.valueOf(0.0) : d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof String || value instanceof Fraction || value instanceof IntRange
                || value instanceof DoubleRange || value instanceof FractionRange
                || value instanceof ValueList || value instanceof ValueArray) {
            return value;
        }
        throw new IllegalArgumentException("unsupported value type " + value.getClass().getName()
                + " (supported: " + SUPPORTED_TYPES + ")");
    }

    /**
     * Validates the members of a list or array: supported types, no list inside a list, one
     * basic type for all.
     */
    static List<Object> checkMembers(String kind, List<Object> members, boolean listsAllowed) {
        if (members == null) {
            throw new IllegalArgumentException(kind + " values must not be null");
        }
        List<Object> out = new ArrayList<>(members.size());
        Class<?> common = null;
        for (Object m : members) {
            Object v = check(m);
            if (!listsAllowed && v instanceof ValueList) {
                throw new IllegalArgumentException("a list cannot hold another list: " + v);
            }
            Class<?> base = baseType(v);
            if (base != null) {
                if (common == null) {
                    common = base;
                } else if (common != base) {
                    throw new IllegalArgumentException(kind + " members must all have one type, found "
                            + ValueFormat.typeName(common) + " and " + ValueFormat.typeName(base));
                }
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    /**
     * The basic type a value is made of ({@code Integer.class} for ints and int ranges, ...), or
     * null for an empty array, which fits any type. Mirrors
     * {@code gst_structure_value_get_generic_type()} in gst/gststructure.c.
     */
    static Class<?> baseType(Object v) {
        if (v instanceof IntRange) {
            return Integer.class;
        }
        if (v instanceof DoubleRange) {
            return Double.class;
        }
        if (v instanceof FractionRange) {
            return Fraction.class;
        }
        if (v instanceof ValueList l) {
            return firstBaseType(l.values());
        }
        if (v instanceof ValueArray a) {
            return firstBaseType(a.values());
        }
        return v.getClass();
    }

    private static Class<?> firstBaseType(List<Object> members) {
        for (Object m : members) {
            Class<?> b = baseType(m);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- fixed values

    /**
     * Whether the value is a single plain value — mirrors {@code gst_value_is_fixed()}. Ranges
     * and lists (even of one member) are not fixed; an array is fixed when all its elements are.
     */
    static boolean isFixed(Object v) {
        if (v instanceof ValueArray a) {
            return a.values().stream().allMatch(Values::isFixed);
        }
        return !(v instanceof ValueList || v instanceof IntRange || v instanceof DoubleRange
                || v instanceof FractionRange);
    }

    /**
     * GStreamer's default fixation — mirrors {@code gst_value_fixate()}: a range becomes its
     * minimum, a list its first member (fixated), an array is fixated element by element.
     */
    static Object fixate(Object v) {
        if (v instanceof IntRange r) {
            return r.min();
        }
        if (v instanceof DoubleRange r) {
            return r.min();
        }
        if (v instanceof FractionRange r) {
            return r.min();
        }
        if (v instanceof ValueList l) {
            return fixate(l.get(0));
        }
        if (v instanceof ValueArray a) {
            return new ValueArray(a.values().stream().map(Values::fixate).toList());
        }
        return v;
    }

    // ---------------------------------------------------------------- intersection

    /**
     * The values in both {@code a} and {@code b}, or null when there are none — mirrors
     * {@code gst_value_intersect()}. A range that shrinks to one value becomes that plain value,
     * and a list result with one member becomes that member, as in GStreamer.
     */
    static Object intersect(Object a, Object b) {
        if (a instanceof ValueList la) {
            return intersectList(la, b);
        }
        if (b instanceof ValueList lb) {
            return intersectList(lb, a);
        }
        return intersectMembers(a, b);
    }

    /** Intersects each member of the list with {@code other}; the list's order is kept. */
    private static Object intersectList(ValueList list, Object other) {
        List<Object> out = new ArrayList<>();
        for (Object member : list.values()) {
            Object r = intersect(member, other);
            if (r != null) {
                addMembers(out, r);
            }
        }
        return fromMembers(out);
    }

    private static Object intersectMembers(Object a, Object b) {
        if (a.equals(b)) {
            return a;
        }
        // Put the plain value first so each pair of types is handled once.
        if (a instanceof IntRange && b instanceof Integer
                || a instanceof DoubleRange && b instanceof Double
                || a instanceof FractionRange && b instanceof Fraction) {
            return intersectMembers(b, a);
        }
        if (a instanceof Integer x && b instanceof IntRange r) {
            return r.contains(x) ? x : null;
        }
        if (a instanceof IntRange r1 && b instanceof IntRange r2) {
            return intersectIntRanges(r1, r2);
        }
        if (a instanceof Double x && b instanceof DoubleRange r) {
            return r.contains(x) ? x : null;
        }
        if (a instanceof DoubleRange r1 && b instanceof DoubleRange r2) {
            double lo = Math.max(r1.min(), r2.min());
            double hi = Math.min(r1.max(), r2.max());
            return lo < hi ? new DoubleRange(lo, hi) : lo == hi ? (Object) lo : null;
        }
        if (a instanceof Fraction x && b instanceof FractionRange r) {
            return r.contains(x) ? x : null;
        }
        if (a instanceof FractionRange r1 && b instanceof FractionRange r2) {
            Fraction lo = max(r1.min(), r2.min());
            Fraction hi = min(r1.max(), r2.max());
            int c = lo.compareTo(hi);
            return c < 0 ? new FractionRange(lo, hi) : c == 0 ? lo : null;
        }
        if (a instanceof ValueArray x && b instanceof ValueArray y) {
            return intersectArrays(x, y);
        }
        return null; // unequal plain values, or values of different types
    }

    /**
     * Both ranges hold multiples of their step, so their common values are the multiples of
     * lcm(step1, step2) inside both bounds — mirrors {@code gst_value_intersect_int_range_int_range()}.
     */
    private static Object intersectIntRanges(IntRange r1, IntRange r2) {
        long step = lcm(r1.step(), r2.step());
        long lo = Math.max(r1.min(), r2.min());
        long hi = Math.min(r1.max(), r2.max());
        long first = -Math.floorDiv(-lo, step) * step; // round up to the grid
        long last = Math.floorDiv(hi, step) * step;    // round down to the grid
        if (first > last) {
            return null;
        }
        if (first == last) {
            return (int) first;
        }
        if (step > Integer.MAX_VALUE) {
            // Only possible for huge steps: at most three values, listed one by one.
            List<Object> values = new ArrayList<>();
            for (long v = first; v <= last; v += step) {
                values.add((int) v);
            }
            return new ValueList(values);
        }
        return new IntRange((int) first, (int) last, (int) step);
    }

    /** Arrays meet element by element, and only when they have the same length. */
    private static Object intersectArrays(ValueArray a, ValueArray b) {
        if (a.size() != b.size()) {
            return null;
        }
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object r = intersect(a.get(i), b.get(i));
            if (r == null) {
                return null;
            }
            out.add(r);
        }
        return new ValueArray(out);
    }

    // ---------------------------------------------------------------- subset

    /**
     * Whether every value of {@code a} is also a value of {@code b} — mirrors
     * {@code gst_value_is_subset()}. Unlike GStreamer this is an exact, non-strict check for
     * ranges covered by a list: {@code [ 1, 10 ]} is a subset of {@code { [ 1, 5 ], [ 6, 10 ] }}.
     */
    static boolean isSubset(Object a, Object b) {
        return coveredBy(a, List.of(b));
    }

    /** Whether {@code a} and {@code b} are the same set, however they are written. */
    static boolean isEqual(Object a, Object b) {
        return a.equals(b) || isSubset(a, b) && isSubset(b, a);
    }

    /** Whether every value of {@code a} is in the union of {@code values}. */
    static boolean coveredBy(Object a, Collection<Object> values) {
        List<Object> members = new ArrayList<>();
        for (Object v : values) {
            addMembers(members, v);
        }
        if (a instanceof ValueList la) {
            return la.values().stream().allMatch(m -> memberCovered(m, members));
        }
        return memberCovered(a, members);
    }

    private static boolean memberCovered(Object m, List<Object> members) {
        for (Object x : members) {
            if (memberSubset(m, x)) {
                return true;
            }
        }
        // A range may still be covered by several pieces together.
        if (m instanceof IntRange r) {
            return coverIntRange(r, members);
        }
        if (m instanceof DoubleRange r) {
            return coverDoubleRange(r, members);
        }
        if (m instanceof FractionRange r) {
            return coverFractionRange(r, members);
        }
        return false; // a plain value is in a union only if it is in one member
    }

    private static boolean memberSubset(Object a, Object b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof IntRange x && b instanceof IntRange y) {
            // All of x lies on x's grid, which lies on y's grid only if y's step divides x's.
            return x.min() >= y.min() && x.max() <= y.max() && x.step() % y.step() == 0;
        }
        if (a instanceof DoubleRange x && b instanceof DoubleRange y) {
            return x.min() >= y.min() && x.max() <= y.max();
        }
        if (a instanceof FractionRange x && b instanceof FractionRange y) {
            return x.min().compareTo(y.min()) >= 0 && x.max().compareTo(y.max()) <= 0;
        }
        if (a instanceof ValueArray x && b instanceof ValueArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!isSubset(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof IntRange || a instanceof DoubleRange || a instanceof FractionRange
                || a instanceof ValueArray) {
            return false; // a range holds several values, so it is never inside a plain value
        }
        return intersectMembers(a, b) != null; // plain value: subset means "is in b"
    }

    /**
     * Sweeps the pieces of {@code r} covered by the members, in units of r's step. Pieces on a
     * coarser grid only cover every k-th value and are left out, so this can answer "no" for a
     * range that is covered only by interleaved grids (a case GStreamer does not handle either).
     */
    private static boolean coverIntRange(IntRange r, List<Object> members) {
        List<long[]> pieces = new ArrayList<>();
        for (Object x : members) {
            Object i = intersectMembers(r, x);
            if (i instanceof Integer v) {
                long k = ((long) v - r.min()) / r.step();
                pieces.add(new long[] {k, k});
            } else if (i instanceof IntRange ir && ir.step() == r.step()) {
                pieces.add(new long[] {((long) ir.min() - r.min()) / r.step(),
                    ((long) ir.max() - r.min()) / r.step()});
            }
        }
        pieces.sort(Comparator.comparingLong(p -> p[0]));
        long last = ((long) r.max() - r.min()) / r.step();
        long next = 0; // the first index not yet known to be covered
        for (long[] p : pieces) {
            if (p[0] > next) {
                return false;
            }
            next = Math.max(next, p[1] + 1);
        }
        return next > last;
    }

    /** Closed intervals of reals: covered when the pieces chain from min to max without a gap. */
    private static boolean coverDoubleRange(DoubleRange r, List<Object> members) {
        List<double[]> pieces = new ArrayList<>();
        for (Object x : members) {
            Object i = intersectMembers(r, x);
            if (i instanceof DoubleRange ir) {
                pieces.add(new double[] {ir.min(), ir.max()});
            }
        }
        pieces.sort(Comparator.comparingDouble(p -> p[0]));
        double reached = r.min();
        boolean started = false;
        for (double[] p : pieces) {
            if (p[0] > reached) {
                return false;
            }
            started = true;
            reached = Math.max(reached, p[1]);
        }
        return started && reached >= r.max();
    }

    private static boolean coverFractionRange(FractionRange r, List<Object> members) {
        List<FractionRange> pieces = new ArrayList<>();
        for (Object x : members) {
            if (intersectMembers(r, x) instanceof FractionRange ir) {
                pieces.add(ir);
            }
        }
        pieces.sort(Comparator.comparing(FractionRange::min));
        Fraction reached = r.min();
        boolean started = false;
        for (FractionRange p : pieces) {
            if (p.min().compareTo(reached) > 0) {
                return false;
            }
            started = true;
            reached = max(reached, p.max());
        }
        return started && reached.compareTo(r.max()) >= 0;
    }

    // ---------------------------------------------------------------- union

    /**
     * A value holding everything in {@code a} or {@code b}, written as a list (members that are
     * inside another member are dropped), or null when the two have different basic types and
     * cannot share a list. A simple form of {@code gst_value_union()}.
     */
    static Object union(Object a, Object b) {
        Class<?> ta = baseType(a);
        Class<?> tb = baseType(b);
        if (ta != null && tb != null && ta != tb) {
            return null;
        }
        List<Object> all = new ArrayList<>();
        addMembers(all, a);
        addMembers(all, b);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean redundant = false;
            for (int j = 0; j < all.size() && !redundant; j++) {
                if (i != j && memberSubset(all.get(i), all.get(j))
                        && (j < i || !memberSubset(all.get(j), all.get(i)))) {
                    redundant = true;
                }
            }
            if (!redundant) {
                kept.add(all.get(i));
            }
        }
        return fromMembers(kept);
    }

    // ---------------------------------------------------------------- helpers

    /** Appends the members of {@code v} (itself, or a list's members), skipping duplicates. */
    private static void addMembers(List<Object> out, Object v) {
        if (v instanceof ValueList l) {
            for (Object m : l.values()) {
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        } else if (!out.contains(v)) {
            out.add(v);
        }
    }

    /** null for no members, the member itself for one, else a list. */
    private static Object fromMembers(List<Object> members) {
        if (members.isEmpty()) {
            return null;
        }
        return members.size() == 1 ? members.get(0) : new ValueList(members);
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    static Fraction max(Fraction a, Fraction b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Fraction min(Fraction a, Fraction b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
