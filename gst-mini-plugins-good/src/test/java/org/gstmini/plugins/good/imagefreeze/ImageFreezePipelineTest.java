package org.gstmini.plugins.good.imagefreeze;

import static org.gstmini.plugins.good.imagefreeze.ImageFreezeTest.frameTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.Registry;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.check.GStreamerTool;
import org.gstmini.core.parse.Parse;
import org.gstmini.plugins.good.coreelements.CoreElementsPlugin;
import org.gstmini.plugins.good.coreelements.FakeSink;
import org.gstmini.plugins.good.videotestsrc.VideoTestSrcPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * imagefreeze in real pipelines, fed by {@code videotestsrc num-buffers=1} (one picture, then
 * EOS, like pngdec): EOS on the bus after num-buffers, a sink that syncs on the clock, is-live,
 * a flushing seek while playing, state cycling with no thread left, and the timestamps real
 * GStreamer 1.22 prints for the same pipeline. Waits are bounded only as hang guards.
 */
class ImageFreezePipelineTest {
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long MS = ClockTime.MSECOND;
    private static final String PICTURE = "videotestsrc num-buffers=1 ! video/x-raw,width=16,height=16 ! ";

    private Pipeline pipeline;

    /** What a FakeSink rendered: the buffer and the running time at which it was rendered. */
    private record Rendered(Buffer buffer, long runningTime) {
    }

