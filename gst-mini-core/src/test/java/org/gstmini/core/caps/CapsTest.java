package org.gstmini.core.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapsTest {

    private static Caps caps(String text) {
        return Caps.parse(text);
    }

    @Nested
    class ParseAndPrint {

        /** Canonical strings as gst_caps_to_string() prints them; they must survive a round trip unchanged. */
        @ParameterizedTest
        @ValueSource(strings = {
            "ANY",
            "EMPTY",
            "video/x-raw, format=(string)I420, width=(int)320, height=(int)240, framerate=(fraction)30/1",
            "video/x-raw, format=(string){ I420, YV12, YUY2, UYVY, AYUV, RGBx, BGRx }, width=(int)[ 1, 2147483647 ], "
                    + "height=(int)[ 1, 2147483647 ], framerate=(fraction)[ 0/1, 2147483647/1 ]",
            "audio/x-raw, format=(string)S16LE, layout=(string)interleaved, rate=(int)44100, channels=(int)2",
            "audio/x-raw, format=(string){ F32LE, S16LE }, rate=(int)[ 1, 2147483647 ], channels=(int)[ 1, 2147483647 ]",
            "video/x-h264, stream-format=(string)avc, alignment=(string)au, profile=(string)high, level=(string)4",
            "application/x-rtp, media=(string)video, clock-rate=(int)90000, encoding-name=(string)H264, payload=(int)96",
            "video/mpegts, systemstream=(boolean)true, packetsize=(int)188",
            "image/png, width=(int)640, height=(int)480, framerate=(fraction)0/1",
            "video/x-raw, format=(string)RGB, pixel-aspect-ratio=(fraction)1/1, interlace-mode=(string)progressive; "
                    + "video/x-raw, format=(string)NV12",
            "video/x-raw, width=(int)[ 16, 4096, 16 ], framerate=(fraction)[ 0/1, 30000/1001 ]",
            "audio/x-raw, rate=(double)[ 0, 1.7976931348623157e+308 ], volume=(double)0.10000000000000001",
            "application/x-custom, title=(string)\"Hello\\ world\\,\\ \\\"quoted\\\"\", empty=(string)\"\", "
                    + "null=(string)\"NULL\", utf8=(string)\"caf\\303\\251\"",
            "application/x-custom, offset=(gint64)-9223372036854775808, list=(int){ [ 1, 5 ], 10 }, "
                    + "matrix=(int)< < 1, 0 >, < 0, 1 > >, none=(int)< >",
        })
        void canonicalStringsRoundTripExactly(String text) {
            Caps c = caps(text);
            assertEquals(text, c.toString());
            assertEquals(c, caps(c.toString()));
        }

        @Test
        void infersTypesOfUntypedValuesLikeGStreamer() {
            Structure s = caps("a, width=320, rate=44100.0, framerate=30/1, t=true, n=no, y=yes, f=false, "
                    + "format=RGB, q=\"1\", big=10000000000, hex=0x10, neg=-5, e=1e3").structure(0);
            assertEquals(320, s.get("width"));
            assertEquals(44100.0, s.get("rate"));
            assertEquals(Fraction.of(30, 1), s.get("framerate"));
            assertEquals(true, s.get("t"));
            assertEquals(false, s.get("n"));
            assertEquals(true, s.get("y"));
            assertEquals(false, s.get("f"));
            assertEquals("RGB", s.get("format"));
            assertEquals("1", s.get("q"), "quoted untyped values are strings");
            assertEquals(1e10, s.get("big"), "too big for an int, so a double, as in GStreamer");
            assertEquals(16, s.get("hex"));
            assertEquals(-5, s.get("neg"));
            assertEquals(1000.0, s.get("e"));
        }

        @Test
        void acceptsGStreamersTypeNames() {
            Structure s = caps("a, a=(i)1, b=(int)2, c=(uint)3, d=(int64)4, e=(gint64)5, f=(guint64)6, g=(d)7, "
                    + "h=(double)8, i=(f)9.5, j=(float)10, k=(b)1, l=(bool)no, m=(boolean)true, n=(s)11, "
                    + "o=(string)true, p=(str)x, q=(fraction)25, r=(int)max, s=(double)min").structure(0);
            assertEquals(1, s.get("a"));
            assertEquals(2, s.get("b"));
            assertEquals(3, s.get("c"));
            assertEquals(4L, s.get("d"));
            assertEquals(5L, s.get("e"));
            assertEquals(6L, s.get("f"));
            assertEquals(7.0, s.get("g"));
            assertEquals(8.0, s.get("h"));
            assertEquals(9.5, s.get("i"));
            assertEquals(10.0, s.get("j"));
            assertEquals(true, s.get("k"));
            assertEquals(false, s.get("l"));
            assertEquals(true, s.get("m"));
            assertEquals("11", s.get("n"));
            assertEquals("true", s.get("o"));
            assertEquals("x", s.get("p"));
            assertEquals(Fraction.of(25, 1), s.get("q"));
            assertEquals(Integer.MAX_VALUE, s.get("r"));
            assertEquals(-Double.MAX_VALUE, s.get("s"));
        }

        @Test
        void typeAppliesToMembersOfRangesListsAndArrays() {
            Structure s = caps("a, r=(double)[ 1, 2 ], l=(string){ 1, true, x }, v=(fraction)< 1, 2/3 >").structure(0);
            assertEquals(DoubleRange.of(1, 2), s.get("r"));
            assertEquals(ValueList.of("1", "true", "x"), s.get("l"));
            assertEquals(ValueArray.of(Fraction.of(1, 1), Fraction.of(2, 3)), s.get("v"));
        }

        @Test
        void toleratesWhitespaceAndTrailingSeparators() {
            Caps loose = caps("  video/x-raw ,width = ( int ) 320 ,\n\theight=[1,4096] , format = { RGB,I420 } , ;"
                    + " audio/x-raw ; ");
            assertEquals(caps("video/x-raw, width=(int)320, height=(int)[ 1, 4096 ], format=(string){ RGB, I420 }; "
                    + "audio/x-raw"), loose);
        }

        @Test
        void readsQuotedStringsWithEscapes() {
            Structure s = caps("a, q=\"a \\\"b\\\" c\", o=\"caf\\303\\251\", t=(string)\"tab\\011\", p=\"\\x\"").structure(0);
            assertEquals("a \"b\" c", s.get("q"));
            assertEquals("café", s.get("o"));
            assertEquals("tab\t", s.get("t"));
            assertEquals("x", s.get("p"));
            assertEquals("a, t=(string)\"tab\\011\"", Structure.of("a").with("t", "tab\t").toString());
            assertEquals("a, e=(string)\"\\360\\237\\230\\200\"", Structure.of("a").with("e", "😀").toString());
        }

        @Test
        void anyEmptyAndNone() {
            assertSame(Caps.ANY, caps(" ANY "));
            assertSame(Caps.EMPTY, caps("EMPTY"));
            assertSame(Caps.EMPTY, caps("NONE"));
            assertSame(Caps.EMPTY, caps(""));
            assertSame(Caps.EMPTY, Caps.of());
            assertEquals("ANY", Caps.ANY.toString());
            assertEquals("EMPTY", Caps.EMPTY.toString());
        }
    }

    @Nested
    class Basics {

        @Test
        void anyAndEmptyAreSpecial() {
            assertTrue(Caps.ANY.isAny());
            assertFalse(Caps.ANY.isEmpty());
            assertTrue(Caps.EMPTY.isEmpty());
            assertFalse(Caps.EMPTY.isAny());
            assertEquals(0, Caps.ANY.size());
            assertFalse(Caps.ANY.isFixed());
            assertFalse(Caps.EMPTY.isFixed());
        }

        @Test
        void fixedMeansOneStructureWithFixedFields() {
            assertTrue(caps("video/x-raw, width=320").isFixed());
            assertFalse(caps("video/x-raw, width=[ 1, 2 ]").isFixed());
            assertFalse(caps("video/x-raw, width=320; video/x-raw, width=640").isFixed());
        }

        @Test
        void structuresAreExposedReadOnly() {
            Caps c = caps("a; b");
            assertEquals(2, c.size());
            assertEquals("b", c.structure(1).name());
            assertThrows(UnsupportedOperationException.class, () -> c.structures().add(Structure.of("c")));
            assertThrows(IndexOutOfBoundsException.class, () -> c.structure(2));
        }

        @Test
        void equalsIsStructuralIsEqualToIsSetEquality() {
            Caps list = caps("a, x={ 1, 2 }");
            Caps range = caps("a, x=[ 1, 2 ]");
            Caps split = caps("a, x=1; a, x=2");
            assertNotEquals(list, range);
            assertTrue(list.isEqualTo(range));
            assertTrue(list.isEqualTo(split));
            assertTrue(split.isEqualTo(range));
            assertEquals(caps("a, x=1; b"), Caps.of(Structure.of("a").with("x", 1), Structure.of("b")));
            assertEquals(caps("a, x=1").hashCode(), Caps.of(Structure.of("a").with("x", 1)).hashCode());
            assertNotEquals(caps("a; b"), caps("b; a"));
            assertTrue(caps("a; b").isEqualTo(caps("b; a")));
        }
    }

    @Nested
    class Intersect {

        @Test
        void rangeWithValue() {
            assertEquals(caps("video/x-raw, width=320"),
                    caps("video/x-raw, width=[ 1, 4096 ]").intersect(caps("video/x-raw, width=320")));
            assertTrue(caps("video/x-raw, width=[ 1, 100 ]").intersect(caps("video/x-raw, width=320")).isEmpty());
        }

        @Test
        void rangeWithRange() {
            assertEquals(caps("a, x=[ 50, 100 ]"), caps("a, x=[ 1, 100 ]").intersect(caps("a, x=[ 50, 200 ]")));
            assertEquals(caps("a, x=10"), caps("a, x=[ 1, 10 ]").intersect(caps("a, x=[ 10, 20 ]")),
                    "a range of one value becomes the value");
            assertTrue(caps("a, x=[ 1, 5 ]").intersect(caps("a, x=[ 6, 10 ]")).isEmpty());
            assertEquals(caps("a, x=[ 0, 96, 12 ]"), caps("a, x=[ 0, 100, 4 ]").intersect(caps("a, x=[ 0, 96, 6 ]")));
            assertEquals(caps("a, x=[ 0.5, 1.0 ]"), caps("a, x=[ 0.0, 1.0 ]").intersect(caps("a, x=[ 0.5, 2.0 ]")));
        }

        @Test
        void lists() {
            assertEquals(caps("video/x-raw, format={ I420, NV12 }"),
                    caps("video/x-raw, format={ RGB, I420, NV12 }").intersect(caps("video/x-raw, format={ NV12, I420 }")),
                    "order follows the first list");
            assertEquals(caps("video/x-raw, format=I420"),
                    caps("video/x-raw, format={ RGB, I420 }").intersect(caps("video/x-raw, format=I420")),
                    "a list of one becomes the value");
            assertEquals(caps("a, x={ 3, [ 8, 10 ] }"),
                    caps("a, x={ 3, 20, [ 8, 12 ] }").intersect(caps("a, x=[ 1, 10 ]")));
            assertTrue(caps("a, x={ 1, 2 }").intersect(caps("a, x={ 3, 4 }")).isEmpty());
        }

        @Test
        void fractionRanges() {
            assertEquals(caps("video/x-raw, framerate=30/1"),
                    caps("video/x-raw, framerate=[ 0/1, 60/1 ]").intersect(caps("video/x-raw, framerate=30/1")));
            assertEquals(caps("a, f=[ 25/1, 30/1 ]"), caps("a, f=[ 0/1, 30/1 ]").intersect(caps("a, f=[ 25/1, 60/1 ]")));
            assertEquals(caps("a, f=30000/1001"), caps("a, f=[ 0/1, 30/1 ]").intersect(caps("a, f=30000/1001")));
            assertTrue(caps("a, f=[ 0/1, 24/1 ]").intersect(caps("a, f=30000/1001")).isEmpty());
        }

        @Test
        void arraysIntersectElementWise() {
            assertEquals(caps("a, v=(int)< 2, 5 >"), caps("a, v=(int)< [ 1, 3 ], 5 >").intersect(caps("a, v=(int)< 2, { 5, 6 } >")));
            assertTrue(caps("a, v=(int)< 1, 2 >").intersect(caps("a, v=(int)< 1 >")).isEmpty(), "lengths differ");
        }

        @Test
        void differentNamesOrTypesGiveEmpty() {
            assertTrue(caps("video/x-raw").intersect(caps("audio/x-raw")).isEmpty());
            assertTrue(caps("a, x=1").intersect(caps("a, x=1.0")).isEmpty());
            assertTrue(caps("a, x=1").intersect(caps("a, x=(gint64)1")).isEmpty());
            assertFalse(caps("video/x-raw").canIntersect(caps("audio/x-raw")));
        }

        @Test
        void fieldsOnOneSideAreKept() {
            assertEquals(caps("video/x-raw, width=320, height=240"),
                    caps("video/x-raw, width=320").intersect(caps("video/x-raw, height=240")));
        }

        @Test
        void anyIsTheIdentityAndEmptyAbsorbs() {
            Caps c = caps("video/x-raw, width=320; audio/x-raw");
            assertEquals(c, c.intersect(Caps.ANY));
            assertEquals(c, Caps.ANY.intersect(c));
            assertTrue(c.intersect(Caps.EMPTY).isEmpty());
            assertTrue(Caps.EMPTY.intersect(c).isEmpty());
            assertTrue(Caps.ANY.intersect(Caps.EMPTY).isEmpty());
            assertTrue(Caps.ANY.intersect(Caps.ANY).isAny());
            assertTrue(Caps.ANY.canIntersect(c));
            assertFalse(Caps.ANY.canIntersect(Caps.EMPTY));
        }

        @Test
        void zigZagFavoursEarlyStructuresOfBothFirstFavoursThis() {
            Caps mine = caps("video/x-raw, format=I420; video/x-raw, format=RGB; video/x-raw, format=NV12");
            Caps theirs = caps("video/x-raw, format={ NV12, RGB }; video/x-raw, format=I420");
            // Pairs by diagonal: (0,0) none; (1,0) RGB, (0,1) I420; (2,0) NV12 ...
            assertEquals(caps("video/x-raw, format=RGB; video/x-raw, format=I420; video/x-raw, format=NV12"),
                    mine.intersect(theirs));
            assertEquals(caps("video/x-raw, format=I420; video/x-raw, format=RGB; video/x-raw, format=NV12"),
                    mine.intersect(theirs, Caps.IntersectMode.FIRST));
        }

        @Test
        void duplicatesAreDropped() {
            Caps c = caps("a, x=[ 1, 10 ]; a, x=[ 1, 5 ]").intersect(caps("a, x=[ 2, 3 ]"));
            assertEquals(caps("a, x=[ 2, 3 ]"), c);
        }
    }

    @Nested
    class Subset {

        @Test
        void valuesAndFields() {
            assertTrue(caps("video/x-raw, width=320").isSubsetOf(caps("video/x-raw, width=[ 1, 4096 ]")));
            assertFalse(caps("video/x-raw, width=[ 1, 4096 ]").isSubsetOf(caps("video/x-raw, width=320")));
            assertTrue(caps("video/x-raw, width=320, height=240").isSubsetOf(caps("video/x-raw, width=320")));
            assertFalse(caps("video/x-raw").isSubsetOf(caps("video/x-raw, width=320")));
            assertTrue(caps("a, f=30000/1001").isSubsetOf(caps("a, f=[ 0/1, 30/1 ]")));
            assertTrue(caps("a, x=[ 0, 16, 8 ]").isSubsetOf(caps("a, x=[ 0, 16, 4 ]")));
            assertFalse(caps("a, x=[ 0, 16, 4 ]").isSubsetOf(caps("a, x=[ 0, 16, 8 ]")));
        }

        @Test
        void rangesCoveredByPieces() {
            assertTrue(caps("a, x=[ 1, 10 ]").isSubsetOf(caps("a, x={ [ 1, 5 ], [ 6, 10 ] }")));
            assertFalse(caps("a, x=[ 1, 10 ]").isSubsetOf(caps("a, x={ [ 1, 5 ], [ 7, 10 ] }")));
            assertTrue(caps("a, x=[ 1.0, 3.0 ]").isSubsetOf(caps("a, x={ [ 1.0, 2.0 ], [ 2.0, 3.0 ] }")));
            assertTrue(caps("a, f=[ 0/1, 60/1 ]").isSubsetOf(caps("a, f={ [ 0/1, 30/1 ], [ 30/1, 60/1 ] }")));
            assertFalse(caps("a, f=[ 0/1, 60/1 ]").isSubsetOf(caps("a, f={ [ 0/1, 29/1 ], [ 30/1, 60/1 ] }")));
        }

        @Test
        void structureSplitAcrossSeveralStructures() {
            assertTrue(caps("x, a={ 1, 2 }, b=3").isSubsetOf(caps("x, a=1, b=3; x, a=2")));
            assertFalse(caps("x, a={ 1, 2 }").isSubsetOf(caps("x, a=1; x, a=3")));
        }

        @Test
        void anyAndEmpty() {
            Caps c = caps("video/x-raw");
            assertTrue(Caps.EMPTY.isSubsetOf(c));
            assertTrue(Caps.EMPTY.isSubsetOf(Caps.EMPTY));
            assertTrue(c.isSubsetOf(Caps.ANY));
            assertTrue(Caps.ANY.isSubsetOf(Caps.ANY));
            assertFalse(Caps.ANY.isSubsetOf(c));
            assertFalse(c.isSubsetOf(Caps.EMPTY));
        }
    }

    @Nested
    class Combining {

        @Test
        void mergeSkipsStructuresAlreadyExpressed() {
            Caps merged = caps("a, x=[ 1, 10 ]").merge(caps("a, x=5; b"));
            assertEquals(caps("a, x=[ 1, 10 ]; b"), merged);
            assertTrue(caps("a").merge(Caps.ANY).isAny());
            assertEquals(caps("a"), Caps.EMPTY.merge(caps("a")));
        }

        @Test
        void appendKeepsEverything() {
            assertEquals(caps("a, x=[ 1, 10 ]; a, x=5"), caps("a, x=[ 1, 10 ]").append(caps("a, x=5")));
            assertTrue(Caps.ANY.append(caps("a")).isAny());
        }

        @Test
        void simplifyDropsContainedAndMergesOneFieldDifferences() {
            Caps c = caps("video/x-raw, format=RGB, width=320; video/x-raw, format=I420, width=320; "
                    + "video/x-raw, format=RGB, width=320, height=240; audio/x-raw");
            Caps simple = c.simplify();
            assertEquals(caps("video/x-raw, format={ RGB, I420 }, width=320; audio/x-raw"), simple);
            assertTrue(simple.isEqualTo(c));
        }

        @Test
        void simplifyReplacesNarrowerEarlierStructureInPlace() {
            assertEquals(caps("a, x=[ 1, 10 ]; b"), caps("a, x=5; b; a, x=[ 1, 10 ]").simplify());
        }

        @Test
        void truncateKeepsTheFirstStructure() {
            assertEquals(caps("a"), caps("a; b; c").truncate());
            assertSame(Caps.ANY, Caps.ANY.truncate());
        }

        @Test
        void fixatePicksTheFirstStructureAndDefaults() {
            Caps c = caps("video/x-raw, format={ I420, RGB }, width=[ 16, 4096 ], framerate=[ 0/1, 60/1 ]; "
                    + "video/x-raw, format=NV12");
            Caps fixed = c.fixate();
            assertEquals(caps("video/x-raw, format=I420, width=16, framerate=0/1"), fixed);
            assertTrue(fixed.isFixed());
            assertTrue(fixed.isSubsetOf(c));
        }

        @Test
        void fixateRefusesAnyAndEmpty() {
            IllegalStateException e = assertThrows(IllegalStateException.class, Caps.ANY::fixate);
            assertTrue(e.getMessage().contains("ANY"), e.getMessage());
            assertThrows(IllegalStateException.class, Caps.EMPTY::fixate);
        }

        @Test
        void negotiationAsAnElementDoesIt() {
            Caps srcTemplate = caps("video/x-raw, format={ RGB, I420 }, width=[ 1, 4096 ], height=[ 1, 4096 ], "
                    + "framerate=[ 0/1, 60/1 ]");
            Caps peer = caps("video/x-raw, format=I420, width=[ 320, 1920 ], height=[ 240, 1080 ]; image/png");
            Caps common = srcTemplate.intersect(peer);
            Structure s = common.structure(0)
                    .fixateFieldNearestInt("width", 640)
                    .fixateFieldNearestInt("height", 480)
                    .fixateFieldNearestFraction("framerate", Fraction.of(30, 1));
            Caps fixed = Caps.of(s).fixate();
            assertEquals("video/x-raw, format=(string)I420, width=(int)640, height=(int)480, framerate=(fraction)30/1",
                    fixed.toString());
            assertTrue(fixed.isSubsetOf(srcTemplate) && fixed.isSubsetOf(peer));
        }
    }

    @Test
    void structuresListIsCopied() {
        List<Structure> list = new java.util.ArrayList<>(List.of(Structure.of("a")));
        Caps c = Caps.of(list);
        list.add(Structure.of("b"));
        assertEquals(1, c.size());
    }
}
