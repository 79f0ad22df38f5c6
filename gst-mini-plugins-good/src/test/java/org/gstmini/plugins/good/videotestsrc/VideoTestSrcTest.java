package org.gstmini.plugins.good.videotestsrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The element: registration, properties, negotiation, timestamps, live mode, state changes. */
class VideoTestSrcTest {

    private static Harness harness(String sinkCaps, int numBuffers) {
        VideoTestSrc src = new VideoTestSrc();
        src.set(BaseSrc.NUM_BUFFERS, numBuffers);
        Harness h = new Harness(src);
        if (sinkCaps != null) {
            h.setSinkCapsStr(sinkCaps);
        }
        return h;
    }

    private static Structure negotiated(Harness h) {
        Caps caps = h.getSinkPad().getCurrentCaps();
        assertNotNull(caps, "no caps were negotiated");
        return caps.structure(0);
    }

    // ---------------------------------------------------------------- registry and properties

    @Test
    void registeredWithGStreamersMetadata() {
        Element e = ElementFactory.make("videotestsrc");
        assertTrue(e instanceof VideoTestSrc);
        ElementFactory f = e.getFactory();
        assertEquals("Video test source", f.getLongName());
        assertEquals("Source/Video", f.getKlass());
        assertEquals("Creates a test video stream", f.getDescription());
        assertEquals("videotestsrc", f.getPlugin().name());
        assertTrue(e.getName().startsWith("videotestsrc"));
    }

    @Test
    void propertyDefaultsAreGStreamers() {
        VideoTestSrc s = new VideoTestSrc();
        assertEquals(VideoTestSrcPattern.SMPTE, s.getProperty("pattern"));
        assertEquals(0L, s.getProperty("timestamp-offset"));
        assertEquals(false, s.getProperty("is-live"));
        assertEquals(-1, s.getProperty("num-buffers"));
        assertEquals(0xffffffffL, s.getProperty("foreground-color"));
        assertEquals(0xff000000L, s.getProperty("background-color"));
        assertEquals(VideoTestSrcAnimationMode.FRAMES, s.getProperty("animation-mode"));
        assertEquals(VideoTestSrcMotion.WAVY, s.getProperty("motion"));
        assertEquals(false, s.getProperty("flip"));
        assertEquals(0, s.getProperty("horizontal-speed"));
        assertEquals(false, s.getProperty("overlay-frame-number"));
        assertEquals(Format.TIME, s.getFormat());
        assertFalse(s.isLive());
    }

    @Test
    void patternsByNickOrNumberAsGStreamer() {
        VideoTestSrc s = new VideoTestSrc();
        s.setPropertyFromString("pattern", "ball");
        assertEquals(VideoTestSrcPattern.BALL, s.get(VideoTestSrc.PATTERN));
        s.setPropertyFromString("pattern", "17");
        assertEquals(VideoTestSrcPattern.SOLID_COLOR, s.get(VideoTestSrc.PATTERN));
        s.setPropertyFromString("pattern", "checkers-8");
        assertEquals(10, Property.numberOf(s.get(VideoTestSrc.PATTERN)));
        s.setPropertyFromString("foreground-color", "0x80ff0000");
        assertEquals(0x80ff0000L, s.get(VideoTestSrc.FOREGROUND_COLOR));
        String[] nicks = {"smpte", "snow", "black", "white", "red", "green", "blue", "checkers-1", "checkers-2",
            "checkers-4", "checkers-8", "circular", "blink", "smpte75", "zone-plate", "gamut", "chroma-zone-plate",
            "solid-color", "ball", "smpte100", "bar", "pinwheel", "spokes", "gradient", "colors"};
        for (int i = 0; i < nicks.length; i++) {
            VideoTestSrcPattern p = VideoTestSrcPattern.values()[i];
            assertEquals(nicks[i], Property.nickOf(p));
            assertEquals(i, Property.numberOf(p));
        }
    }

    @Test
    void isLiveMakesTheSourceLive() {
        VideoTestSrc s = new VideoTestSrc();
        s.setPropertyFromString("is-live", "true");
        assertTrue(s.isLive());
        s.set(VideoTestSrc.IS_LIVE, false);
        assertFalse(s.isLive());
    }

    // ---------------------------------------------------------------- negotiation

