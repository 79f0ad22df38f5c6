package org.gstmini.core;

import static org.gstmini.core.ClockTime.NONE;
import static org.gstmini.core.ClockTime.STIME_NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link Segment}. The scenarios and expected numbers follow GStreamer's own
 * unit tests (tests/check/gst/gstsegment.c), so the Java formulas are checked against the
 * values the C implementation is known to produce.
 */
class SegmentTest {

    private static final Set<SeekFlag> NO_FLAGS = EnumSet.noneOf(SeekFlag.class);

    /**
     * Checks stream time and running time of {@code position}, and that both convert back to
     * {@code position} (GStreamer's check_times macro).
     */
    private static void checkTimes(Segment s, long position, long streamTime, long runningTime) {
        Format f = s.getFormat();
        long st = s.toStreamTime(f, position);
        long rt = s.toRunningTime(f, position);
        assertEquals(streamTime, st, "stream time of " + position);
        assertEquals(runningTime, rt, "running time of " + position);
        if (streamTime != NONE) {
            assertEquals(position, s.positionFromStreamTime(f, st), "position of stream time " + st);
        }
        if (runningTime != NONE) {
            assertEquals(position, s.positionFromRunningTime(f, rt), "position of running time " + rt);
        }
    }

    private static void assertClip(Segment s, long start, long stop, long cstart, long cstop) {
        Segment.ClipResult r = s.clip(s.getFormat(), start, stop);
        assertEquals(new Segment.ClipResult(cstart, cstop), r, "clip(" + start + ", " + stop + ")");
    }

    private static void assertOutside(Segment s, long start, long stop) {
        assertNull(s.clip(s.getFormat(), start, stop), "clip(" + start + ", " + stop + ") is outside");
    }

    @Test
    void initialValuesMatchGstSegmentInit() {
        Segment s = new Segment(Format.TIME);
        assertEquals(Format.TIME, s.getFormat());
        assertEquals(1.0, s.getRate());
        assertEquals(1.0, s.getAppliedRate());
        assertEquals(0, s.getBase());
        assertEquals(0, s.getOffset());
        assertEquals(0, s.getStart());
        assertEquals(NONE, s.getStop());
        assertEquals(0, s.getTime());
        assertEquals(0, s.getPosition());
        assertEquals(NONE, s.getDuration());
        assertTrue(s.getFlags().isEmpty());
    }

    @Nested
    class SeekWithoutDuration {
        @Test
        void seekAndClipOnAnOpenRange() {
            Segment s = new Segment(Format.BYTES);
            assertTrue(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 100, SeekType.NONE, NONE));
            assertEquals(100, s.getStart());
            assertEquals(100, s.getPosition());
            assertEquals(NONE, s.getStop());
            checkTimes(s, 100, 100, 0);

            assertOutside(s, 0, 50);
            assertOutside(s, 50, 100);          // touching the lower bound is outside
            assertClip(s, 50, 150, 100, 150);   // partially inside
            assertClip(s, 100, 150, 100, 150);
            assertOutside(s, 90, 90);           // empty, before the start
            assertClip(s, 100, 100, 100, 100);  // empty, right at the start: inside
            assertClip(s, 120, 120, 120, 120);
            assertClip(s, 150, 200, 150, 200);
            assertOutside(s, NONE, 100);        // NONE start is the largest value
            assertClip(s, 50, NONE, 100, NONE);
            assertClip(s, 100, NONE, 100, NONE);
            assertClip(s, 150, NONE, 150, NONE);
        }

        @Test
        void nonFlushingSeekKeepsTheRunningTimeAsBase() {
            Segment s = new Segment(Format.BYTES);
            s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 100, SeekType.NONE, NONE);
            s.setPosition(150);
            checkTimes(s, 150, 150, 50);

