package org.gstmini.plugins.good.imagefreeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Query;
import org.gstmini.core.Registry;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * imagefreeze alone in a Harness, on the test's thread and a TestClock: what it pushes, frame by
 * frame (timestamps, durations, offsets, flags, events), for several frame rates, with
 * num-buffers, allow-replace, seeks, queries and is-live.
 */
class ImageFreezeTest {
    static final String RGB_2X2 = "video/x-raw, format=(string)RGB, width=(int)2, height=(int)2, framerate=(fraction)0/1";
    private static final long MS = ClockTime.MSECOND;

    @BeforeAll
    static void register() {
        if (Registry.get().findFactory("imagefreeze") == null) {
            Registry.get().registerStatic(new ImageFreezePlugin());
        }
    }

    /** Start time of frame n at fpsN/fpsD: n * fpsD s / fpsN, rounded down, computed exactly. */
    static long frameTime(long n, int fpsN, int fpsD) {
        return BigInteger.valueOf(n).multiply(BigInteger.valueOf(ClockTime.SECOND * fpsD))
                .divide(BigInteger.valueOf(fpsN)).longValueExact();
    }

    /** An imagefreeze with these settings in a harness whose sink takes {@code sinkCaps} (null: ANY). */
    private static Harness harness(String sinkCaps, int numBuffers, boolean allowReplace, boolean live) {
        ImageFreeze freeze = new ImageFreeze();
        freeze.set(ImageFreeze.NUM_BUFFERS, numBuffers);
        freeze.set(ImageFreeze.ALLOW_REPLACE, allowReplace);
        freeze.set(ImageFreeze.IS_LIVE, live);
        Harness h = new Harness(freeze);
        if (sinkCaps != null) {
            h.setSinkCapsStr(sinkCaps);
        }
        h.setSrcCapsStr(RGB_2X2);
        return h;
    }

    private static Buffer image(int fill) {
        byte[] bytes = new byte[12];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Buffer.wrap(bytes);
    }

    /** Asks imagefreeze's own src pad, where downstream's queries arrive. */
    private static boolean srcQuery(Harness h, Query query) {
        return h.getElement().getStaticPad("src").query(query);
    }

    private static List<Event> drainEvents(Harness h) {
        List<Event> events = new ArrayList<>();
        for (Event e; (e = h.tryPullEvent()) != null; ) {
            events.add(e);
        }
        return events;
    }