    @Test
    void defaultFixationIs320x240At30FpsInTheFirstFormat() {
        try (Harness h = harness(null, 1)) {
            h.play();
            Buffer b = h.pull();
            Structure s = negotiated(h);
            assertEquals("RGB", s.getString("format"));
            assertEquals(320, s.getInt("width"));
            assertEquals(240, s.getInt("height"));
            assertEquals("30/1", s.getFraction("framerate").toString());
            assertEquals("1/1", s.getFraction("pixel-aspect-ratio").toString());
            assertEquals(320 * 240 * 3, b.size());
            assertEquals(EventType.STREAM_START, h.pullEvent().type());
            assertEquals(EventType.CAPS, h.pullEvent().type());
            Event seg = h.pullEvent();
            assertEquals(EventType.SEGMENT, seg.type());
            assertEquals(Format.TIME, ((Event.SegmentEvent) seg).segment().getFormat());
        }
    }

    @Test
    void downstreamRangesAreFixatedNearestToTheDefaults() {
        try (Harness h = harness("video/x-raw, format=(string){ I420, GRAY8 }, width=(int)[ 100, 200 ], "
                + "height=(int)[ 250, 400 ], framerate=(fraction)[ 1/1, 25/1 ]", 1)) {
            h.play();
            Buffer b = h.pull();
            Structure s = negotiated(h);
            assertEquals(200, s.getInt("width"));
            assertEquals(250, s.getInt("height"));
            assertEquals("25/1", s.getFraction("framerate").toString());
            String format = s.getString("format");
            assertTrue(format.equals("I420") || format.equals("GRAY8"), format);
            assertEquals(format.equals("I420") ? 200 * 250 * 3 / 2 : 200 * 250, b.size());
        }
    }

    @Test
    void aCapsfilterLikeSinkPicksFormatSizeAndRate() {
        try (Harness h = harness("video/x-raw, format=(string)BGRx, width=(int)64, height=(int)36, "
                + "framerate=(fraction)60/1", 2)) {
            h.play();
            Buffer b0 = h.pull();
            Buffer b1 = h.pull();
            Structure s = negotiated(h);
            assertEquals("BGRx", s.getString("format"));
            assertEquals(64 * 36 * 4, b0.size());
            assertEquals(ClockTime.SECOND / 60, b1.pts());
        }
    }

    @Test
    void translucentForegroundPrefersAFormatWithAlpha() {
        VideoTestSrc src = new VideoTestSrc();
        src.set(VideoTestSrc.FOREGROUND_COLOR, 0x80ffffffL);
        Caps fixed = src.fixate(VideoTestSrc.SRC_CAPS);
        assertEquals("RGBA", fixed.structure(0).getString("format"));
        Caps noAlpha = Caps.parse("video/x-raw, format=(string){ RGB, I420 }, width=(int)8, height=(int)8, "
                + "framerate=(fraction)30/1");
        assertEquals("RGB", src.fixate(noAlpha).structure(0).getString("format"));
    }

    @Test
    void refusesCapsItCannotPaint() {
        VideoTestSrc src = new VideoTestSrc();
        assertFalse(src.setCaps(Caps.parse("video/x-raw, format=(string)NV12, width=(int)8, height=(int)8, "
                + "framerate=(fraction)30/1")));
        assertFalse(src.setCaps(Caps.parse("audio/x-raw, rate=(int)44100")));
    }

    @ParameterizedTest(name = "{0} 63x47 frames are {1} bytes")
    @CsvSource({"RGB, 9024", "RGBA, 11844", "BGRx, 11844", "GRAY8, 3008", "I420, 4608"})
    void frameByteSizePerFormat(String format, int size) {
        try (Harness h = harness("video/x-raw, format=(string)" + format + ", width=(int)63, height=(int)47", 1)) {
            h.play();
            assertEquals(size, h.pull().size());
        }
    }

    // ---------------------------------------------------------------- pixels through the element

    @ParameterizedTest(name = "{0} in {1}: first byte {2}")
    @CsvSource({"white, I420, 235", "black, I420, 16", "white, GRAY8, 235", "black, GRAY8, 16",
        "white, RGB, 255", "black, RGB, 0", "red, RGB, 255", "green, RGB, 0", "smpte, I420, 235"})
    void solidColoursThroughTheElement(String pattern, String format, int first) {
        try (Harness h = harness("video/x-raw, format=(string)" + format + ", width=(int)16, height=(int)16", 1)) {
            h.getElement().setPropertyFromString("pattern", pattern);
            h.play();
            byte[] data = h.pull().toByteArray();
            assertEquals(first, data[0] & 0xff);
            if (!pattern.equals("smpte")) {
                int lumaEnd = format.equals("RGB") ? 16 * 48 : 256;
                for (int i = 0; i < lumaEnd; i += format.equals("RGB") ? 3 : 1) {
                    assertEquals(first, data[i] & 0xff, "byte " + i);
                }
            }
        }
    }

