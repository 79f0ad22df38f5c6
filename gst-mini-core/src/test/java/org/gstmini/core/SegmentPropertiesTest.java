package org.gstmini.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Laws of segment arithmetic that must hold for any segment, checked with jqwik.
 *
 * <p>Segments are generated with start, length, base and offset up to about 11 days of
 * nanoseconds (well inside a double's exact range), and a stop that is always set (a
 * reversed segment needs one).
 */
class SegmentPropertiesTest {

    private static final long MAX = 1_000_000_000_000_000L; // ~11.6 days in ns

    /** A TIME segment [start, start + length] with the given rate, base and offset. */
    private static Segment segment(long start, long length, double rate, long base, long offset) {
        Segment s = new Segment(Format.TIME);
        s.setStart(start);
        s.setStop(start + length);
        s.setRate(rate);
        s.setBase(base);
        s.setOffset(offset);
        return s;
    }

    /** Rates whose division and multiplication are exact in binary floating point. */
    @Provide
    Arbitrary<Double> dyadicRatesUpTo1() {
        return Arbitraries.of(1.0, 0.5, 0.25, 0.125, -1.0, -0.5, -0.25, -0.125);
    }

    @Provide
    Arbitrary<Double> dyadicRatesFrom1() {
        return Arbitraries.of(1.0, 2.0, 4.0, 8.0, 32.0, -1.0, -2.0, -4.0, -8.0, -32.0);
    }

    @Provide
    Arbitrary<Double> anyRate() {
        Arbitrary<Double> magnitude = Arbitraries.doubles().between(0.01, 100.0);
        return Combinators.combine(magnitude, Arbitraries.of(1.0, -1.0)).as((m, sign) -> m * sign);
    }

    @Property
    void runningTimeFollowsTheRateDirection(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll("anyRate") double rate, @ForAll @LongRange(max = MAX) long base,
            @ForAll @LongRange(max = MAX) long offset,
            @ForAll @DoubleRange(max = 1.0) double f1, @ForAll @DoubleRange(max = 1.0) double f2) {
        Segment s = segment(start, length, rate, base, Math.min(offset, length));
        long p1 = start + (long) (Math.min(f1, f2) * length);
        long p2 = start + (long) (Math.max(f1, f2) * length);
        long rt1 = s.toRunningTime(Format.TIME, p1);
        long rt2 = s.toRunningTime(Format.TIME, p2);
        // positions cut away by the offset have no running time; compare the others
        Assume.that(rt1 != ClockTime.NONE && rt2 != ClockTime.NONE);
        if (rate > 0) {
            assertTrue(rt1 <= rt2, "forward: rt(" + p1 + ")=" + rt1 + " > rt(" + p2 + ")=" + rt2);
        } else {
            assertTrue(rt1 >= rt2, "reverse: rt(" + p1 + ")=" + rt1 + " < rt(" + p2 + ")=" + rt2);
        }
        if (offset == 0) {
            // with an offset, positions before the playback point may fall below the base
            assertTrue(rt1 >= base && rt2 >= base, "running time inside the segment is >= base");
        }
    }

    @Property
    void positionFromRunningTimeInvertsToRunningTime(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll("dyadicRatesUpTo1") double rate, @ForAll @LongRange(max = MAX) long base,
            @ForAll @LongRange(max = MAX) long offset, @ForAll @DoubleRange(max = 1.0) double f) {
        Segment s = segment(start, length, rate, base, Math.min(offset, length));
        long p = start + (long) (f * length);
        long rt = s.toRunningTime(Format.TIME, p);
        Assume.that(rt != ClockTime.NONE);
        assertEquals(p, s.positionFromRunningTime(Format.TIME, rt), s + " rt=" + rt);
    }

    @Property
    void positionFromRunningTimeIsWithinOneNanosecondForAnySlowRate(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll @DoubleRange(min = 0.01, max = 1.0) double rate,
            @ForAll @LongRange(max = MAX) long base, @ForAll @DoubleRange(max = 1.0) double f) {
        Segment s = segment(start, length, rate, base, 0);
        long p = start + (long) (f * length);
        long rt = s.toRunningTime(Format.TIME, p);
        long back = s.positionFromRunningTime(Format.TIME, rt);
        Assume.that(back != ClockTime.NONE); // +1 ns past the stop is outside
        assertTrue(Math.abs(back - p) <= 1, "p=" + p + " back=" + back + " in " + s);
    }

