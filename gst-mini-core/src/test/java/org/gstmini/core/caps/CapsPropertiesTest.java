package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of the caps algebra, checked on random caps. The generators use few names, few
 * fields and small numbers so that random caps actually overlap: each field has one basic type
 * (so intersections are interesting), except {@code mixed}, which varies its type to exercise
 * "different types never intersect".
 */
class CapsPropertiesTest {

    // ---------------------------------------------------------------- laws

    @Property
    void intersectionIsCommutative(@ForAll("caps") Caps a, @ForAll("caps") Caps b) {
        Caps ab = a.intersect(b);
        Caps ba = b.intersect(a);
        // The report shows how often the generators produce caps that actually overlap.
        Statistics.collect(ab.isAny() ? "any" : ab.isEmpty() ? "empty" : ab.isFixed() ? "fixed" : "open");
        assertTrue(ab.isEqualTo(ba), () -> ab + "\n  vs\n" + ba);
    }

    @Property
    void intersectionIsIdempotent(@ForAll("caps") Caps a) {
        assertTrue(a.intersect(a).isEqualTo(a), () -> a.intersect(a).toString());
    }

    @Property
    void intersectionIsASubsetOfBothSides(@ForAll("caps") Caps a, @ForAll("caps") Caps b) {
        Caps ab = a.intersect(b);
        assertTrue(ab.isSubsetOf(a), () -> ab + "\n  not in\n" + a);
        assertTrue(ab.isSubsetOf(b), () -> ab + "\n  not in\n" + b);
    }

    /** Nothing is lost: a concrete format that both sides accept is in the intersection. */
    @Property
    void intersectionKeepsEveryCommonFixedFormat(@ForAll("caps") Caps a, @ForAll("caps") Caps b) {
        for (Structure s : a.structures()) {
            Caps x = Caps.of(s.fixate());
            if (x.isSubsetOf(b)) {
                assertTrue(x.isSubsetOf(a.intersect(b)), () -> x + "\n  missing from\n" + a.intersect(b));
            }
        }
    }

    @Property
    void canIntersectAgreesWithIntersect(@ForAll("caps") Caps a, @ForAll("caps") Caps b) {
        assertEquals(!a.intersect(b).isEmpty(), a.canIntersect(b));
    }

    @Property
    void anyIsTheIdentityAndEmptyAbsorbs(@ForAll("caps") Caps a) {
        assertEquals(a, a.intersect(Caps.ANY));
        assertEquals(a, Caps.ANY.intersect(a));
        assertTrue(a.intersect(Caps.EMPTY).isEmpty());
    }

    @Property
    void subsetIsReflexive(@ForAll("caps") Caps a, @ForAll("structures") Structure s) {
        assertTrue(a.isSubsetOf(a));
        assertTrue(a.isEqualTo(a));
        assertTrue(s.isSubsetOf(s));
    }

    @Property
    void emptyIsInEverythingAndEverythingIsInAny(@ForAll("caps") Caps a) {
        assertTrue(Caps.EMPTY.isSubsetOf(a));
        assertTrue(a.isSubsetOf(Caps.ANY));
    }

    @Property
    void parsePrintRoundTrip(@ForAll("caps") Caps c) {
        String text = c.toString();
        assertEquals(c, Caps.parse(text), text);
        assertEquals(text, Caps.parse(text).toString());
    }

    @Property
    void structureParsePrintRoundTrip(@ForAll("structures") Structure s) {
        assertEquals(s, Structure.parse(s.toString()), s::toString);
    }

    @Property
    void fixateGivesFixedCapsInsideTheOriginal(@ForAll("caps") Caps c) {
        Assume.that(!c.isAny() && !c.isEmpty());
        Caps fixed = c.fixate();
        assertTrue(fixed.isFixed(), fixed::toString);
        assertTrue(fixed.isSubsetOf(c), () -> fixed + "\n  not in\n" + c);
    }

    @Property
    void targetedFixationStaysInside(@ForAll("structures") Structure s, @ForAll int target) {
        Structure t = s;
        if (t.has("width")) {
            t = t.fixateFieldNearestInt("width", target % 20);
        }
        if (t.has("rate")) {
            t = t.fixateFieldNearestDouble("rate", target / 7.0);
        }
        if (t.has("framerate")) {
            t = t.fixateFieldNearestFraction("framerate", Fraction.of(target % 50, 3));
        }
        if (t.has("flag")) {
            t = t.fixateFieldBoolean("flag", target % 2 == 0);
        }
        if (t.has("format")) {
            t = t.fixateFieldString("format", "I420");
        }
        Structure result = t;
        assertTrue(result.isSubsetOf(s), () -> result + "\n  not in\n" + s);
    }

    @Property
    void simplifyKeepsTheSameFormats(@ForAll("caps") Caps c) {
        Caps simple = c.simplify();
        assertTrue(simple.isEqualTo(c), () -> simple + "\n  vs\n" + c);
        assertTrue(simple.size() <= c.size());
    }

    @Property
    void mergeContainsBothSides(@ForAll("caps") Caps a, @ForAll("caps") Caps b) {
        Caps m = a.merge(b);
        assertTrue(a.isSubsetOf(m) && b.isSubsetOf(m), m::toString);
        Caps appended = a.append(b);
        assertTrue(appended.isEqualTo(m), appended::toString);
    }