    @Test
    void ballFramesDifferAndStillPatternsShareTheirBytes() {
        try (Harness h = harness("video/x-raw, format=(string)RGB, width=(int)80, height=(int)60", 3)) {
            h.getElement().setPropertyFromString("pattern", "ball");
            h.play();
            byte[] f0 = h.pull().toByteArray();
            byte[] f1 = h.pull().toByteArray();
            byte[] f2 = h.pull().toByteArray();
            assertFalse(java.util.Arrays.equals(f0, f1));
            assertFalse(java.util.Arrays.equals(f1, f2));
        }
        try (Harness h = harness("video/x-raw, format=(string)RGB, width=(int)80, height=(int)60", 2)) {
            h.getElement().setPropertyFromString("pattern", "smpte100");
            h.play();
            Buffer a = h.pull();
            Buffer b = h.pull();
            assertTrue(a.sharesPayloadWith(b) || a.payload().equals(b.payload()));
            assertArrayEquals(a.toByteArray(), b.toByteArray());
        }
    }

    @Test
    void overlayFrameNumberMakesStillPatternsMove() {
        try (Harness h = harness("video/x-raw, format=(string)GRAY8, width=(int)120, height=(int)60", 2)) {
            h.getElement().setPropertyFromString("pattern", "white");
            h.getElement().setPropertyFromString("overlay-frame-number", "true");
            h.play();
            assertFalse(java.util.Arrays.equals(h.pull().toByteArray(), h.pull().toByteArray()));
        }
    }

    // ---------------------------------------------------------------- timestamps

    @Test
    void timestampsDurationsAndOffsetsThenEos() {
        try (Harness h = harness("video/x-raw, format=(string)GRAY8, width=(int)4, height=(int)4, "
                + "framerate=(fraction)30000/1001", 5)) {
            h.getElement().set(VideoTestSrc.TIMESTAMP_OFFSET, 7L);
            h.play();
            for (int n = 0; n < 5; n++) {
                Buffer b = h.pullUntilEos();
                assertNotNull(b, "buffer " + n);
                long pts = n * 1001L * ClockTime.SECOND / 30000;
                long next = (n + 1) * 1001L * ClockTime.SECOND / 30000;
                assertEquals(7 + pts, b.pts(), "pts of frame " + n);
                assertEquals(ClockTime.NONE, b.dts());
                assertEquals(next - pts, b.duration());
                assertEquals(n, b.offset());
                assertEquals(n + 1, b.offsetEnd());
                assertEquals(n == 0, b.hasFlag(BufferFlag.DISCONT));
            }
            assertNull(h.pullUntilEos(), "EOS after num-buffers");
        }
    }