    @ParameterizedTest(name = "downstream framerate {0}/{1}")
    @CsvSource({"25, 1, true", "30, 1, false", "30000, 1001, false", "24000, 1001, false", "60000, 1001, false",
        "1, 3, false"})
    void timestampsDurationsAndOffsetsFollowTheNegotiatedRateWithoutDrift(int fpsN, int fpsD, boolean anyDownstream) {
        int frames = 500;
        String sinkCaps = anyDownstream ? null : "video/x-raw, framerate=(fraction)" + fpsN + "/" + fpsD;
        try (Harness h = harness(sinkCaps, frames, false, false)) {
            Buffer in = image(7).withPts(123 * MS);
            assertEquals(FlowReturn.EOS, h.push(in), "the one frame is all imagefreeze wants");
            for (int n = 0; n < frames; n++) {
                Buffer b = h.pull();
                assertNotNull(b, "frame " + n);
                long pts = frameTime(n, fpsN, fpsD);
                assertEquals(pts, b.pts(), "pts of frame " + n);
                assertEquals(frameTime(n + 1, fpsN, fpsD) - pts, b.duration(), "duration of frame " + n);
                assertEquals(ClockTime.NONE, b.dts(), "dts of frame " + n);
                assertEquals(n, b.offset(), "offset of frame " + n);
                assertEquals(n + 1, b.offsetEnd(), "offset_end of frame " + n);
                assertEquals(n == 0, b.hasFlag(BufferFlag.DISCONT), "DISCONT on frame " + n);
                assertTrue(b.sharesPayloadWith(in), "frame " + n + " is the input picture, not a copy");
            }
            assertNull(h.pullUntilEos(), "EOS after num-buffers");
            List<Event> events = drainEvents(h);
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT, EventType.EOS),
                    events.stream().map(Event::type).toList());
            Caps out = ((Event.CapsEvent) events.get(1)).caps();
            assertEquals(Fraction.of(fpsN, fpsD), out.structure(0).getFraction("framerate"),
                    "upstream's 0/1 replaced by " + (anyDownstream ? "the default 25/1" : "downstream's rate"));
            assertEquals(2, out.structure(0).getInt("width"));
            assertEquals(0, ((Event.SegmentEvent) events.get(2)).segment().getStart());
        }
    }

    @Test
    void factoryFromTheRegistryHasGStreamersPropertiesAndDefaults() {
        try (Harness h = Harness.of("imagefreeze")) {
            assertEquals(-1, h.getElement().getProperty("num-buffers"));
            assertEquals(false, h.getElement().getProperty("allow-replace"));
            assertEquals(false, h.getElement().getProperty("is-live"));
        }
    }

    @Test
    void aRangeDownstreamIsFixedNearest25AndAFixedZeroRateGivesOneFrame() {
        try (Harness h = harness("video/x-raw, framerate=(fraction)[30/1, 60/1]", 2, false, false)) {
            h.push(image(1));
            assertEquals(frameTime(1, 30, 1), h.pull().duration(), "nearest to 25/1 in [30/1, 60/1] is 30/1");
        }
        try (Harness h = harness("video/x-raw, framerate=(fraction)0/1", -1, false, false)) {
            h.push(image(1));
            Buffer only = h.pullUntilEos();
            assertEquals(0, only.pts());
            assertEquals(ClockTime.NONE, only.duration(), "a still picture at 0/1 has no duration");
            assertEquals(0, only.offset());
            assertNull(h.pullUntilEos(), "framerate 0/1: one frame, then EOS");
        }
    }

    @Test
    void laterBuffersAreRefusedWithEosUnlessAllowReplace() {
        try (Harness h = harness(null, 3, false, false)) {
            Buffer first = image(1);
            assertEquals(FlowReturn.EOS, h.push(first));
            assertEquals(FlowReturn.EOS, h.push(image(2)), "a second picture is refused");
            for (Buffer b; (b = h.pullUntilEos()) != null; ) {
                assertTrue(b.sharesPayloadWith(first), "every frame repeats the first picture");
            }
            assertEquals(3, h.buffersReceived());
        }
    }

    @Test
    void allowReplaceSwitchesToTheLatestPictureAndKeepsTheRateWhenCapsChange() {
        try (Harness h = harness("video/x-raw, framerate=(fraction)10/1", -1, true, false)) {
            h.setBlockingPushMode(); // one frame per pull: the task cannot run away
            Buffer a = image(1);
            assertEquals(FlowReturn.OK, h.push(a), "allow-replace: upstream may keep sending");
            assertTrue(h.pull().sharesPayloadWith(a));

            h.pushEvent(Event.caps(Caps.parse("video/x-raw, format=(string)RGB, width=(int)4, height=(int)1, framerate=(fraction)0/1")));
            Buffer b = image(2);
            assertEquals(FlowReturn.OK, h.push(b));
            long lastOffset = 0;
            Buffer seen = null;
            // At most one frame of the old picture was already on its way when b arrived.
            for (int i = 0; i < 3 && (seen == null || !seen.sharesPayloadWith(b)); i++) {
                seen = h.pull();
                assertEquals(lastOffset + 1, seen.offset(), "frames go on without a gap");
                assertEquals(frameTime(seen.offset(), 10, 1), seen.pts());
                lastOffset = seen.offset();
            }
            assertTrue(seen.sharesPayloadWith(b), "the new picture is repeated from now on");
            Event.CapsEvent caps = null;
            for (Event e : drainEvents(h)) {
                if (e instanceof Event.CapsEvent c) {
                    caps = c;
                }
            }
            assertNotNull(caps);
            assertEquals(4, caps.caps().structure(0).getInt("width"), "the new picture's caps go downstream");
            assertEquals(Fraction.of(10, 1), caps.caps().structure(0).getFraction("framerate"), "with the same rate");
        }
    }

    @Test
    void eosBeforeAnyPictureIsPassedOnAndUpstreamSegmentsAreNot() {
        try (Harness h = harness(null, -1, false, false)) {
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(List.of(EventType.STREAM_START, EventType.EOS), drainEvents(h).stream().map(Event::type).toList(),
                    "upstream's CAPS and SEGMENT stay inside; EOS without a picture goes on");
        }
    }

    @Test
    void seekSetsTheSegmentAndFramesTenHoursInHaveNoDrift() {
        int fpsN = 30000;
        int fpsD = 1001;
        long start = 36_000 * ClockTime.SECOND;
        long stop = start + 200 * MS;
        try (Harness h = harness("video/x-raw, framerate=(fraction)30000/1001", -1, false, false)) {
            Event seek = Event.seek(1.0, Format.TIME, Set.of(), SeekType.SET, start, SeekType.SET, stop);
            assertTrue(h.pushUpstreamEvent(seek), "seeking before the picture arrives configures the segment");
            h.push(image(1));
            long n = BigInteger.valueOf(start).multiply(BigInteger.valueOf(fpsN))
                    .divide(BigInteger.valueOf(ClockTime.SECOND * fpsD)).longValueExact();
            List<Buffer> out = new ArrayList<>();
            for (Buffer b; (b = h.pullUntilEos()) != null; ) {
                out.add(b);
            }
            assertEquals(start, out.get(0).pts(), "the first frame is clipped to the segment start");
            assertEquals(frameTime(n + 1, fpsN, fpsD) - start, out.get(0).duration());
            assertEquals(n, out.get(0).offset());
            for (int i = 1; i < out.size(); i++) {
                assertEquals(frameTime(n + i, fpsN, fpsD), out.get(i).pts(), "frame " + (n + i));
                assertEquals(n + i, out.get(i).offset());
            }
            Buffer last = out.get(out.size() - 1);
            assertTrue(last.pts() + last.duration() <= stop, "nothing beyond the stop");
            assertEquals(7, out.size(), "the frames starting in [10 h, 10 h + 200 ms)");
            Event.SegmentEvent segment = null;
            for (Event e : drainEvents(h)) {
                if (e instanceof Event.SegmentEvent s) {
                    segment = s;
                }
            }
            assertEquals(start, segment.segment().getStart());
            assertEquals(stop, segment.segment().getStop());
            assertEquals(seek.seqnum(), segment.seqnum(), "the SEGMENT answers the seek");

            Query.DurationQuery time = new Query.DurationQuery(Format.TIME);
            assertTrue(srcQuery(h, time));
            assertEquals(stop, time.duration());
            Query.DurationQuery frames = new Query.DurationQuery(Format.DEFAULT);
            assertTrue(srcQuery(h, frames));
            assertEquals(BigInteger.valueOf(stop).multiply(BigInteger.valueOf(fpsN))
                    .divide(BigInteger.valueOf(ClockTime.SECOND * fpsD)).longValueExact(), frames.duration());
            Query.PositionQuery position = new Query.PositionQuery(Format.TIME);
            assertTrue(srcQuery(h, position));
            assertEquals(stop, position.position(), "the end of the last frame, clipped");
        }
    }

    @Test
    void aReverseSeekPlaysTheFramesBackwardsDownToZero() {
        try (Harness h = harness(null, -1, false, false)) {
            assertTrue(h.pushUpstreamEvent(Event.seek(-1.0, Format.TIME, Set.of(), SeekType.SET, 0, SeekType.SET,
                    200 * MS)));
            h.push(image(1));
            List<Long> pts = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            for (Buffer b; (b = h.pullUntilEos()) != null; ) {
                pts.add(b.pts());
                offsets.add(b.offset());
            }
            assertEquals(List.of(160 * MS, 120 * MS, 80 * MS, 40 * MS, 0L), pts, "25/1 from the stop down to 0");
            assertEquals(List.of(4L, 3L, 2L, 1L, 0L), offsets);
        }
        try (Harness h = harness(null, -1, false, false)) {
            assertFalse(h.pushUpstreamEvent(Event.seek(-1.0, Format.TIME, Set.of(), SeekType.SET, 0, SeekType.NONE,
                    ClockTime.NONE)), "backwards from where? A still frame has no end");
        }
    }

    @Test
    void seekInFramesNeedsARateAndSeekingQueryAnswersAsGStreamer() {
        try (Harness h = harness(null, -1, false, false)) {
            assertFalse(h.pushUpstreamEvent(Event.seek(1.0, Format.DEFAULT, EnumSet.of(SeekFlag.FLUSH),
                    SeekType.SET, 10, SeekType.NONE, ClockTime.NONE)), "no rate negotiated yet: frames mean nothing");
            assertFalse(h.pushUpstreamEvent(Event.seek(1.0, Format.BYTES, Set.of(), SeekType.SET, 10,
                    SeekType.NONE, ClockTime.NONE)), "bytes make no sense for a still frame");
            Query.SeekingQuery q = new Query.SeekingQuery(Format.TIME);
            assertTrue(srcQuery(h, q));
            assertTrue(q.seekable());
            assertEquals(0, q.segmentStart());
        }
        try (Harness h = harness(null, -1, false, true)) {
            Query.SeekingQuery q = new Query.SeekingQuery(Format.TIME);
            assertTrue(srcQuery(h, q));
            assertFalse(q.seekable(), "live streams cannot seek");
            assertFalse(h.pushUpstreamEvent(Event.seek(1.0, Format.TIME, Set.of(), SeekType.SET, 0,
                    SeekType.NONE, ClockTime.NONE)));
        }
    }

    @Test
    void liveWaitsOnTheClockForEachFrameAndStampsItsRunningTime() {
        try (Harness h = harness("video/x-raw, framerate=(fraction)10/1", 3, false, true)) {
            h.push(image(1));
            for (int n = 0; n < 3; n++) {
                assertTrue(h.waitForClockIdWaits(1, 10_000), "frame " + n + " waits on the clock");
                assertNull(h.tryPull(), "nothing before the clock reaches frame " + n);
                assertTrue(h.crankSingleClockWait());
                Buffer b = h.pull();
                assertEquals(n * 100 * MS, b.pts(), "running time of frame " + n);
                assertEquals(h.getTestclock().getTime() - h.getElement().getBaseTime(), b.pts(),
                        "pushed when the clock reached it");
                assertEquals(100 * MS, b.duration());
                assertEquals(n, b.offset());
            }
            assertNull(h.pullUntilEos(), "num-buffers is counted in live mode too");

            Query.LatencyQuery q = new Query.LatencyQuery();
            assertTrue(srcQuery(h, q));
            assertTrue(q.live());
            assertEquals(0, q.min());
            assertEquals(100 * MS, q.max(), "downstream may hold a frame up to one frame duration");
        }
    }

    @Test
    void liveSkipsFramesWhoseTimeHasPassed() {
        try (Harness h = harness("video/x-raw, framerate=(fraction)10/1", 2, false, true)) {
            h.setTime(1_050 * MS); // the picture arrives late: frames 0..9 are past
            h.push(image(1));
            assertTrue(h.crankSingleClockWait());
            Buffer late = h.pull();
            assertEquals(10, late.offset(), "jumps to the frame due now");
            assertEquals(1_000 * MS, late.pts());
            assertTrue(late.hasFlag(BufferFlag.DISCONT));
            assertTrue(h.crankSingleClockWait());
            assertEquals(1_100 * MS, h.pull().pts(), "and goes on in time from there");
        }
    }

    @Test
    void liveIsNoPrerollAndPausingStopsTheClockWaitThenResumes() {
        try (Harness h = harness("video/x-raw, framerate=(fraction)10/1", -1, false, true)) {
            h.push(image(1));
            assertTrue(h.crankSingleClockWait());
            assertEquals(0, h.pull().offset());
            assertTrue(h.waitForClockIdWaits(1, 10_000), "frame 1 waits on the clock");

            assertEquals(StateChangeReturn.NO_PREROLL, h.getElement().setState(State.PAUSED));
            assertTrue(h.waitForClockIdWaits(0, 10_000), "PAUSED: the wait is unscheduled, nothing is made");
            assertNull(h.tryPull());

            assertEquals(StateChangeReturn.SUCCESS, h.getElement().setState(State.PLAYING));
            assertTrue(h.crankSingleClockWait());
            Buffer b = h.pull();
            assertEquals(1, b.offset(), "the frame cut short by the pause is made again");
            assertEquals(100 * MS, b.pts());
        }
    }

    @Test
    void notLiveAnswersLatencyAsNotLive() {
        try (Harness h = harness(null, -1, false, false)) {
            Query.LatencyQuery q = new Query.LatencyQuery();
            assertTrue(srcQuery(h, q));
            assertFalse(q.live(), "frames go out as fast as downstream takes them");
            assertEquals(0, q.min());
            assertEquals(ClockTime.NONE, q.max());
        }
    }
}