    @BeforeAll
    static void register() {
        Registry r = Registry.get();
        if (r.findFactory("imagefreeze") == null) {
            r.registerStatic(new ImageFreezePlugin());
        }
        if (r.findFactory("fakesink") == null) {
            r.registerStatic(new CoreElementsPlugin());
        }
        if (r.findFactory("videotestsrc") == null) {
            r.registerStatic(new VideoTestSrcPlugin());
        }
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
            assertNoThreadsLeft();
        }
    }

    private Pipeline launch(String description) {
        pipeline = assertInstanceOf(Pipeline.class, Parse.launch(description));
        return pipeline;
    }

    /** Records every buffer the sink named "sink" renders, with the running time it rendered it at. */
    private List<Rendered> record() {
        FakeSink sink = (FakeSink) pipeline.getByName("sink");
        sink.set(FakeSink.SIGNAL_HANDOFFS, true);
        List<Rendered> out = new CopyOnWriteArrayList<>();
        sink.addHandoffListener((s, buffer, pad) -> out.add(new Rendered(buffer, s.getCurrentRunningTime())));
        return out;
    }

    /** Plays the pipeline and waits for EOS (or fails with the ERROR). */
    private void playToEos() {
        assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        Message m = pipeline.getBus().timedPop(GUARD_NANOS, MessageType.EOS, MessageType.ERROR);
        assertNotNull(m, "hang guard: no EOS within " + GUARD_NANOS / ClockTime.SECOND + " s");
        assertEquals(MessageType.EOS, m.type(), () -> "expected EOS, got " + m);
    }

    @Test
    void numBuffersThenEosOnTheBus() {
        launch(PICTURE + "imagefreeze num-buffers=7 ! video/x-raw,framerate=30000/1001 ! fakesink name=sink");
        List<Rendered> rendered = record();
        playToEos();
        assertEquals(7, rendered.size());
        for (int n = 0; n < 7; n++) {
            Buffer b = rendered.get(n).buffer();
            assertEquals(frameTime(n, 30000, 1001), b.pts(), "pts of frame " + n);
            assertEquals(frameTime(n + 1, 30000, 1001) - b.pts(), b.duration());
            assertEquals(n, b.offset());
        }
    }

    @Test
    void aSyncingSinkRendersEachFrameAtItsRunningTime() {
        launch(PICTURE + "imagefreeze num-buffers=6 ! video/x-raw,framerate=50/1 ! fakesink name=sink sync=true");
        List<Rendered> rendered = record();
        playToEos();
        assertEquals(6, rendered.size());
        for (int n = 0; n < 6; n++) {
            Rendered r = rendered.get(n);
            assertEquals(n * 20 * MS, r.buffer().pts());
            assertTrue(r.runningTime() >= r.buffer().pts(),
                    "frame " + n + " rendered at running time " + r.runningTime() + ", before its pts");
        }
    }

    @Test
    void isLiveWithASyncingSinkStampsRunningTimeAndIsNotPrerolled() {
        launch(PICTURE + "imagefreeze name=freeze is-live=true num-buffers=6 ! video/x-raw,framerate=50/1 ! "
                + "fakesink name=sink sync=true");
        List<Rendered> rendered = record();
        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED), "a live source does not preroll");
        playToEos();
        assertEquals(6, rendered.size(), "num-buffers frames");
        long previous = -1;
        for (int n = 0; n < 6; n++) {
            Rendered r = rendered.get(n);
            long offset = r.buffer().offset();
            // Consecutive, unless the machine stalled the task for a frame or more: then it skips ahead.
            assertTrue(offset > previous, "frame numbers go up: " + offset + " after " + previous);
            assertEquals(offset * 20 * MS, r.buffer().pts(), "pts = running time of frame " + offset);
            assertTrue(r.runningTime() >= r.buffer().pts(), "frame " + offset + " rendered before its running time");
            previous = offset;
        }
        Query.LatencyQuery q = new Query.LatencyQuery();
        assertTrue(pipeline.getByName("freeze").getStaticPad("src").query(q));
        assertTrue(q.live());
        assertEquals(20 * MS, q.max());
    }

    @ParameterizedTest(name = "in frames: {0}")
    @ValueSource(booleans = {false, true})
    void aFlushingSeekWhilePlayingRestartsAtTheNewPosition(boolean inFrames) throws InterruptedException {
        launch(PICTURE + "imagefreeze name=freeze ! video/x-raw,framerate=25/1 ! fakesink name=sink sync=true");
        List<Rendered> rendered = record();
        assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        await(() -> rendered.size() >= 2, "two frames rendered before the seek");

        // 10 s to 10.2 s, or the same as frames 250 to 255 at 25/1
        Event seek = inFrames
                ? Event.seek(1.0, Format.DEFAULT, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 250, SeekType.SET, 255)
                : Event.seek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH, SeekFlag.ACCURATE),
                        SeekType.SET, 10 * ClockTime.SECOND, SeekType.SET, 10 * ClockTime.SECOND + 200 * MS);
        assertTrue(pipeline.sendEvent(seek));
        Message m = pipeline.getBus().timedPop(GUARD_NANOS, MessageType.EOS, MessageType.ERROR);
        assertNotNull(m, "hang guard: no EOS after the seek's stop");
        assertEquals(MessageType.EOS, m.type(), () -> "expected EOS, got " + m);

        List<Buffer> after = new ArrayList<>();
        for (Rendered r : rendered) {
            if (r.buffer().pts() >= 10 * ClockTime.SECOND) {
                after.add(r.buffer());
            }
        }
        assertEquals(5, after.size(), "10.00, 10.04, ... 10.16 s: the frames before the stop");
        for (int i = 0; i < after.size(); i++) {
            assertEquals(10 * ClockTime.SECOND + i * 40 * MS, after.get(i).pts());
            assertEquals(250 + i, after.get(i).offset());
            assertEquals(i == 0, after.get(i).hasFlag(BufferFlag.DISCONT), "DISCONT only after the seek");
        }
        Element freeze = pipeline.getByName("freeze");
        assertEquals(10 * ClockTime.SECOND, pipeline.getByName("sink").getStaticPad("sink").getCurrentSegment().getStart());
        Query.PositionQuery position = new Query.PositionQuery(Format.TIME);
        assertTrue(freeze.getStaticPad("src").query(position));
        assertEquals(10 * ClockTime.SECOND + 200 * MS, position.position());
    }

    @Test
    void anUnlinkedSourcePadEndsInAnErrorNamingTheElement() {
        launch("videotestsrc num-buffers=1 ! imagefreeze name=lonely");
        assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        Message m = pipeline.getBus().timedPop(GUARD_NANOS, MessageType.ERROR);
        assertNotNull(m, "hang guard: no ERROR");
        Message.Error error = assertInstanceOf(Message.Error.class, m);
        assertEquals("lonely", error.source().getName());
        assertTrue(error.debug().contains("not-linked"), error.debug());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "imagefreeze ! fakesink name=sink sync=true",
        "imagefreeze is-live=true ! fakesink name=sink sync=true",
        "imagefreeze ! queue ! fakesink name=sink sync=true",
        "imagefreeze is-live=true ! video/x-raw,framerate=1/10 ! fakesink name=sink sync=true"})
    void stateCyclingLeavesNoThread(String tail) throws InterruptedException {
        launch(PICTURE + tail);
        List<Rendered> rendered = record();
        for (int i = 0; i < 10; i++) {
            String when = "cycle " + i;
            rendered.clear();
            assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING), when);
            await(() -> !rendered.isEmpty(), when + ": a frame rendered");
            assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED), when);
            assertNotEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING), when);
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL), when);
            assertNoThreadsLeft();
        }
    }

    // ---------------------------------------------------------------- against real GStreamer

    private static final Pattern CHAIN = Pattern.compile(
            "pts: (\\d+):(\\d\\d):(\\d\\d)\\.(\\d{9}), duration: (\\d+):(\\d\\d):(\\d\\d)\\.(\\d{9}), offset: (\\d+), offset_end: (\\d+)");

    @Test
    void sameTimestampsAsGStreamer() throws Exception {
        String description = PICTURE + "imagefreeze num-buffers=40 ! video/x-raw,framerate=24000/1001 ! fakesink name=sink silent=false";
        String out = GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofSeconds(60),
                ("-v " + description).split(" "));
        List<long[]> expected = new ArrayList<>();
        Matcher m = CHAIN.matcher(out);
        while (m.find()) {
            expected.add(new long[] {time(m, 1), time(m, 5), Long.parseLong(m.group(9)), Long.parseLong(m.group(10))});
        }
        assertEquals(40, expected.size(), "GStreamer's frames:\n" + out);

        launch(description);
        List<Rendered> rendered = record();
        playToEos();
        assertEquals(expected.size(), rendered.size());
        for (int i = 0; i < expected.size(); i++) {
            Buffer b = rendered.get(i).buffer();
            assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2], expected.get(i)[3]),
                    List.of(b.pts(), b.duration(), b.offset(), b.offsetEnd()), "frame " + i + ": pts, duration, offsets");
        }
    }

    private static long time(Matcher m, int group) {
        return ((Long.parseLong(m.group(group)) * 60 + Long.parseLong(m.group(group + 1))) * 60
                + Long.parseLong(m.group(group + 2))) * ClockTime.SECOND + Long.parseLong(m.group(group + 3));
    }

    // ---------------------------------------------------------------- helpers

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("hang guard: still waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** No streaming thread named after an element of the pipeline ("imagefreeze0:src") is alive. */
    private void assertNoThreadsLeft() {
        List<String> prefixes = new ArrayList<>();
        for (Element e : pipeline.getChildrenRecursive()) {
            prefixes.add(e.getName() + ":");
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive()) {
                continue;
            }
            for (String prefix : prefixes) {
                if (t.getName().startsWith(prefix)) {
                    // A thread that has just been told to end may need a moment: join it, bounded.
                    try {
                        t.join(TimeUnit.NANOSECONDS.toMillis(GUARD_NANOS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    assertTrue(!t.isAlive(), "streaming thread left after NULL: " + t.getName() + " " + t.getState());
                }
            }
        }
    }
}
