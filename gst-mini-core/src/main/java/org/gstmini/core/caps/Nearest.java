package org.gstmini.core.caps;

/**
 * Picks the value of a field closest to a target — the logic behind
 * {@code gst_structure_fixate_field_nearest_int()} and its siblings (gst/gststructure.c).
 * Each method returns the chosen plain value, or null when the field holds nothing of the
 * right type (the field is then left as it is).
 */
final class Nearest {

    private Nearest() {
    }

    /**
     * Nearest int: a range is clamped and snapped to its step (ties round down, as GStreamer's
     * {@code rem > step / 2} test does); in a list the closest member wins, the first on a tie.
     * GStreamer looks only at plain ints in a list; ranges in a list are considered here too.
     */
    static Integer nearestInt(Object value, int target) {
        if (value instanceof IntRange r) {
            long t = Math.max(r.min(), Math.min(r.max(), target));
            long rem = Math.floorMod(t, (long) r.step());
            t -= rem;
            if (rem > r.step() / 2) {
                t += r.step();
            }
            return (int) t;
        }
        if (value instanceof ValueList list) {
            Integer best = null;
            for (Object m : list.values()) {
                Integer candidate = m instanceof Integer i ? i : m instanceof IntRange ? nearestInt(m, target) : null;
                if (candidate != null && (best == null
                        || Math.abs((long) target - candidate) < Math.abs((long) target - best))) {
                    best = candidate;
                }
            }
            return best;
        }
        return null;
    }

    /** Nearest double: a range is clamped; in a list the closest member wins, the first on a tie. */
    static Double nearestDouble(Object value, double target) {
        if (value instanceof DoubleRange r) {
            return Math.max(r.min(), Math.min(r.max(), target)) + 0.0;
        }
        if (value instanceof ValueList list) {
            Double best = null;
            for (Object m : list.values()) {
                Double candidate = m instanceof Double d ? d : m instanceof DoubleRange ? nearestDouble(m, target) : null;
                if (candidate != null && (best == null || Math.abs(target - candidate) < Math.abs(target - best))) {
                    best = candidate;
                }
            }
            return best;
        }
        return null;
    }

    /**
     * Nearest fraction: a range is clamped; in a list the closest member wins (compared as
     * doubles, like GStreamer), the first on a tie.
     */
    static Fraction nearestFraction(Object value, Fraction target) {
        if (value instanceof FractionRange r) {
            return Values.max(r.min(), Values.min(r.max(), target));
        }
        if (value instanceof ValueList list) {
            Fraction best = null;
            double t = target.toDouble();
            for (Object m : list.values()) {
                Fraction candidate = m instanceof Fraction f ? f
                        : m instanceof FractionRange ? nearestFraction(m, target) : null;
                if (candidate != null && (best == null
                        || Math.abs(t - candidate.toDouble()) < Math.abs(t - best.toDouble()))) {
                    best = candidate;
                }
            }
            return best;
        }
        return null;
    }

    /** The target if the list offers it, else the list's first boolean. */
    static Boolean bool(Object value, boolean target) {
        return pick(value, Boolean.class, target);
    }

    /** The target if the list offers it, else the list's first string. */
    static String string(Object value, String target) {
        return pick(value, String.class, target);
    }

    private static <T> T pick(Object value, Class<T> type, T target) {
        if (!(value instanceof ValueList list)) {
            return null;
        }
        T first = null;
        for (Object m : list.values()) {
            if (type.isInstance(m)) {
                if (m.equals(target)) {
                    return type.cast(m);
                }
                if (first == null) {
                    first = type.cast(m);
                }
            }
        }
        return first;
    }
}