    /** Drives the element's hooks directly, without threads: 100000 frames of exact arithmetic. */
    @ParameterizedTest(name = "framerate {0}/{1}")
    @CsvSource({"30, 1", "30000, 1001", "24000, 1001", "7, 3"})
    void noDriftOverAHundredThousandFrames(int num, int den) throws FlowException {
        VideoTestSrc src = new VideoTestSrc();
        src.setPropertyFromString("pattern", "black");
        assertTrue(src.start());
        assertTrue(src.setCaps(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)2, height=(int)2, "
                + "framerate=(fraction)" + num + "/" + den)));
        long sum = 0;
        int frames = 100_000;
        for (long n = 0; n < frames; n++) {
            Buffer b = src.create();
            long expected = java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(den * ClockTime.SECOND))
                    .divide(java.math.BigInteger.valueOf(num)).longValueExact();
            if (b.pts() != expected || b.offset() != n || b.pts() != sum) {
                assertEquals(expected, b.pts(), "pts of frame " + n);
                assertEquals(sum, b.pts(), "pts equals the sum of the earlier durations at frame " + n);
                assertEquals(n, b.offset());
            }
            sum += b.duration();
        }
        assertEquals((long) frames * den * ClockTime.SECOND / num, sum);
        if (num == 30 && den == 1) {
            assertEquals(3333 * ClockTime.SECOND + 333_333_333L, sum); // 100000 frames at 30 fps
        }
        assertTrue(src.stop());
    }

    @Test
    void zeroFramerateGivesOneFrameThenEos() throws FlowException {
        VideoTestSrc src = new VideoTestSrc();
        src.start();
        assertTrue(src.setCaps(Caps.parse("video/x-raw, format=(string)RGB, width=(int)2, height=(int)2, "
                + "framerate=(fraction)0/1")));
        Buffer b = src.create();
        assertEquals(0, b.pts());
        assertEquals(ClockTime.NONE, b.duration());
        FlowException e = org.junit.jupiter.api.Assertions.assertThrows(FlowException.class, src::create);
        assertEquals(FlowReturn.EOS, e.flow());
    }

    @Test
    void seekSetsTheNextFrameFromThePosition() throws FlowException {
        VideoTestSrc src = new VideoTestSrc();
        src.start();
        src.setCaps(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)2, height=(int)2, "
                + "framerate=(fraction)25/1"));
        src.create();
        Segment seg = new Segment(Format.TIME);
        seg.doSeek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 2 * ClockTime.SECOND + 10_000_000L,
                SeekType.NONE, ClockTime.NONE);
        assertTrue(src.doSeek(seg));
        assertEquals(seg.getStart(), seg.getTime());
        Buffer b = src.create();
        assertEquals(2 * ClockTime.SECOND, b.pts(), "the frame at or before the seek position");
        assertEquals(50, b.offset());
        assertEquals(40 * ClockTime.MSECOND, b.duration());
    }

    @Test
    void reverseSeekCountsFramesDownToZeroThenEos() throws FlowException {
        VideoTestSrc src = new VideoTestSrc();
        src.start();
        src.setCaps(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)2, height=(int)2, "
                + "framerate=(fraction)10/1"));
        Segment seg = new Segment(Format.TIME);
        seg.doSeek(-1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 0, SeekType.SET,
                300 * ClockTime.MSECOND);
        assertTrue(src.doSeek(seg));
        for (int n = 3; n >= 0; n--) {
            Buffer b = src.create();
            assertEquals(n * 100 * ClockTime.MSECOND, b.pts());
            assertEquals(100 * ClockTime.MSECOND, b.duration());
            assertEquals(n, b.offset());
        }
        assertEquals(FlowReturn.EOS, org.junit.jupiter.api.Assertions.assertThrows(FlowException.class, src::create)
                .flow());
    }

    @Test
    void seekWhilePlayingInAPipeline() throws Exception {
        Pipeline p = new Pipeline();
        VideoTestSrc src = new VideoTestSrc();
        RecordingSink sink = new RecordingSink(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)8, "
                + "height=(int)8, framerate=(fraction)10/1"));
        p.add(src, sink);
        src.getSrcPad().linkOrThrow(sink.sinkPad());
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PAUSED));
            assertNotNull(sink.await(b -> b.offset() >= 3));
            assertTrue(p.sendEvent(Event.seek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET,
                    5 * ClockTime.SECOND, SeekType.NONE, ClockTime.NONE)));
            RecordingSink.Seen after = sink.await(b -> b.discont() && b.pts() == 5 * ClockTime.SECOND);
            assertNotNull(after, "a DISCONT buffer at 5 s after the seek; got " + sink.buffers().size() + " buffers");
            assertEquals(50, after.offset());
            assertTrue(sink.events().contains(EventType.FLUSH_STOP));
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        }
        assertNoStreamingThread(src);
    }

    @Test
    void durationQueryWithNumBuffers() {
        try (Harness h = harness("video/x-raw, format=(string)GRAY8, width=(int)4, height=(int)4, "
                + "framerate=(fraction)30/1", 45)) {
            h.play();
            h.pull();
            Query.DurationQuery q = new Query.DurationQuery(Format.TIME);
            assertTrue(h.getElement().query(q));
            assertEquals(1_500_000_000L, q.duration());
        }
    }

    // ---------------------------------------------------------------- pipelines, live, states

    @Test
    void numBuffersThenEosInAPipeline() throws Exception {
        Pipeline p = new Pipeline();
        VideoTestSrc src = new VideoTestSrc();
        src.set(BaseSrc.NUM_BUFFERS, 10);
        src.setPropertyFromString("pattern", "ball");
        RecordingSink sink = new RecordingSink(Caps.parse("video/x-raw, format=(string)I420, width=(int)64, "
                + "height=(int)48"));
        p.add(src, sink);
        src.getSrcPad().linkOrThrow(sink.sinkPad());
        try {
            p.setState(State.PLAYING);
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(60), MessageType.EOS, MessageType.ERROR);
            assertNotNull(m, "no EOS");
            assertEquals(MessageType.EOS, m.type(), m.toString());
            List<RecordingSink.Seen> seen = sink.buffers();
            assertEquals(10, seen.size());
            for (int n = 0; n < 10; n++) {
                assertEquals(n, seen.get(n).offset());
                assertEquals(64 * 48 * 3 / 2, seen.get(n).size());
            }
            List<EventType> events = sink.events();
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT, EventType.EOS), events);
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        }
        assertNoStreamingThread(src);
    }

    @Test
    void liveSourceDoesNotPrerollAndAnswersLatency() throws Exception {
        VideoTestSrc alone = new VideoTestSrc();
        alone.set(VideoTestSrc.IS_LIVE, true);
        assertEquals(StateChangeReturn.NO_PREROLL, alone.setState(State.PAUSED));
        assertEquals(StateChangeReturn.SUCCESS, alone.setState(State.NULL));

        Pipeline p = new Pipeline();
        VideoTestSrc src = new VideoTestSrc();
        src.set(VideoTestSrc.IS_LIVE, true);
        RecordingSink sink = new RecordingSink(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)8, "
                + "height=(int)8, framerate=(fraction)100/1"));
        p.add(src, sink);
        src.getSrcPad().linkOrThrow(sink.sinkPad());
        try {
            assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED));
            p.setState(State.PLAYING);
            assertNotNull(sink.await(b -> b.offset() >= 3), "a live source produces in PLAYING");
            List<RecordingSink.Seen> seen = sink.buffers();
            for (int i = 1; i < seen.size(); i++) {
                assertEquals(10 * ClockTime.MSECOND, seen.get(i).pts() - seen.get(i - 1).pts(),
                        "frames keep their spacing after the move to running time");
            }
            Query.LatencyQuery q = new Query.LatencyQuery();
            assertTrue(src.query(q));
            assertTrue(q.live());
            assertEquals(10 * ClockTime.MSECOND, q.min(), "one frame");
            assertEquals(ClockTime.NONE, q.max());
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        }
        assertNoStreamingThread(src);
    }

    @Test
    void liveSourceWaitsForTheClockFrameByFrame() {
        VideoTestSrc src = new VideoTestSrc();
        src.set(VideoTestSrc.IS_LIVE, true);
        try (Harness h = new Harness(src)) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)4, height=(int)4, "
                    + "framerate=(fraction)10/1");
            h.play();
            for (int n = 1; n <= 3; n++) {
                assertTrue(h.crankSingleClockWait(), "frame " + n + " waits for its time on the clock");
            }
            long previous = -1;
            for (int n = 0; n < 3; n++) {
                Buffer b = h.pull();
                assertNotNull(b);
                if (previous >= 0) {
                    assertEquals(100 * ClockTime.MSECOND, b.pts() - previous);
                }
                previous = b.pts();
            }
            assertEquals(100 * ClockTime.MSECOND, h.queryLatency());
        }
    }

    @Test
    void repeatedStateChangesWhileStreamingLeaveNoThread() throws Exception {
        Pipeline p = new Pipeline();
        VideoTestSrc src = new VideoTestSrc();
        src.setPropertyFromString("pattern", "snow");
        RecordingSink sink = new RecordingSink(Caps.parse("video/x-raw, format=(string)RGB, width=(int)32, "
                + "height=(int)24"));
        p.add(src, sink);
        src.getSrcPad().linkOrThrow(sink.sinkPad());
        for (int round = 0; round < 25; round++) {
            sink.clear();
            assertTrue(p.setState(State.PLAYING) != StateChangeReturn.FAILURE);
            assertNotNull(sink.await(b -> b.offset() >= 2), "round " + round + ": streaming");
            if (round % 3 == 1) {
                assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PAUSED));
            }
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL), "round " + round);
            assertNoStreamingThread(src);
            RecordingSink.Seen first = sink.buffers().get(0);
            assertEquals(0, first.offset(), "every start begins at frame 0");
            assertEquals(0, first.pts());
        }
        Message error = p.getBus().timedPop(0, MessageType.ERROR);
        assertNull(error, () -> "unexpected " + error);
    }

    @Test
    void harnessCloseStopsTheTask() {
        VideoTestSrc src = new VideoTestSrc();
        try (Harness h = new Harness(src)) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)4, height=(int)4");
            h.setDropBuffers(true);
            h.play();
            h.pullEvent();
            assertSame(src, h.getElement());
        }
        assertNoStreamingThread(src);
    }

    private static void assertNoStreamingThread(VideoTestSrc src) {
        String name = src.getName() + ":src";
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.isAlive() && t.getName().equals(name), "thread " + name + " still running");
        }
    }
}
