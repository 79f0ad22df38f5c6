package org.gstmini.core.caps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Capabilities: the set of media formats a pad can handle or a buffer has — mirrors
 * {@code GstCaps}, gst/gstcaps.c.
 *
 * <h2>What caps are</h2>
 * Caps are a list of {@link Structure}s, each one a family of formats:
 * <pre>
 * video/x-raw, format=(string){ RGB, I420 }, width=(int)[ 1, 4096 ]; image/png
 * </pre>
 * reads "raw video in RGB or I420, any width from 1 to 4096 — or a PNG image". The list is a
 * union, and earlier structures are preferred. Two special values complete the picture:
 * {@link #ANY} (every format; a pad that does not care) and {@link #EMPTY} (no format at all;
 * the result of a failed negotiation).
 *
 * <h2>How elements use them</h2>
 * Negotiation is set algebra. A pad's template says what it could ever handle; when two pads
 * link, GStreamer {@linkplain #intersect intersects} what each side can do. If the intersection
 * is {@linkplain #isEmpty() empty} the link fails with "not-negotiated". Otherwise the upstream
 * element picks one concrete format: it {@linkplain #fixate() fixates} the caps (takes the first
 * structure and narrows every range and list to a single value, often with the targeted
 * {@code Structure.fixateField...} methods first) and sends those {@linkplain #isFixed() fixed}
 * caps downstream in a CAPS event. A sink checks it can take them with {@link #isSubsetOf}.
 *
 * <h2>Text form</h2>
 * {@link #parse} and {@link #toString()} use GStreamer's syntax, the one gst-launch takes
 * between two {@code !}. Values may carry a type in parentheses; without one, GStreamer guesses
 * int, then double, then fraction, then boolean, then string:
 * <pre>
 * audio/x-raw, format=S16LE, rate=44100, channels=2, layout=interleaved
 * video/x-raw, width=(int)[ 16, 4096, 16 ], framerate=(fraction)[ 0/1, 60/1 ]
 * </pre>
 * Printed caps always carry types, so {@code parse(caps.toString())} gives equal caps back.
 *
 * <p>Caps are immutable; every operation returns new caps.
 */
public final class Caps {

    /** Every format: the caps of a pad that accepts anything. Prints as {@code ANY}. */
    public static final Caps ANY = new Caps(List.of(), true);

    /** No format at all: a failed intersection. Prints as {@code EMPTY}. */
    public static final Caps EMPTY = new Caps(List.of(), false);

    /**
     * How {@link #intersect(Caps, IntersectMode)} orders its result — mirrors
     * {@code GstCapsIntersectMode}.
     */
    public enum IntersectMode {
        /**
         * Walks the pairs of structures diagonally (0+0, then 0+1 and 1+0, ...), so the result
         * favours structures that come early in <em>both</em> caps. GStreamer's default
         * ({@code GST_CAPS_INTERSECT_ZIG_ZAG}).
         */
        ZIG_ZAG,
        /**
         * Walks this caps' structures in order, each against all of the other's, so the result
         * keeps this caps' preference ({@code GST_CAPS_INTERSECT_FIRST}).
         */
        FIRST
    }

    private final List<Structure> structures;
    private final boolean any;

    private Caps(List<Structure> structures, boolean any) {
        this.structures = structures;
        this.any = any;
    }

    // ---------------------------------------------------------------- building

    /**
     * Caps made of the given structures, in order — mirrors {@code gst_caps_new_full()}. No
     * structures give {@link #EMPTY}.
     */
    public static Caps of(Structure... structures) {
        return of(Arrays.asList(structures));
    }

    /** Caps made of the given structures, in order. No structures give {@link #EMPTY}. */
    public static Caps of(List<Structure> structures) {
        List<Structure> copy = List.copyOf(structures);
        return copy.isEmpty() ? EMPTY : new Caps(copy, false);
    }

    /**
     * Parses GStreamer's text form — mirrors {@code gst_caps_from_string()}. Accepts
     * {@code ANY}, {@code EMPTY} (or {@code NONE}, or empty text) and structures separated by
     * {@code ;}, e.g. {@code "video/x-raw, format=RGB; video/x-raw, format=I420"}.
     *
     * <p>Values: {@code (type)} annotations are optional and may be {@code int}/{@code i},
     * {@code uint}/{@code u}, {@code int64}/{@code gint64}/{@code guint64} (read as
     * {@link Long}), {@code double}/{@code d}, {@code float}/{@code f} (read as {@link Double}),
     * {@code boolean}/{@code bool}/{@code b}, {@code string}/{@code s}, {@code fraction}.
     * Ranges are {@code [ min, max ]} or {@code [ min, max, step ]}, lists {@code { a, b }},
     * arrays {@code < a, b >}. Strings with spaces or other special characters go in double
     * quotes, with {@code \} escapes.
     *
     * @throws CapsParseException with the position of the first error
     */
    public static Caps parse(String text) {
        return CapsParser.parseCaps(Objects.requireNonNull(text, "text"));
    }

    // ---------------------------------------------------------------- reading

    /** Whether these are the {@link #ANY} caps — mirrors {@code gst_caps_is_any()}. */
    public boolean isAny() {
        return any;
    }

    /** Whether these caps describe no format at all — mirrors {@code gst_caps_is_empty()}. */
    public boolean isEmpty() {
        return !any && structures.isEmpty();
    }

    /**
     * Whether these caps describe exactly one format: one structure whose fields are all fixed —
     * mirrors {@code gst_caps_is_fixed()}. Only fixed caps can be sent in a CAPS event.
     */
    public boolean isFixed() {
        return structures.size() == 1 && structures.get(0).isFixed();
    }

    /** The number of structures (0 for ANY and EMPTY) — mirrors {@code gst_caps_get_size()}. */
    public int size() {
        return structures.size();
    }

    /**
     * The structure at {@code index} — mirrors {@code gst_caps_get_structure()}.
     *
     * @throws IndexOutOfBoundsException if there is no such structure
     */
    public Structure structure(int index) {
        return structures.get(index);
    }

    /** The structures, in order (empty for ANY and EMPTY); the list cannot be modified. */
    public List<Structure> structures() {
        return structures;
    }

    // ---------------------------------------------------------------- algebra

    /**
     * The formats in both caps — mirrors {@code gst_caps_intersect()}, which uses the
     * {@linkplain IntersectMode#ZIG_ZAG zig-zag} order. ANY is the identity, EMPTY absorbs
     * everything. Every pair of structures is intersected; a result already contained in an
     * earlier one is dropped.
     */
    public Caps intersect(Caps other) {
        return intersect(other, IntersectMode.ZIG_ZAG);
    }

    /** The formats in both caps, ordered by {@code mode} — mirrors {@code gst_caps_intersect_full()}. */
    public Caps intersect(Caps other, IntersectMode mode) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        if (any) {
            return other;
        }
        if (other.any) {
            return this;
        }
        List<Structure> out = new ArrayList<>();
        int n1 = structures.size();
        int n2 = other.structures.size();
        if (mode == IntersectMode.FIRST) {
            for (Structure s1 : structures) {
                for (Structure s2 : other.structures) {
                    mergeStructure(out, s1.intersect(s2));
                }
            }
        } else {
            // Diagonal d holds the pairs (i, j) with i + j == d: early in both lists comes first.
            for (int d = 0; d < n1 + n2 - 1; d++) {
                for (int i = Math.min(d, n1 - 1), j = d - i; i >= 0 && j < n2; i--, j++) {
                    mergeStructure(out, structures.get(i).intersect(other.structures.get(j)));
                }
            }
        }
        return of(out);
    }

    /**
     * Whether the caps have a format in common — mirrors {@code gst_caps_can_intersect()}; this
     * is what a pad link checks before anything else.
     */
    public boolean canIntersect(Caps other) {
        if (isEmpty() || other.isEmpty()) {
            return false;
        }
        if (any || other.any) {
            return true;
        }
        for (Structure s1 : structures) {
            for (Structure s2 : other.structures) {
                if (s1.canIntersect(s2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether every format of these caps is also a format of {@code superset} — mirrors
     * {@code gst_caps_is_subset()}. EMPTY is a subset of everything and everything is a subset of
     * ANY. Otherwise each structure must lie inside one structure of the superset — or, a little
     * more than GStreamer checks, inside several superset structures that agree on all fields
     * but one (so {@code x, a={ 1, 2 }} is inside {@code x, a=1; x, a=2}, the form
     * {@link #simplify()} undoes).
     */
    public boolean isSubsetOf(Caps superset) {
        if (isEmpty() || superset.any) {
            return true;
        }
        if (any || superset.isEmpty()) {
            return false;
        }
        for (Structure s : structures) {
            if (!coveredBy(s, superset.structures)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredBy(Structure s, List<Structure> supersets) {
        for (Structure sup : supersets) {
            if (s.isSubsetOf(sup)) {
                return true;
            }
        }
        // Covered by a union of structures that differ from s in one field only?
        for (String field : s.fieldNames()) {
            List<Object> pieces = new ArrayList<>();
            for (Structure sup : supersets) {
                if (sup.hasName(s.name()) && sup.has(field) && coversAllBut(sup, s, field)) {
                    pieces.add(sup.get(field));
                }
            }
            if (!pieces.isEmpty() && Values.coveredBy(s.get(field), pieces)) {
                return true;
            }
        }
        return false;
    }

    /** Whether each field of {@code sup} except {@code field} contains the same field of {@code s}. */
    private static boolean coversAllBut(Structure sup, Structure s, String field) {
        for (String f : sup.fieldNames()) {
            if (!f.equals(field) && !(s.has(f) && Values.isSubset(s.get(f), sup.get(f)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether both caps describe the same formats, however they are written (each is a subset
     * of the other) — mirrors {@code gst_caps_is_equal()}. Compare {@link #equals}, which asks
     * for the same structures in the same order.
     */
    public boolean isEqualTo(Caps other) {
        return equals(other) || isSubsetOf(other) && other.isSubsetOf(this);
    }

    /**
     * These caps followed by the structures of {@code other} that add something — mirrors
     * {@code gst_caps_merge()}: a structure already contained in the result is not appended.
     * ANY merged with anything is ANY.
     */
    public Caps merge(Caps other) {
        if (any || other.any) {
            return ANY;
        }
        List<Structure> out = new ArrayList<>(structures);
        for (Structure s : other.structures) {
            mergeStructure(out, s);
        }
        return of(out);
    }

    /**
     * These caps followed by all structures of {@code other}, without any check — mirrors
     * {@code gst_caps_append()}. ANY appended with anything is ANY.
     */
    public Caps append(Caps other) {
        if (any || other.any) {
            return ANY;
        }
        List<Structure> out = new ArrayList<>(structures);
        out.addAll(other.structures);
        return of(out);
    }

    /**
     * One concrete format: the first structure with every field fixated — mirrors
     * {@code gst_caps_fixate()} (truncate, then {@code gst_structure_fixate()}: ranges become
     * their minimum, lists their first member).
     *
     * @throws IllegalStateException for ANY or EMPTY, which have no structure to fixate
     */
    public Caps fixate() {
        if (any || structures.isEmpty()) {
            throw new IllegalStateException("cannot fixate " + this + " caps: there is no structure to pick "
                    + "(intersect with a peer's caps first)");
        }
        return new Caps(List.of(structures.get(0).fixate()), false);
    }

    /**
     * Only the first structure — mirrors {@code gst_caps_truncate()}; ANY and EMPTY stay as
     * they are. Elements truncate before fixating to commit to their preferred format.
     */
    public Caps truncate() {
        return structures.size() <= 1 ? this : new Caps(List.of(structures.get(0)), false);
    }

    /**
     * Equivalent caps written more compactly — in the spirit of {@code gst_caps_simplify()}:
     * structures contained in another are dropped, and two structures that differ only in one
     * field are merged into one with a list ({@code x, a=1; x, a=2} becomes
     * {@code x, a={ 1, 2 }}). The result {@linkplain #isEqualTo is equal} to these caps.
     */
    public Caps simplify() {
        if (structures.size() <= 1) {
            return this;
        }
        List<Structure> out = new ArrayList<>();
        for (Structure s : structures) {
            boolean redundant = out.stream().anyMatch(s::isSubsetOf);
            if (!redundant && !replaceNarrower(out, s) && !mergeIntoOne(out, s)) {
                out.add(s);
            }
        }
        return of(out);
    }

    /** If {@code s} contains structures of {@code out}, it takes the place of the first and the others go. */
    private static boolean replaceNarrower(List<Structure> out, Structure s) {
        int first = 0;
        while (first < out.size() && !out.get(first).isSubsetOf(s)) {
            first++;
        }
        if (first == out.size()) {
            return false;
        }
        out.set(first, s);
        for (int k = out.size() - 1; k > first; k--) {
            if (out.get(k).isSubsetOf(s)) {
                out.remove(k);
            }
        }
        return true;
    }

    /** If {@code s} differs from a structure of {@code out} in one field only, widens that structure to cover it. */
    private static boolean mergeIntoOne(List<Structure> out, Structure s) {
        for (int k = 0; k < out.size(); k++) {
            Structure merged = mergeOneField(out.get(k), s);
            if (merged != null) {
                out.set(k, merged);
                return true;
            }
        }
        return false;
    }

    /** {@code a} with one field widened to include {@code b}, if that is all they differ in; else null. */
    private static Structure mergeOneField(Structure a, Structure b) {
        if (!a.hasName(b.name()) || !a.fieldNames().equals(b.fieldNames())) {
            return null;
        }
        String differing = null;
        for (String f : a.fieldNames()) {
            if (!Values.isEqual(a.get(f), b.get(f))) {
                if (differing != null) {
                    return null;
                }
                differing = f;
            }
        }
        if (differing == null) {
            return a;
        }
        Object union = Values.union(a.get(differing), b.get(differing));
        return union == null ? null : a.with(differing, union);
    }

    /** Appends {@code s} unless it is null or already contained — {@code gst_caps_merge_structure()}. */
    private static void mergeStructure(List<Structure> out, Structure s) {
        if (s != null && out.stream().noneMatch(s::isSubsetOf)) {
            out.add(s);
        }
    }

    // ---------------------------------------------------------------- text and identity

    /**
     * GStreamer's text form — mirrors {@code gst_caps_to_string()}: {@code ANY}, {@code EMPTY},
     * or the structures joined by {@code "; "}, every value with its type.
     */
    @Override
    public String toString() {
        if (any) {
            return "ANY";
        }
        if (structures.isEmpty()) {
            return "EMPTY";
        }
        return structures.stream().map(Structure::toString).collect(Collectors.joining("; "));
    }

    /**
     * The same structures in the same order (or both ANY, or both EMPTY). For "the same
     * formats" use {@link #isEqualTo}.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Caps c && any == c.any && structures.equals(c.structures);
    }

    @Override
    public int hashCode() {
        return structures.hashCode() * 2 + (any ? 1 : 0);
    }
}