    @Property
    void toRunningTimeInvertsPositionFromRunningTimeForFastRates(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll("dyadicRatesFrom1") double rate, @ForAll @LongRange(max = MAX) long base,
            @ForAll @DoubleRange(max = 1.0) double f) {
        Segment s = segment(start, length, rate, base, 0);
        long rt = base + (long) (f * (length / Math.abs(rate)));
        long p = s.positionFromRunningTime(Format.TIME, rt);
        Assume.that(p != ClockTime.NONE);
        assertEquals(rt, s.toRunningTime(Format.TIME, p), s + " p=" + p);
    }

    /**
     * Stream time multiplies by |appliedRate| (truncating) and the inverse divides, so the
     * exact round trip is the mirror image of running time's: it holds for |appliedRate| >= 1.
     */
    @Property
    void streamTimeRoundTrips(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll("dyadicRatesFrom1") double appliedRate, @ForAll @LongRange(max = MAX) long time,
            @ForAll @DoubleRange(max = 1.0) double f) {
        Segment s = segment(start, length, 1.0, 0, 0);
        s.setAppliedRate(appliedRate);
        s.setTime(time);
        long p = start + (long) (f * length);
        long st = s.toStreamTime(Format.TIME, p);
        assertNotEquals(ClockTime.NONE, st);
        assertEquals(p, s.positionFromStreamTime(Format.TIME, st), s + " st=" + st);
    }

    @Property
    void clipResultsLieInsideTheSegment(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll @LongRange(max = 2 * MAX) long a, @ForAll @LongRange(max = 2 * MAX) long b,
            @ForAll boolean openEnded) {
        Segment s = segment(start, length, 1.0, 0, 0);
        if (openEnded) {
            s.setStop(ClockTime.NONE);
        }
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        Segment.ClipResult r = s.clip(Format.TIME, lo, hi);
        boolean overlaps = hi > start && (openEnded || lo < s.getStop());
        if (r == null) {
            assertTrue(!overlaps, "[" + lo + ", " + hi + "] overlaps " + s + " but was clipped away");
            return;
        }
        assertTrue(r.clippedStart() >= start, "clipped start before the segment");
        assertTrue(r.clippedStart() <= r.clippedStop(), "clipped start after clipped stop");
        if (!openEnded) {
            assertTrue(r.clippedStop() <= s.getStop(), "clipped stop after the segment");
        }
        assertTrue(r.clippedStart() >= lo && r.clippedStop() <= hi, "clip grew the region");
    }

    @Property
    void aFlushingSeekRestartsRunningTimeAtTheNewStart(
            @ForAll @LongRange(max = MAX) long duration, @ForAll @DoubleRange(max = 1.0) double f,
            @ForAll("anyRate") double rate) {
        Assume.that(rate > 0);
        Segment s = new Segment(Format.TIME);
        s.setDuration(duration);
        long target = (long) (f * duration);
        s.doSeek(rate, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, target,
                SeekType.NONE, ClockTime.NONE);
        assertEquals(target, s.getPosition());
        assertEquals(0, s.toRunningTime(Format.TIME, s.getPosition()));
        assertEquals(target, s.toStreamTime(Format.TIME, s.getPosition()));
    }

    @Property
    void aNonFlushingSeekContinuesTheRunningTime(
            @ForAll @LongRange(max = MAX) long start, @ForAll @LongRange(max = MAX) long length,
            @ForAll @DoubleRange(max = 1.0) double played, @ForAll @DoubleRange(max = 1.0) double to,
            @ForAll("anyRate") double rate, @ForAll @LongRange(max = MAX) long base) {
        Assume.that(rate > 0);
        Segment s = segment(start, length, rate, base, 0);
        long target = (long) (to * s.getStop()); // the stop stays, so the new start must not pass it
        s.setPosition(start + (long) (played * length));
        long reached = s.toRunningTime(Format.TIME, s.getPosition());
        s.doSeek(2.0, Format.TIME, EnumSet.noneOf(SeekFlag.class), SeekType.SET, target,
                SeekType.NONE, ClockTime.NONE);
        assertEquals(reached, s.getBase());
        assertEquals(reached, s.toRunningTime(Format.TIME, target));
    }
}