            assertTrue(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 200, SeekType.SET, 300));
            assertEquals(200, s.getStart());
            assertEquals(200, s.getPosition());
            assertEquals(300, s.getStop());
            assertEquals(50, s.getBase());
            checkTimes(s, 200, 200, 50);
            checkTimes(s, 250, 250, 100);

            // start after stop is refused and changes nothing
            Segment before = s.copy();
            assertThrows(IllegalArgumentException.class, () ->
                    s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 300, SeekType.SET, 200));
            assertEquals(before, s);

            // relative to the end does nothing while the size is unknown
            assertFalse(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.END, -300, SeekType.END, -100));
            assertEquals(200, s.getStart());
            assertEquals(200, s.getPosition());
            assertEquals(300, s.getStop());
            assertEquals(50, s.getBase());
            checkTimes(s, 250, 250, 100);

            assertOutside(s, 0, 50);
            assertOutside(s, 50, 200);
            assertClip(s, 50, 250, 200, 250);
            assertClip(s, 200, 250, 200, 250);
            assertClip(s, 250, 290, 250, 290);
            assertClip(s, 250, 350, 250, 300);
            assertOutside(s, NONE, 100);
            assertClip(s, 50, NONE, 200, 300);
            assertClip(s, 200, NONE, 200, 300);
            assertClip(s, 250, NONE, 250, 300);
            assertOutside(s, 300, NONE);        // starting at the stop is outside
            assertOutside(s, 350, NONE);
        }
    }

    @Nested
    class SeekWithDuration {
        @Test
        void stopAndStartAreClampedToTheDuration() {
            Segment s = new Segment(Format.BYTES);
            s.setDuration(200);
            assertTrue(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 100, SeekType.NONE, NONE));
            assertEquals(NONE, s.getStop());
            checkTimes(s, 100, 100, 0);
            assertClip(s, 50, 150, 100, 150);
            assertClip(s, 150, NONE, 150, NONE);

            // stop 300 is clamped to the duration
            s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 200, SeekType.SET, 300);
            assertEquals(200, s.getStart());
            assertEquals(200, s.getPosition());
            assertEquals(200, s.getStop());
            checkTimes(s, 200, 200, 0);

            // start 300 is clamped to the duration too: nothing moves
            assertFalse(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 300, SeekType.SET, 200));
            assertEquals(200, s.getStart());
            assertEquals(200, s.getStop());
            checkTimes(s, 200, 200, 0);
        }

        @Test
        void clippingAnEmptySegment() {
            Segment s = new Segment(Format.BYTES);
            s.setDuration(200);
            s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 200, SeekType.SET, 200);
            assertOutside(s, 50, 100);
            assertOutside(s, 250, 300);
            assertOutside(s, 100, 200);         // stop is exclusive
            assertClip(s, 200, 300, 200, 200);  // starts at the segment's start
            assertClip(s, 200, 200, 200, 200);
            assertClip(s, 150, 250, 200, 200);
            assertOutside(s, NONE, 200);
            assertClip(s, 50, NONE, 200, 200);
            assertClip(s, 200, NONE, 200, 200);
            assertOutside(s, 250, NONE);
        }

        @Test
        void seekRelativeToTheEnd() {
            Segment s = new Segment(Format.BYTES);
            s.setDuration(200);
            assertTrue(s.doSeek(1.0, Format.BYTES, NO_FLAGS, SeekType.END, -100, SeekType.END, -20));
            assertEquals(100, s.getStart());
            assertEquals(100, s.getPosition());
            assertEquals(180, s.getStop());
            checkTimes(s, 150, 150, 50);
            assertClip(s, 150, 250, 150, 180);
            assertClip(s, 50, NONE, 100, 180);
            assertOutside(s, 180, NONE);
        }
    }

    @Test
    void reverseSeeksStartAtTheStop() {
        Segment s = new Segment(Format.BYTES);
        s.setDuration(200);
        assertTrue(s.doSeek(-1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 0, SeekType.SET, 100));
        assertEquals(0, s.getStart());
        assertEquals(100, s.getStop());
        assertEquals(0, s.getTime());
        assertEquals(100, s.getPosition());
        checkTimes(s, 100, 100, 0);
        checkTimes(s, 50, 50, 50);
        checkTimes(s, 0, 0, 100);

        assertTrue(s.doSeek(-1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 10, SeekType.SET, 80));
        assertEquals(10, s.getStart());
        assertEquals(80, s.getStop());
        assertEquals(10, s.getTime());
        assertEquals(80, s.getPosition());
        checkTimes(s, 80, 80, 0);
        checkTimes(s, 40, 40, 40);
        checkTimes(s, 10, 10, 70);

        // only the start moves: no need to seek backwards again
        assertFalse(s.doSeek(-1.0, Format.BYTES, NO_FLAGS, SeekType.SET, 20, SeekType.NONE, 0));
        assertEquals(20, s.getStart());
        assertEquals(80, s.getStop());
        assertEquals(20, s.getTime());
        assertEquals(80, s.getPosition());
        checkTimes(s, 80, 80, 0);
        checkTimes(s, 20, 20, 60);
    }

    @Test
    void rateChangesAndEndRelativeStops() {
        Segment s = new Segment(Format.BYTES);
        assertFalse(s.doSeek(2.0, Format.BYTES, NO_FLAGS, SeekType.NONE, NONE, SeekType.NONE, NONE));
        assertEquals(0, s.getStart());
        assertEquals(NONE, s.getStop());
        assertEquals(2.0, s.getRate());
        checkTimes(s, 50, 50, 25);

        // a new stop in forward playback needs no seek
        assertFalse(s.doSeek(3.0, Format.BYTES, NO_FLAGS, SeekType.NONE, NONE, SeekType.SET, 100));
        assertEquals(100, s.getStop());
        assertEquals(3.0, s.getRate());
        checkTimes(s, 60, 60, 20);

        s.setDuration(200);
        s.doSeek(2.0, Format.BYTES, NO_FLAGS, SeekType.NONE, NONE, SeekType.END, 0);
        assertEquals(200, s.getStop());
        s.doSeek(2.0, Format.BYTES, NO_FLAGS, SeekType.NONE, NONE, SeekType.END, -100);
        assertEquals(100, s.getStop());
        s.doSeek(2.0, Format.BYTES, NO_FLAGS, SeekType.NONE, NONE, SeekType.END, 100);
        assertEquals(200, s.getStop());           // clamped to the duration
        assertEquals(200, s.getDuration());
    }

    @Test
    void seekWithoutMovingUpdatesBaseAndOffset() {
        Segment s = new Segment(Format.TIME);
        s.setPosition(50);
        s.setStop(200);

        assertFalse(s.doSeek(1.0, Format.TIME, NO_FLAGS, SeekType.NONE, 0, SeekType.NONE, 0));
        assertEquals(0, s.getStart());
        assertEquals(200, s.getStop());
        assertEquals(50, s.getPosition());
        assertEquals(50, s.getBase());
        assertEquals(50, s.getOffset());

        assertFalse(s.doSeek(2.0, Format.TIME, NO_FLAGS, SeekType.NONE, 0, SeekType.NONE, 0));
        assertEquals(50, s.getPosition());
        assertEquals(50, s.getBase());
        assertEquals(50, s.getOffset());

        // a flush restarts running time
        assertFalse(s.doSeek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.NONE, 0,
                SeekType.NONE, 0));
        assertEquals(50, s.getPosition());
        assertEquals(0, s.getBase());
        assertEquals(50, s.getOffset());
        assertEquals(EnumSet.of(Segment.Flag.RESET), s.getFlags());

        // instant-rate-change seeks are refused, nothing changes
        Segment before = s.copy();
        assertThrows(IllegalArgumentException.class, () -> s.doSeek(1.5, Format.TIME,
                EnumSet.of(SeekFlag.INSTANT_RATE_CHANGE), SeekType.NONE, 0, SeekType.NONE, 0));
        assertEquals(before, s);
    }

    @Test
    void seekFlagsBecomeSegmentFlags() {
        Segment s = new Segment(Format.TIME);
        s.doSeek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH, SeekFlag.SEGMENT, SeekFlag.TRICKMODE,
                SeekFlag.KEY_UNIT, SeekFlag.TRICKMODE_KEY_UNITS), SeekType.SET, 0, SeekType.NONE, NONE);
        assertEquals(EnumSet.of(Segment.Flag.RESET, Segment.Flag.SEGMENT, Segment.Flag.TRICKMODE,
                Segment.Flag.TRICKMODE_KEY_UNITS), s.getFlags());
        assertEquals(1.0, s.getAppliedRate());
    }

    @Test
    void negativeRateWithoutStopOrDurationPositionsAtZero() {
        Segment s = new Segment(Format.TIME);
        assertFalse(s.doSeek(-1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 0,
                SeekType.SET, NONE));
        assertEquals(0, s.getPosition());
        assertEquals(0, s.getOffset());
        // no stop and no duration: running time cannot be computed backwards
        assertEquals(NONE, s.toRunningTime(0));
    }

    @Nested
    class OffsetRunningTime {
        @Test
        void offsetsGoToBaseThenToOffset() {
            Segment s = new Segment(Format.TIME);
            s.setPosition(50);
            s.setStop(200);
            checkTimes(s, 20, 20, 20);
            checkTimes(s, 220, NONE, NONE);

            assertTrue(s.offsetRunningTime(Format.TIME, 0));
            assertEquals(0, s.getBase());
            assertEquals(0, s.getOffset());
            checkTimes(s, 20, 20, 20);

            assertTrue(s.offsetRunningTime(Format.TIME, 100));
            assertEquals(100, s.getBase());
            checkTimes(s, 20, 20, 120);

            assertTrue(s.offsetRunningTime(Format.TIME, -50));
            assertEquals(50, s.getBase());
            assertEquals(0, s.getOffset());
            checkTimes(s, 20, 20, 70);

            // more than the base: the rest moves the offset
            assertTrue(s.offsetRunningTime(Format.TIME, -100));
            assertEquals(0, s.getBase());
            assertEquals(50, s.getOffset());
            checkTimes(s, 20, 20, NONE);
            checkTimes(s, 200, 200, 150);

            // beyond the end of the segment: refused
            assertFalse(s.offsetRunningTime(Format.TIME, -151));
            assertEquals(0, s.getBase());
            assertEquals(50, s.getOffset());
            checkTimes(s, 100, 100, 50);
            checkTimes(s, 200, 200, 150);

            assertTrue(s.offsetRunningTime(Format.TIME, -150));
            assertEquals(0, s.getBase());
            assertEquals(200, s.getOffset());
            checkTimes(s, 200, 200, 0);
        }

        @Test
        void offsetsWithANonZeroStart() {
            Segment s = new Segment(Format.TIME);
            s.setStart(20);
            s.setPosition(50);
            s.setStop(220);
            checkTimes(s, 40, 20, 20);
            checkTimes(s, 240, NONE, NONE);

            assertTrue(s.offsetRunningTime(Format.TIME, 100));
            checkTimes(s, 40, 20, 120);
            assertTrue(s.offsetRunningTime(Format.TIME, -50));
            checkTimes(s, 40, 20, 70);
            assertTrue(s.offsetRunningTime(Format.TIME, -100));
            assertEquals(0, s.getBase());
            assertEquals(50, s.getOffset());
            checkTimes(s, 40, 20, NONE);
            checkTimes(s, 220, 200, 150);
        }
    }

    @Nested
    class FullConversions {
        private Segment segment50to200() {
            Segment s = new Segment(Format.TIME);
            s.setStart(50);
            s.setPosition(150);
            s.setStop(200);
            return s;
        }

        @Test
        void runningTimeFullExtrapolatesOutsideTheSegment() {
            Segment s = segment50to200();
            checkTimes(s, 100, 50, 50);
            checkTimes(s, 220, NONE, NONE);

            assertEquals(0, s.toRunningTimeFull(Format.TIME, 50));
            assertEquals(50, s.positionFromRunningTimeFull(Format.TIME, 0));
            assertEquals(150, s.toRunningTimeFull(Format.TIME, 200));
            assertEquals(200, s.positionFromRunningTimeFull(Format.TIME, 150));

            assertNull(s.clip(Format.TIME, 40, 40));
            assertEquals(-10, s.toRunningTimeFull(Format.TIME, 40));
            assertNull(s.clip(Format.TIME, 49, 49));
            assertEquals(-1, s.toRunningTimeFull(Format.TIME, 49));   // -1 ns, not NONE
            assertNull(s.clip(Format.TIME, 201, 201));
            assertEquals(151, s.toRunningTimeFull(Format.TIME, 201));
            assertEquals(201, s.positionFromRunningTimeFull(Format.TIME, 151));

            assertTrue(s.offsetRunningTime(Format.TIME, -50));
            assertEquals(50, s.getOffset());
            assertEquals(-50, s.toRunningTimeFull(Format.TIME, 50));

            assertTrue(s.offsetRunningTime(Format.TIME, 50));
            assertEquals(50, s.getBase());
            assertTrue(s.offsetRunningTime(Format.TIME, -50));
            assertEquals(0, s.getBase());

            assertEquals(STIME_NONE, s.toRunningTimeFull(Format.TIME, NONE));
        }

        @Test
        void setRunningTimeMovesStartAndBase() {
            Segment s = new Segment(Format.TIME);
            s.setStart(50);
            s.setStop(300);
            s.setPosition(150);
            assertTrue(s.setRunningTime(Format.TIME, 100));
            assertEquals(100, s.getBase());
            assertEquals(150, s.getStart());
            assertEquals(100, s.getTime());
            assertEquals(120, s.positionFromRunningTimeFull(Format.TIME, 70));
            assertEquals(190, s.positionFromRunningTimeFull(Format.TIME, 140));

            assertFalse(s.setRunningTime(Format.TIME, NONE));
        }

        @Test
        void positionFromRunningTimeFullWithRates() {
            Segment s = new Segment(Format.TIME);
            s.setRate(2.0);
            s.setStart(100);
            s.setStop(500);
            s.setPosition(40);
            s.setBase(150);
            s.setTime(10000);
            assertEquals(80, s.positionFromRunningTimeFull(Format.TIME, 140));  // before, still >= 0
            assertEquals(-200, s.positionFromRunningTimeFull(Format.TIME, 0));  // before 0

            s.setRate(-2.0);
            s.setPosition(150);
            s.setBase(133);
            assertEquals(60, s.positionFromRunningTimeFull(Format.TIME, 200 + 133 + 20));
            assertEquals(-40, s.positionFromRunningTimeFull(Format.TIME, 200 + 133 + 70));
        }

        @Test
        void positionFromRunningTimeFullWithOffsets() {
            Segment s = new Segment(Format.TIME);
            s.setRate(2.0);
            s.setStart(100);
            s.setOffset(100);
            s.setStop(500);
            s.setPosition(150);
            s.setBase(175);
            s.setTime(10000);
            assertEquals(0, s.positionFromRunningTimeFull(Format.TIME, 75));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 75));
            assertEquals(-20, s.positionFromRunningTimeFull(Format.TIME, 65));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 65));
            assertEquals(520, s.positionFromRunningTimeFull(Format.TIME, 175 + 150 + 10));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 175 + 150 + 10));

            s.setRate(-2.0);
            assertEquals(600, s.positionFromRunningTimeFull(Format.TIME, 75));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 75));
            assertEquals(-50, s.positionFromRunningTimeFull(Format.TIME, 400));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 400));
            assertEquals(80, s.positionFromRunningTimeFull(Format.TIME, 325 + 10));
            assertEquals(NONE, s.positionFromRunningTime(Format.TIME, 325 + 10));

            // a big offset clips away the whole reversed segment
            s.setOffset(1000);
            assertEquals(-300, s.positionFromRunningTimeFull(Format.TIME, 75));
        }

        @Test
        void negativeRateUsesTheDurationWhenStopIsUnknown() {
            Segment s = new Segment(Format.TIME);
            s.setRate(-2.0);
            s.setStart(100);
            s.setDuration(200);
            s.setPosition(40);
            s.setBase(100);
            s.setTime(10000);
            assertEquals(175, s.toRunningTimeFull(Format.TIME, 150));
            // the inverse needs a stop (see positionFromRunningTimeFull)
            assertEquals(STIME_NONE, s.positionFromRunningTimeFull(Format.TIME, 175));
        }

        @Test
        void streamTimeFull() {
            Segment s = new Segment(Format.TIME);
            s.setStart(50);
            s.setStop(200);
            s.setTime(30);
            assertEquals(-20, s.toStreamTimeFull(Format.TIME, 0));
            assertEquals(0, s.toStreamTimeFull(Format.TIME, 20));
            assertEquals(20, s.positionFromStreamTimeFull(Format.TIME, 0));
            assertEquals(-10, s.toStreamTimeFull(Format.TIME, 10));
            assertEquals(20, s.toStreamTimeFull(Format.TIME, 40));
            assertEquals(40, s.positionFromStreamTimeFull(Format.TIME, 20));
            s.setTime(100);
            assertEquals(-10, s.positionFromStreamTimeFull(Format.TIME, 40));
            assertEquals(10, s.positionFromStreamTimeFull(Format.TIME, 60));

            s.setStart(50);
            s.setPosition(150);
            s.setStop(200);
            s.setTime(0);
            s.setAppliedRate(-1);
            s.setRate(-1);
            assertEquals(200, s.toStreamTimeFull(Format.TIME, 0));
            assertEquals(0, s.positionFromStreamTimeFull(Format.TIME, 200));
            assertEquals(-50, s.toStreamTimeFull(Format.TIME, 250));
            assertEquals(-50, s.positionFromStreamTimeFull(Format.TIME, 250));

            s.setTime(70);
            assertEquals(20, s.toStreamTimeFull(Format.TIME, 250));
            assertEquals(220, s.positionFromStreamTimeFull(Format.TIME, 50));
            assertEquals(180, s.positionFromStreamTimeFull(Format.TIME, 90));
            s.setStop(60);
            assertEquals(125, s.positionFromStreamTimeFull(Format.TIME, 5));

            assertEquals(STIME_NONE, s.toStreamTimeFull(Format.TIME, NONE));
            assertEquals(STIME_NONE, s.positionFromStreamTimeFull(Format.TIME, NONE));
        }
    }

    @Test
    void negativeRate() {
        Segment s = new Segment(Format.TIME);
        s.setStart(50);
        s.setPosition(150);
        s.setStop(200);
        s.setAppliedRate(-1);
        s.setRate(-1);
        checkTimes(s, 100, 100, 100);
        checkTimes(s, 220, NONE, NONE);   // after stop
        checkTimes(s, 10, NONE, NONE);    // before start
        checkTimes(s, 50, 150, 150);
        checkTimes(s, 150, 50, 50);
        checkTimes(s, 200, 0, 0);

        s.setTime(100);
        s.setBase(100);
        checkTimes(s, 100, 200, 200);
        checkTimes(s, 50, 250, 250);
        checkTimes(s, 150, 150, 150);
        checkTimes(s, 200, 100, 100);
    }

    @Test
    void negativeAppliedRate() {
        Segment s = new Segment(Format.TIME);
        s.setStart(50);
        s.setPosition(150);
        s.setStop(200);
        s.setAppliedRate(-1);
        checkTimes(s, 100, 100, 50);
        checkTimes(s, 220, NONE, NONE);
        checkTimes(s, 10, NONE, NONE);
        checkTimes(s, 50, 150, 0);
        checkTimes(s, 150, 50, 100);
        checkTimes(s, 200, 0, 150);

        s.setTime(100);
        s.setBase(100);
        checkTimes(s, 100, 200, 150);
        checkTimes(s, 50, 250, 100);
        checkTimes(s, 150, 150, 200);
        checkTimes(s, 200, 100, 250);
    }

    @Test
    void timeConveniencesAndTheWorkedExample() {
        // the example of the class Javadoc: a flushing seek to 10 s
        Segment s = new Segment(Format.TIME);
        s.doSeek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 10 * ClockTime.SECOND,
                SeekType.NONE, NONE);
        assertEquals(0, s.toRunningTime(10 * ClockTime.SECOND));
        assertEquals(10 * ClockTime.SECOND, s.toStreamTime(10 * ClockTime.SECOND));
        assertEquals(2 * ClockTime.SECOND, s.toRunningTime(12 * ClockTime.SECOND));
        assertEquals(12 * ClockTime.SECOND, s.toPosition(2 * ClockTime.SECOND));
        s.setRate(2.0);
        assertEquals(ClockTime.SECOND, s.toRunningTime(12 * ClockTime.SECOND));
        assertEquals(new Segment.ClipResult(10 * ClockTime.SECOND, 11 * ClockTime.SECOND),
                s.clip(9 * ClockTime.SECOND, 11 * ClockTime.SECOND));
    }

    @Test
    void noneAndOutOfSegmentPositionsGiveNone() {
        Segment s = new Segment(Format.TIME);
        assertEquals(NONE, s.toRunningTime(NONE));
        assertEquals(NONE, s.toStreamTime(NONE));
        assertEquals(NONE, s.toPosition(NONE));
        assertEquals(NONE, s.positionFromStreamTime(Format.TIME, NONE));
        s.setTime(NONE);
        assertEquals(NONE, s.toStreamTime(5));   // time must be known
        assertEquals(STIME_NONE, s.toStreamTimeFull(Format.TIME, 5));
    }

    @Test
    void formatMismatchIsRejected() {
        Segment s = new Segment(Format.TIME);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.toRunningTime(Format.BYTES, 0));
        assertTrue(e.getMessage().contains("TIME") && e.getMessage().contains("BYTES"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.toStreamTime(Format.BYTES, 0));
        assertThrows(IllegalArgumentException.class, () -> s.clip(Format.BYTES, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> s.positionFromRunningTime(Format.BYTES, 0));
        assertThrows(IllegalArgumentException.class, () -> s.offsetRunningTime(Format.BYTES, 1));
        assertThrows(IllegalArgumentException.class, () -> s.doSeek(1.0, Format.BYTES, NO_FLAGS,
                SeekType.SET, 0, SeekType.NONE, NONE));
        Segment bytes = new Segment(Format.BYTES);
        assertThrows(IllegalArgumentException.class, () -> bytes.toRunningTime(0));
    }

    @Test
    void zeroOrNonFiniteRatesAreRejected() {
        Segment s = new Segment(Format.TIME);
        assertThrows(IllegalArgumentException.class, () -> s.setRate(0.0));
        assertThrows(IllegalArgumentException.class, () -> s.setRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.setAppliedRate(0.0));
        assertThrows(IllegalArgumentException.class, () -> s.doSeek(0.0, Format.TIME, NO_FLAGS,
                SeekType.SET, 0, SeekType.NONE, NONE));
        assertEquals(1.0, s.getRate());
    }

    @Test
    void copyIsEqualAndIndependent() {
        Segment s = new Segment(Format.TIME);
        s.setRate(-1.0);
        s.setStop(200);
        s.setFlags(EnumSet.of(Segment.Flag.SEGMENT));
        Segment c = s.copy();
        assertNotSame(s, c);
        assertEquals(s, c);
        assertEquals(s.hashCode(), c.hashCode());
        c.setPosition(10);
        assertNotEquals(s, c);
        c.copyFrom(s);
        assertEquals(s, c);
        s.getFlags().clear();   // getFlags() is a copy
        assertTrue(s.hasFlag(Segment.Flag.SEGMENT));
        c.init(Format.BYTES);
        assertEquals(new Segment(Format.BYTES), c);
    }

    @Test
    void toStringPrintsLikeGstSegmentFormat() {
        Segment s = new Segment(Format.TIME);
        assertEquals("time segment start=0:00:00.000000000, offset=0:00:00.000000000, "
                + "stop=99:99:99.999999999, rate=1.000000, applied_rate=1.000000, flags=0x00, "
                + "time=0:00:00.000000000, base=0:00:00.000000000, position 0:00:00.000000000, "
                + "duration 99:99:99.999999999", s.toString());
        s.setFlags(EnumSet.of(Segment.Flag.RESET, Segment.Flag.SEGMENT));
        s.setRate(-2.5);
        s.setStart(ClockTime.SECOND + 500 * ClockTime.MSECOND);
        assertTrue(s.toString().startsWith("time segment start=0:00:01.500000000, "), s.toString());
        assertTrue(s.toString().contains("rate=-2.500000, applied_rate=1.000000, flags=0x09"),
                s.toString());

        Segment b = new Segment(Format.BYTES);
        b.setStop(300);
        assertEquals("bytes segment start=0, offset=0, stop=300, rate=1.000000, "
                + "applied_rate=1.000000, flags=0x00, time=0, base=0, position 0, duration -1",
                b.toString());
        assertEquals("UNDEFINED segment", new Segment().toString());
    }
}
