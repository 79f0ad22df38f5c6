package org.gstmini.core.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.State;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.ClockReturn;
import org.gstmini.core.clock.SystemClock;
import org.gstmini.core.clock.TestClock;
import org.gstmini.core.testing.TestTee;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.TestCapsFilter;
import org.gstmini.core.testing.TestElementsPlugin;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarnessTest {
    private static final Caps TEST_CAPS = Caps.parse("test/x-data");

    @BeforeAll
    static void registerTestElements() {
        TestElementsPlugin.register();
    }

    // ------------------------------------------------------------ a filter: passthrough

    @Test
    void passthroughGivesBackTheBufferThatWasPushed() {
        try (Harness h = Harness.of("passthrough")) {
            assertEquals(State.PLAYING, h.getElement().getCurrentState(), "filters are played on creation");
            h.setSrcCaps(TEST_CAPS);
            Buffer in = h.createBuffer(4).withPts(0);
            Buffer out = h.pushAndPull(in);
            assertSame(in, out);
            assertEquals(1, h.buffersReceived());
            assertEquals(0, h.buffersInQueue());
            assertNull(h.tryPull(), "nothing else came out");
            assertEquals(0, h.getLastPushedTimestamp());
        }
    }

    @Test
    void setSrcCapsSendsStreamStartCapsAndSegmentThatComeOutInOrder() {
        try (Harness h = Harness.of("passthrough")) {
            Caps caps = Caps.parse("video/x-raw, width=(int)320, height=(int)240");
            h.setSrcCaps(caps);
            assertEquals(3, h.eventsInQueue());

            Event e1 = h.pullEvent();
            Event.StreamStartEvent ss = assertInstanceOf(Event.StreamStartEvent.class, e1);
            assertTrue(ss.streamId().startsWith(h.getElement().getName() + "-"), ss.streamId());
            Event.CapsEvent ce = assertInstanceOf(Event.CapsEvent.class, h.pullEvent());
            assertTrue(ce.caps().isEqualTo(caps), ce.caps().toString());
            Event.SegmentEvent se = assertInstanceOf(Event.SegmentEvent.class, h.pullEvent());
            assertEquals(Format.TIME, se.segment().getFormat());
            assertNull(h.tryPullEvent());
            assertEquals(3, h.eventsReceived());

            // The harness src pad now answers CAPS queries with the caps it was given.
            Pad elementSink = h.getElement().getStaticPad("sink");
            assertTrue(elementSink.peerQueryCaps(null).isEqualTo(caps));
        }
    }

    @Test
    void eosIsForwardedAndEndsPullUntilEos() {
        try (Harness h = Harness.of("passthrough")) {
            h.setSrcCaps(TEST_CAPS);
            for (int i = 0; i < 3; i++) {
                assertEquals(FlowReturn.OK, h.push(h.createBuffer(1).withPts(i * ClockTime.SECOND)));
            }
            assertTrue(h.pushEvent(Event.eos()));
            int n = 0;
            for (Buffer b; (b = h.pullUntilEos()) != null; ) {
                assertEquals(n * ClockTime.SECOND, b.pts());
                n++;
            }
            assertEquals(3, n);
            assertEquals(EventType.EOS, h.getSinkPad().getStickyEvent(EventType.EOS).type());
            assertEquals(FlowReturn.EOS, h.push(h.createBuffer(1)), "no data after EOS");
        }
    }

    @Test
    void upstreamEventsComeOutOfTheHarnessSrcPad() {
        try (Harness h = Harness.of("passthrough")) {
            h.setSrcCaps(TEST_CAPS);
            // The RECONFIGURE that linking sends upstream (gst_pad_link_full) is not queued for set-up.
            assertEquals(0, h.upstreamEventsInQueue());
            int before = h.upstreamEventsReceived();
            Event latency = Event.latency(5 * ClockTime.MSECOND);
            assertTrue(h.pushUpstreamEvent(latency));
            assertEquals(1, h.upstreamEventsInQueue());
            assertSame(latency, h.pullUpstreamEvent());
            assertEquals(before + 1, h.upstreamEventsReceived());
            assertNull(h.tryPullUpstreamEvent());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> h.pushUpstreamEvent(Event.eos()));
            assertTrue(e.getMessage().contains("downstream"), e.getMessage());
        }
    }

    @Test
    void pushBeforeCapsSaysWhatIsMissing() {
        try (Harness h = Harness.of("passthrough")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.push(h.createBuffer(1)));
            assertTrue(e.getMessage().contains("CAPS and SEGMENT"), e.getMessage());
            assertTrue(e.getMessage().contains("setSrcCaps"), e.getMessage());
            assertEquals(0, h.buffersReceived());
        }
    }

    @Test
    void takeAllDataJoinsQueuedBuffersAndDropBuffersOnlyCounts(@TempDir Path dir) throws Exception {
        try (Harness h = Harness.of("passthrough")) {
            h.setSrcCaps(TEST_CAPS);
            h.push(Buffer.wrap(new byte[] {1, 2}).withPts(7));
            h.push(Buffer.wrap(new byte[] {3}));
            Buffer joined = h.takeAllDataAsBuffer();
            assertArrayEquals(new byte[] {1, 2, 3}, joined.toByteArray());
            assertEquals(7, joined.pts(), "the first buffer's metadata is kept");
            assertEquals(0, h.buffersInQueue());

            h.push(Buffer.wrap(new byte[] {4, 5}));
            Path file = dir.resolve("out.bin");
            h.dumpToFile(file);
            assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(file));

            h.setDropBuffers(true);
            h.push(Buffer.wrap(new byte[] {6}));
            assertEquals(4, h.buffersReceived());
            assertEquals(0, h.buffersInQueue());
            assertArrayEquals(new byte[0], h.takeAllData());
        }
    }

    @Test
    void latencyQueriesAreAnsweredWithTheUpstreamLatency() {
        try (Harness h = Harness.of("passthrough")) {
            h.setUpstreamLatency(20 * ClockTime.MSECOND);
            assertEquals(20 * ClockTime.MSECOND, h.queryLatency());
        }
    }

    // ------------------------------------------------------------ a sink

    @Test
    void sinkElementIsPushedToAndGetsAsyncTurnedOff() {
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        try (Harness h = new Harness(sink)) {
            assertFalse(sink.get(TestSink.ASYNC), "a harnessed sink does not wait for preroll");
            assertEquals(State.PLAYING, sink.getCurrentState());
            assertNull(h.getSinkPad());
            h.setSrcCaps(TEST_CAPS);
            for (int i = 0; i < 3; i++) {
                assertEquals(FlowReturn.OK, h.push(h.createBuffer(2).withPts(i)));
            }
            assertEquals(3, sink.buffers().size());
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                    sink.events().stream().map(Event::type).toList());
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(EventType.EOS, sink.events().get(3).type());

            IllegalStateException e = assertThrows(IllegalStateException.class, h::pull);
            assertTrue(e.getMessage().contains("no source pad"), e.getMessage());
        }
        assertEquals(State.NULL, sink.getCurrentState());
    }

    // ------------------------------------------------------------ a source

    @Test
    void sourceStaysInNullUntilPlayThenItsBuffersAndEosArrive() {
        try (Harness h = Harness.of("testsrc")) {
            Element src = h.getElement();
            assertEquals(State.NULL, src.getCurrentState(), "sources are not started by the harness");
            assertNull(h.getSrcPad());
            src.set(TestSrc.NUM_BUFFERS, 5);

            h.play();
            for (int i = 0; i < 5; i++) {
                Buffer b = h.pull();
                assertNotNull(b, "buffer " + i);
                assertEquals(i * TestSrc.INTERVAL, b.pts());
            }
            assertNull(h.pullUntilEos(), "EOS after the last buffer");
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT, EventType.EOS),
                    List.of(h.pullEvent().type(), h.pullEvent().type(), h.pullEvent().type(), h.pullEvent().type()));
            assertEquals(5, h.buffersReceived());
            assertThrows(IllegalStateException.class, () -> h.push(h.createBuffer(1)));
        }
    }

    @Test
    void closeStopsTheSourceTaskAndLeavesNoStreamingThread() {
        Harness h = Harness.of("testsrc");
        Element src = h.getElement();
        src.set(TestSrc.NUM_BUFFERS, -1);
        h.setBlockingPushMode(); // one buffer per pull, so the task is busy when we close
        h.play();
        for (int i = 0; i < 3; i++) {
            assertNotNull(h.pull());
        }
        String prefix = src.getName() + ":";
        assertFalse(streamingThreads(prefix).isEmpty(), "the source's task runs in a thread named " + prefix + "src");

        h.close();
        assertEquals(State.NULL, src.getCurrentState());
        assertEquals(List.of(), streamingThreads(prefix));
        h.close(); // closing twice is harmless
    }

    private static List<String> streamingThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    // ------------------------------------------------------------ caps negotiation

    @Test
    void setSinkCapsRestrictsWhatTheElementMayNegotiate() {
        try (Harness h = Harness.of("passthrough")) {
            Caps small = Caps.parse("video/x-raw, width=(int)320");
            h.setSinkCaps(small);
            Event reconfigure = h.tryPullUpstreamEvent();
            assertNotNull(reconfigure, "setSinkCaps sends RECONFIGURE upstream");
            assertEquals(EventType.RECONFIGURE, reconfigure.type());

            // A proxy-caps element answers with what is allowed downstream.
            assertTrue(h.getSrcPad().peerQueryCaps(null).isEqualTo(small));

            AssertionError e = assertThrows(AssertionError.class,
                    () -> h.setSrcCapsStr("video/x-raw, width=(int)640"));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());

            h.setSrcCapsStr("video/x-raw, width=(int)320");
            assertEquals(EventType.STREAM_START, h.pullEvent().type());
            Event.CapsEvent ce = assertInstanceOf(Event.CapsEvent.class, h.pullEvent());
            assertTrue(ce.caps().isEqualTo(small));
            assertEquals(EventType.SEGMENT, h.pullEvent().type());
        }
    }

    @Test
    void capsfilterRefusesCapsOutsideItsFilter() {
        Element filter = ElementFactory.make("capsfilter");
        filter.set(TestCapsFilter.CAPS, Caps.parse("video/x-raw"));
        try (Harness h = new Harness(filter)) {
            assertTrue(h.pushEvent(Event.caps(Caps.parse("audio/x-raw"))), "sticky events are stored even if refused");
            assertThrows(AssertionError.class, () -> h.setSrcCapsStr("audio/x-raw, rate=(int)8000"));
            assertEquals(List.of(EventType.STREAM_START), List.of(h.pullEvent().type()));
            assertNull(h.tryPullEvent(), "refused caps never reach the other side");

            h.setCapsStr("video/x-raw, width=(int)16", "video/x-raw");
            Event.CapsEvent ce = assertInstanceOf(Event.CapsEvent.class, h.pullEvent());
            assertTrue(ce.caps().isEqualTo(Caps.parse("video/x-raw, width=(int)16")));
            Buffer b = h.createBuffer(8);
            assertSame(b, h.pushAndPull(b));
        }
    }

    // ------------------------------------------------------------ clock

    @Test
    void theElementGetsTheHarnessTestClock() {
        PassThrough pt = new PassThrough();
        try (Harness h = new Harness(pt)) {
            assertSame(h.getTestclock(), pt.getClock());
            h.setTime(5 * ClockTime.SECOND);
            assertEquals(5 * ClockTime.SECOND, pt.getClock().getTime());
            h.useSystemClock();
            assertSame(SystemClock.obtain(), pt.getClock());
            h.useTestClock();
            assertSame(h.getTestclock(), pt.getClock());
        }

        TestClock own = new TestClock(ClockTime.SECOND);
        PassThrough withClock = new PassThrough();
        withClock.setClock(own);
        try (Harness h = new Harness(withClock)) {
            assertSame(own, h.getTestclock(), "an element's own TestClock is adopted");
        }
    }

    @Test
    void crankSingleClockWaitReleasesAnElementWaitingInItsChainFunction() throws Exception {
        ClockWaitElement el = new ClockWaitElement();
        el.setBaseTime(100 * ClockTime.MSECOND);
        try (Harness h = new Harness(el)) {
            h.setSrcCaps(TEST_CAPS);
            Buffer in = h.createBuffer(1).withPts(ClockTime.SECOND);
            AtomicReference<FlowReturn> ret = new AtomicReference<>();
            Thread pusher = new Thread(() -> ret.set(h.push(in)), "harness-test-pusher");
            pusher.start();

            assertTrue(h.waitForClockIdWaits(1, 10_000), "the element waits on the clock");
            assertEquals(ClockTime.SECOND + 100 * ClockTime.MSECOND, h.getTestclock().getNextEntryTime(),
                    "it waits for pts + base time");
            assertEquals(0, h.buffersInQueue(), "nothing passes before the clock gets there");

            assertTrue(h.crankSingleClockWait());
            pusher.join(10_000);
            assertFalse(pusher.isAlive());
            assertEquals(FlowReturn.OK, ret.get());
            assertEquals(ClockTime.SECOND + 100 * ClockTime.MSECOND, h.getTestclock().getTime());
            assertSame(in, h.pull());
            assertEquals(List.of(ClockReturn.OK), el.results());
        }
    }

    @Test
    void crankMultipleClockWaitsReleasesTheRequestedWaits() throws Exception {
        ClockWaitElement el = new ClockWaitElement();
        try (Harness h = new Harness(el)) {
            h.setSrcCaps(TEST_CAPS);
            Thread pusher = new Thread(() -> h.push(h.createBuffer(1).withPts(2 * ClockTime.SECOND)));
            pusher.start();
            assertTrue(h.crankMultipleClockWaits(1));
            pusher.join(10_000);
            assertEquals(2 * ClockTime.SECOND, h.getTestclock().getTime());
            assertNotNull(h.pull());
        }
    }

    @Test
    void closeUnblocksAnElementWaitingOnTheClock() throws Exception {
        ClockWaitElement el = new ClockWaitElement();
        Harness h = new Harness(el);
        h.setSrcCaps(TEST_CAPS);
        AtomicReference<FlowReturn> ret = new AtomicReference<>();
        Thread pusher = new Thread(() -> ret.set(h.push(h.createBuffer(1).withPts(ClockTime.SECOND))));
        pusher.start();
        assertTrue(h.waitForClockIdWaits(1, 10_000));

        h.close(); // the state change unschedules the wait instead of hanging
        pusher.join(10_000);
        assertFalse(pusher.isAlive());
        assertEquals(FlowReturn.FLUSHING, ret.get());
        assertEquals(List.of(ClockReturn.UNSCHEDULED), el.results());
        assertEquals(State.NULL, el.getCurrentState());
    }

    // ------------------------------------------------------------ pads by name, request pads

    @Test
    void requestPadsAreRequestedByTemplateAndReleasedOnClose() {
        TestTee tee = new TestTee();
        try (Harness h = new Harness(tee, "sink", "src_%u")) {
            assertEquals("src_0", h.getSinkPad().getPeer().getName());
            h.setSrcCaps(TEST_CAPS);
            Buffer b = h.createBuffer(3);
            assertSame(b, h.pushAndPull(b));
            assertTrue(h.toString().contains("src=src_0"), h.toString());
        }
        assertNull(tee.getStaticPad("src_0"), "the requested pad is given back");
        assertEquals(State.NULL, tee.getCurrentState());
    }

    @Test
    void twoHarnessesShareOneElementAndOnlyTheLastCloseStopsIt() {
        TestTee tee = new TestTee();
        Harness h1 = new Harness(tee, "sink", "src_%u");
        Harness h2 = new Harness(tee, null, "src_%u");
        h1.setSrcCaps(TEST_CAPS);
        Buffer b = h1.createBuffer(2);
        assertEquals(FlowReturn.OK, h1.push(b));
        assertSame(b, h1.pull());
        assertSame(b, h2.pull());
        assertEquals(EventType.STREAM_START, h2.pullEvent().type(), "the new branch got the sticky events");

        h2.close();
        assertEquals(State.PLAYING, tee.getCurrentState());
        assertNull(tee.getStaticPad("src_1"));
        assertEquals(FlowReturn.OK, h1.push(b));
        h1.close();
        assertEquals(State.NULL, tee.getCurrentState());
    }

    @Test
    void aMissingPadIsExplainedAndNothingStaysLinked() {
        PassThrough pt = new PassThrough();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Harness(pt, "sink", "nosuch"));
        assertTrue(e.getMessage().contains("'nosuch'"), e.getMessage());
        assertTrue(e.getMessage().contains("[sink, src]"), e.getMessage());
        assertNull(pt.getStaticPad("sink").getPeer(), "the half-made harness was unlinked");
        assertEquals(State.NULL, pt.getCurrentState());
    }
}