    @Property
    void structureIntersectionIsNullExactlyWhenItCannotIntersect(@ForAll("structures") Structure a,
            @ForAll("structures") Structure b) {
        Structure ab = a.intersect(b);
        assertEquals(ab != null, a.canIntersect(b));
        if (ab != null) {
            assertNotNull(b.intersect(a));
            assertTrue(ab.isSubsetOf(a) && ab.isSubsetOf(b));
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Caps> caps() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Caps.ANY)),
                Tuple.of(1, Arbitraries.just(Caps.EMPTY)),
                Tuple.of(10, structures().list().ofMinSize(1).ofMaxSize(3).map(Caps::of)));
    }

    @Provide
    Arbitrary<Structure> structures() {
        Arbitrary<String> names = Arbitraries.of("video/x-raw", "video/x-raw", "audio/x-raw", "image/png");
        List<Arbitrary<Map.Entry<String, Object>>> fields = List.of(
                field("width", ints()),
                field("format", strings()),
                field("rate", doubles()),
                field("framerate", fractions()),
                field("flag", booleans()),
                field("size", longs()),
                field("arr", arrays()),
                field("mixed", Arbitraries.oneOf(fixedInts(), fixedStrings(), fixedDoubles())));
        Arbitrary<List<Map.Entry<String, Object>>> present = Combinators.combine(fields).as(ArrayList::new);
        return Combinators.combine(names, present).as((name, entries) -> {
            Structure s = Structure.of(name);
            for (Map.Entry<String, Object> e : entries) {
                if (e != null) {
                    s = s.with(e.getKey(), e.getValue());
                }
            }
            return s;
        });
    }

    /** The field is absent about half of the time. */
    private static Arbitrary<Map.Entry<String, Object>> field(String name, Arbitrary<Object> values) {
        return values.map(v -> Map.entry(name, v)).injectNull(0.5);
    }

    private static Arbitrary<Object> fixedInts() {
        return Arbitraries.integers().between(-6, 6).map(i -> (Object) i);
    }

    private static Arbitrary<Object> intRanges() {
        return Combinators.combine(
                Arbitraries.of(1, 1, 2, 3),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.integers().between(1, 4))
            .as((step, k, n) -> (Object) IntRange.of(k * step, (k + n) * step, step));
    }

    private static Arbitrary<Object> ints() {
        Arbitrary<Object> member = Arbitraries.oneOf(fixedInts(), intRanges());
        return Arbitraries.frequencyOf(
                Tuple.of(3, fixedInts()),
                Tuple.of(3, intRanges()),
                Tuple.of(2, member.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ValueList(l))));
    }

    private static Arbitrary<Object> fixedStrings() {
        return Arbitraries.of("RGB", "I420", "NV12", "", "NULL", "a b", "café", "😀", "x\"y;z", "123", "true")
            .map(s -> (Object) s);
    }

    private static Arbitrary<Object> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, fixedStrings()),
                Tuple.of(2, fixedStrings().list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ValueList(l))));
    }

    private static final List<Double> DOUBLES = List.of(-1.5, 0.0, 0.1, 0.5, 1.0, 2.25, 44100.0, 1e-5, 1e20);

    private static Arbitrary<Object> fixedDoubles() {
        return Arbitraries.of(DOUBLES).map(d -> (Object) d);
    }

    private static Arbitrary<Object> doubleRanges() {
        return Arbitraries.of(DOUBLES).list().ofSize(2).uniqueElements()
            .map(l -> (Object) DoubleRange.of(Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))));
    }

    private static Arbitrary<Object> doubles() {
        Arbitrary<Object> member = Arbitraries.oneOf(fixedDoubles(), doubleRanges());
        return Arbitraries.frequencyOf(
                Tuple.of(3, fixedDoubles()),
                Tuple.of(3, doubleRanges()),
                Tuple.of(2, member.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ValueList(l))));
    }

    private static Arbitrary<Fraction> fraction() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 3))
            .as(Fraction::of);
    }

    private static Arbitrary<Object> fractionRanges() {
        return fraction().list().ofSize(2).filter(l -> l.get(0).compareTo(l.get(1)) != 0)
            .map(l -> (Object) FractionRange.of(Values.min(l.get(0), l.get(1)), Values.max(l.get(0), l.get(1))));
    }

    private static Arbitrary<Object> fractions() {
        Arbitrary<Object> fixed = fraction().map(f -> (Object) f);
        Arbitrary<Object> member = Arbitraries.oneOf(fixed, fractionRanges());
        return Arbitraries.frequencyOf(
                Tuple.of(3, fixed),
                Tuple.of(3, fractionRanges()),
                Tuple.of(2, member.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ValueList(l))));
    }

    private static Arbitrary<Object> booleans() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just((Object) ValueList.of(true, false))),
                Tuple.of(1, Arbitraries.just((Object) ValueList.of(false, true))));
    }

    private static Arbitrary<Object> longs() {
        Arbitrary<Object> fixed = Arbitraries.longs().between(-3, 3).map(l -> (Object) l);
        return Arbitraries.frequencyOf(
                Tuple.of(3, fixed),
                Tuple.of(1, fixed.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ValueList(l))));
    }

    private static Arbitrary<Object> arrays() {
        Arbitrary<Object> element = Arbitraries.frequencyOf(
                Tuple.of(3, fixedInts()),
                Tuple.of(1, intRanges()),
                Tuple.of(1, Arbitraries.oneOf(fixedInts(), intRanges()).list().ofMinSize(1).ofMaxSize(2)
                        .map(l -> (Object) new ValueList(l))));
        Arbitrary<Object> array = element.list().ofMaxSize(2).map(l -> (Object) new ValueArray(l));
        return Arbitraries.frequencyOf(
                Tuple.of(3, array),
                Tuple.of(1, array.list().ofMinSize(1).ofMaxSize(2).map(l -> (Object) new ValueList(l))));
    }
}
