package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StructureTest {

    private static final Structure RAW = Structure.of("video/x-raw")
            .with("format", "I420")
            .with("width", 320)
            .with("height", 240)
            .with("framerate", Fraction.of(30, 1));

    @Nested
    class Building {

        @Test
        void keepsInsertionOrderAndReplacesInPlace() {
            Structure s = RAW.with("width", 640).with("interlaced", false);
            assertEquals(List.of("format", "width", "height", "framerate", "interlaced"), List.copyOf(s.fieldNames()));
            assertEquals(640, s.getInt("width"));
            assertEquals(320, RAW.getInt("width"), "with() must not change the original");
            assertEquals(5, s.size());
        }

        @Test
        void withoutRemovesAField() {
            Structure s = RAW.without("height");
            assertFalse(s.has("height"));
            assertEquals(3, s.size());
            assertTrue(RAW.has("height"));
            assertSame(RAW, RAW.without("nope"));
        }

        @Test
        void rejectsUnsupportedValuesNamingTheField() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RAW.with("width", (short) 3));
            assertTrue(e.getMessage().contains("'width'"), e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.Short"), e.getMessage());
            assertTrue(e.getMessage().contains("video/x-raw"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RAW.with("width", null));
            assertThrows(IllegalArgumentException.class, () -> RAW.with("rate", Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> RAW.with("bad name", 1));
            assertThrows(IllegalArgumentException.class, () -> RAW.with("", 1));
        }

        @Test
        void validatesTheName() {
            assertThrows(IllegalArgumentException.class, () -> Structure.of("1video"));
            assertThrows(IllegalArgumentException.class, () -> Structure.of("video x"));
            assertThrows(IllegalArgumentException.class, () -> Structure.of(""));
            assertEquals("application/x-rtp+xml", Structure.of("application/x-rtp+xml").name());
        }

        @Test
        void storesNegativeZeroAsZero() {
            assertEquals(Structure.of("a").with("x", 0.0), Structure.of("a").with("x", -0.0));
        }

        @Test
        void listsMustBeHomogeneousAndFlat() {
            assertThrows(IllegalArgumentException.class, () -> ValueList.of(1, "RGB"));
            assertThrows(IllegalArgumentException.class, () -> ValueList.of(ValueList.of(1, 2)));
            assertThrows(IllegalArgumentException.class, () -> ValueList.of());
            assertEquals(2, ValueList.of(1, IntRange.of(4, 8)).size());
            assertEquals(2, ValueArray.of(ValueList.of(1, 2), 3).size());
        }

        @Test
        void rangesFollowGStreamersInvariants() {
            assertThrows(IllegalArgumentException.class, () -> IntRange.of(5, 5));
            assertThrows(IllegalArgumentException.class, () -> IntRange.of(1, 16, 4));
            assertThrows(IllegalArgumentException.class, () -> IntRange.of(0, 16, 0));
            assertThrows(IllegalArgumentException.class, () -> DoubleRange.of(2, 1));
            assertThrows(IllegalArgumentException.class, () -> FractionRange.of(1, 1, 2, 2));
            assertTrue(IntRange.of(0, 16, 4).contains(8));
            assertFalse(IntRange.of(0, 16, 4).contains(6));
        }
    }

    @Nested
    class Getters {

        @Test
        void typedGettersReturnValues() {
            Structure s = Structure.parse("a, i=1, l=(gint64)2, d=2.5, b=true, s=hi, f=30000/1001");
            assertEquals(1, s.getInt("i"));
            assertEquals(2L, s.getLong("l"));
            assertEquals(2.5, s.getDouble("d"));
            assertTrue(s.getBoolean("b"));
            assertEquals("hi", s.getString("s"));
            assertEquals(Fraction.of(30000, 1001), s.getFraction("f"));
            assertNull(s.get("missing"));
        }

        @Test
        void absentFieldNamesStructureAndField() {
            NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> RAW.getInt("depth"));
            assertTrue(e.getMessage().contains("video/x-raw") && e.getMessage().contains("'depth'"), e.getMessage());
        }

        @Test
        void wrongTypeNamesStructureFieldAndActualValue() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RAW.getInt("format"));
            assertEquals("field 'format' of structure video/x-raw is not an int but (string)I420", e.getMessage());
            Structure open = RAW.with("width", IntRange.of(1, 4096));
            e = assertThrows(IllegalArgumentException.class, () -> open.getInt("width"));
            assertTrue(e.getMessage().endsWith("(int)[ 1, 4096 ] — fixate the caps first"), e.getMessage());
        }
    }

    @Nested
    class Text {

        @Test
        void printsGStreamerSyntax() {
            assertEquals("video/x-raw, format=(string)I420, width=(int)320, height=(int)240, framerate=(fraction)30/1",
                    RAW.toString());
            Structure s = Structure.of("video/x-raw")
                    .with("format", ValueList.of("RGB", "I420"))
                    .with("width", IntRange.of(1, 4096))
                    .with("height", IntRange.of(16, 4096, 16))
                    .with("framerate", FractionRange.of(0, 1, 60, 1))
                    .with("rate", DoubleRange.of(0.5, 2))
                    .with("duration", 40_000_000L)
                    .with("flag", true);
            assertEquals("video/x-raw, format=(string){ RGB, I420 }, width=(int)[ 1, 4096 ], "
                    + "height=(int)[ 16, 4096, 16 ], framerate=(fraction)[ 0/1, 60/1 ], rate=(double)[ 0.5, 2 ], "
                    + "duration=(gint64)40000000, flag=(boolean)true", s.toString());
        }

        @Test
        void parsesItsOwnOutputAndGStreamersTrailingSemicolon() {
            assertEquals(RAW, Structure.parse(RAW.toString()));
            assertEquals(RAW, Structure.parse(RAW + ";"));
        }

        @Test
        void equalityIgnoresFieldOrder() {
            Structure a = Structure.parse("a, x=1, y=2");
            Structure b = Structure.parse("a, y=2, x=1");
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, Structure.parse("b, x=1, y=2"));
        }

        @Test
        void parseRejectsTwoStructures() {
            CapsParseException e = assertThrows(CapsParseException.class,
                    () -> Structure.parse("video/x-raw; audio/x-raw"));
            assertEquals(13, e.position());
            assertTrue(e.getMessage().startsWith("invalid structure:"), e.getMessage());
        }
    }

    @Nested
    class Algebra {

        @Test
        void intersectNarrowsCommonFieldsAndKeepsOthers() {
            Structure a = Structure.parse("video/x-raw, format={ RGB, I420 }, width=[ 1, 4096 ]");
            Structure b = Structure.parse("video/x-raw, width=[ 320, 8192 ], height=240, format=I420");
            assertEquals(Structure.parse("video/x-raw, format=I420, width=[ 320, 4096 ], height=240"), a.intersect(b));
            assertTrue(a.canIntersect(b));
        }

        @Test
        void intersectFailsOnNameOrAnyFieldMismatch() {
            Structure a = Structure.parse("video/x-raw, width=[ 1, 100 ]");
            assertNull(a.intersect(Structure.parse("audio/x-raw, width=[ 1, 100 ]")));
            assertNull(a.intersect(Structure.parse("video/x-raw, width=200")));
            assertNull(a.intersect(Structure.parse("video/x-raw, width=50.0")), "int and double never intersect");
            assertFalse(a.canIntersect(Structure.parse("video/x-raw, width=200")));
        }

        @Test
        void subsetMeansEveryFieldOfTheSupersetIsNarrowerHere() {
            Structure general = Structure.parse("video/x-raw, width=[ 1, 4096 ]");
            Structure specific = Structure.parse("video/x-raw, width=320, height=240");
            assertTrue(specific.isSubsetOf(general));
            assertFalse(general.isSubsetOf(specific));
            assertTrue(general.isSubsetOf(Structure.of("video/x-raw")), "no field = no constraint");
            assertFalse(Structure.of("video/x-raw").isSubsetOf(general));
            assertFalse(specific.isSubsetOf(Structure.parse("audio/x-raw")));
        }

        @Test
        void isFixedOnlyWithoutRangesOrLists() {
            assertTrue(RAW.isFixed());
            assertTrue(Structure.of("a").isFixed());
            assertTrue(Structure.parse("a, x=(int)< 1, 2 >").isFixed());
            assertFalse(Structure.parse("a, x=(int)< 1, [ 2, 3 ] >").isFixed());
            assertFalse(Structure.parse("a, x={ 1 }").isFixed(), "a list of one is still a list");
            assertFalse(RAW.with("width", IntRange.of(1, 2)).isFixed());
        }

        @Test
        void fixateTakesMinimumsAndFirstListMembers() {
            Structure s = Structure.parse("video/x-raw, format={ NV12, I420 }, width=[ 16, 4096 ], "
                    + "framerate=[ 0/1, 60/1 ], rate=[ 0.5, 2.0 ], list={ [ 5, 9 ], 1 }, arr=< [ 1, 3 ], 7 >");
            Structure f = s.fixate();
            assertEquals(Structure.parse("video/x-raw, format=NV12, width=16, framerate=0/1, rate=0.5, list=5, "
                    + "arr=(int)< 1, 7 >"), f);
            assertTrue(f.isFixed());
            assertTrue(f.isSubsetOf(s));
        }
    }

    @Nested
    class TargetedFixation {

        private final Structure s = Structure.parse("video/x-raw, width=[ 16, 4096 ], height=[ 0, 1088, 16 ], "
                + "heights={ 240, 480, 720 }, framerate=[ 0/1, 60/1 ], rates={ 15/1, 25/1, 60/1 }, "
                + "rate=[ 0.5, 2.0 ], interlaced={ false, true }, format={ RGB, I420, NV12 }");

        @Test
        void nearestIntClampsSnapsAndPicksClosestListMember() {
            assertEquals(320, s.fixateFieldNearestInt("width", 320).getInt("width"));
            assertEquals(4096, s.fixateFieldNearestInt("width", 5000).getInt("width"));
            assertEquals(16, s.fixateFieldNearestInt("width", -7).getInt("width"));
        }

        @Test
        void nearestIntSnapsToStep() {
            assertEquals(32, s.fixateFieldNearestInt("height", 25).getInt("height"));
            assertEquals(16, s.fixateFieldNearestInt("height", 24).getInt("height"), "ties round down, like GStreamer");
            assertEquals(480, s.fixateFieldNearestInt("heights", 500).getInt("heights"));
            assertEquals(240, s.fixateFieldNearestInt("heights", 360).getInt("heights"), "first wins a tie");
        }

        @Test
        void nearestFractionDoubleBooleanString() {
            assertEquals(Fraction.of(30, 1), s.fixateFieldNearestFraction("framerate", Fraction.of(30, 1)).getFraction("framerate"));
            assertEquals(Fraction.of(60, 1), s.fixateFieldNearestFraction("framerate", Fraction.of(120, 1)).getFraction("framerate"));
            assertEquals(Fraction.of(25, 1), s.fixateFieldNearestFraction("rates", Fraction.of(30, 1)).getFraction("rates"));
            assertEquals(2.0, s.fixateFieldNearestDouble("rate", 3.0).getDouble("rate"));
            assertEquals(1.25, s.fixateFieldNearestDouble("rate", 1.25).getDouble("rate"));
            assertTrue(s.fixateFieldBoolean("interlaced", true).getBoolean("interlaced"));
            assertEquals("I420", s.fixateFieldString("format", "I420").getString("format"));
            assertEquals("RGB", s.fixateFieldString("format", "YUY2").getString("format"), "falls back to the first");
        }

        @Test
        void fixedOrForeignFieldsStayUnchanged() {
            Structure fixed = s.fixateFieldNearestInt("width", 320);
            assertSame(fixed, fixed.fixateFieldNearestInt("width", 640));
            assertSame(s, s.fixateFieldNearestInt("format", 3), "no ints in a string list");
            assertThrows(NoSuchElementException.class, () -> s.fixateFieldNearestInt("depth", 8));
        }
    }
}
