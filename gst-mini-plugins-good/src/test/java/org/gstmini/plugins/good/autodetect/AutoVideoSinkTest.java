package org.gstmini.plugins.good.autodetect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSink;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Rank;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;
import org.gstmini.plugins.good.coreelements.FakeSink;
import org.gstmini.plugins.good.videotestsrc.VideoTestSrc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * autovideosink: which sink it picks (rank, name, filter-caps, failures to open), the fakesink
 * fallback and its WARNING, the settings handed to the sink, and state cycling. Each test gives
 * the element a registry of its own holding test-only video sinks ({@link TestVideoSink}), so the
 * candidates are exactly the ones the test names.
 */
@Timeout(60)
class AutoVideoSinkTest {
    private static final long GUARD = TimeUnit.SECONDS.toNanos(10);

    private static final ElementFactory BROKEN = TestVideoSink.factory("brokenvideosink", Rank.PRIMARY, "video/x-raw",
            TestVideoSink.Opening.FAILS_WITH_ERROR);
    private static final ElementFactory SILENT = TestVideoSink.factory("silentvideosink", Rank.PRIMARY, "video/x-raw",
            TestVideoSink.Opening.FAILS_SILENTLY);
    private static final ElementFactory H264 = TestVideoSink.factory("h264videosink", Rank.PRIMARY, "video/x-h264",
            TestVideoSink.Opening.WORKS);
    private static final ElementFactory GOOD = TestVideoSink.factory("goodvideosink", Rank.SECONDARY, "video/x-raw",
            TestVideoSink.Opening.WORKS);
    private static final ElementFactory OTHER = TestVideoSink.factory("othervideosink", Rank.SECONDARY, "video/x-raw",
            TestVideoSink.Opening.WORKS);
    private static final ElementFactory UNRANKED = TestVideoSink.factory("unrankedvideosink", Rank.NONE, "video/x-raw",
            TestVideoSink.Opening.WORKS);

    /** A registry holding only autovideosink itself and the given factories. */
    private static Registry registryWith(ElementFactory... factories) {
        Registry r = new Registry();
        r.registerStatic(new AutoDetectPlugin());
        r.registerStatic(new PluginDefinition("autodetecttest", "test video sinks", "0", "LGPL", "test") {
            @Override
            public void init(PluginRegistrar registrar) {
                for (ElementFactory f : factories) {
                    registrar.registerElement(f);
                }
            }
        });
        return r;
    }

    /** {@code videotestsrc num-buffers=N ! autovideosink name=avs}, the sink choosing from {@code registry}. */
    private static Pipeline pipeline(Registry registry, int buffers) {
        Pipeline p = new Pipeline();
        VideoTestSrc src = (VideoTestSrc) VideoTestSrc.FACTORY.create(null);
        src.setProperty("num-buffers", buffers);
        AutoVideoSink sink = new AutoVideoSink(() -> registry);
        sink.setName("avs");
        p.add(src, sink);
        src.linkOrThrow(sink);
        return p;
    }

    private static AutoVideoSink avs(Pipeline p) {
        return (AutoVideoSink) p.getByName("avs");
    }

    /** Plays to EOS; returns the WARNING, ERROR and EOS messages in order (fails on an ERROR or a hang). */
    private static List<Message> playToEos(Pipeline p) {
        assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING));
        List<Message> seen = new ArrayList<>();
        while (true) {
            Message m = p.getBus().timedPop(GUARD, EnumSet.of(MessageType.EOS, MessageType.ERROR, MessageType.WARNING));
            if (m == null) {
                fail("hang guard: no EOS after 10 s; got " + seen);
            }
            seen.add(m);
            if (m.type() == MessageType.ERROR) {
                fail("unexpected " + m);
            }
            if (m.type() == MessageType.EOS) {
                return seen;
            }
        }
    }

    private static List<Message.Warning> warnings(List<Message> messages) {
        return messages.stream().filter(Message.Warning.class::isInstance).map(Message.Warning.class::cast).toList();
    }

    /** Goes to NULL and checks that no streaming thread of the pipeline is left (bounded wait, not timed). */
    private static void stopAndCheckThreads(Pipeline p) throws InterruptedException {
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        long deadline = System.nanoTime() + GUARD;
        List<String> left;
        while (!(left = threadsOf(p)).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                fail("threads still alive after setState(NULL): " + left);
            }
            Thread.sleep(5);
        }
    }

    private static List<String> threadsOf(Pipeline p) {
        List<String> prefixes = new ArrayList<>(List.of(p.getName() + ":"));
        p.getChildrenRecursive().forEach(e -> prefixes.add(e.getName() + ":"));
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.endsWith(":continue") || prefixes.stream().anyMatch(n::startsWith)).toList();
    }

    // ---------------------------------------------------------------- the factory

    @Test
    void factoryAndPropertiesAreGStreamers() {
        Registry r = registryWith();
        ElementFactory f = r.findFactoryOrThrow("autovideosink");
        assertEquals("Auto video sink", f.getLongName());
        assertEquals("Sink/Video", f.getKlass());
        assertEquals(Rank.NONE, f.getRank());
        assertEquals("autodetect", f.getPlugin().name());
        AutoVideoSink avs = assertInstanceOf(AutoVideoSink.class, f.create(null));
        assertTrue(avs.getName().startsWith("autovideosink"), avs.getName());
        assertEquals(Caps.parse("video/x-raw"), avs.getProperty("filter-caps"));
        assertEquals(true, avs.getProperty("sync"));
        assertEquals(0L, avs.getProperty("ts-offset"));
        // before READY a stand-in fakesink is the ghost pad's target, so the bin links and is a sink
        assertEquals(AutoVideoSink.FAKE_NAME, avs.getKid().getName());
        assertSame(avs.getKid().getStaticPad("sink"), ((GhostPad) avs.getStaticPad("sink")).getTarget());
        assertTrue(avs.hasFlag(ElementFlag.SINK));
    }

    // ---------------------------------------------------------------- the choice

    @Test
    void picksTheBestRankedSinkThatOpensAndKeepsTheOthersErrorsOffTheBus() throws Exception {
        Pipeline p = pipeline(registryWith(UNRANKED, OTHER, GOOD, H264, BROKEN, SILENT), 3);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.READY));
            // brokenvideosink and silentvideosink (PRIMARY) fail to open, h264videosink (PRIMARY)
            // does not take video/x-raw; of the two SECONDARY ones the first by name wins
            TestVideoSink kid = assertInstanceOf(TestVideoSink.class, avs(p).getKid());
            assertEquals("goodvideosink", kid.getFactory().getName());
            assertEquals("avs-actual-sink-goodvideo", kid.getName());
            assertEquals(State.READY, kid.getCurrentState());

            List<Message> messages = playToEos(p);
            assertEquals(List.of(), warnings(messages), "a sink was found: no warning");
            assertEquals(3, kid.rendered.get());
        } finally {
            stopAndCheckThreads(p);
        }
    }

    @Test
    void filterCapsSelectsAmongTheCandidates() {
        // alone, not linked: a video/x-raw source could not link to the sink chosen here
        AutoVideoSink avs = new AutoVideoSink(() -> registryWith(GOOD, H264));
        avs.setPropertyFromString("filter-caps", "video/x-h264");
        try {
            assertEquals(StateChangeReturn.SUCCESS, avs.setState(State.READY));
            assertEquals("h264videosink", avs.getKid().getFactory().getName());
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, avs.setState(State.NULL));
        }
    }

    @Test
    void aChosenSinkThatCannotTakeTheUpstreamCapsFailsReadyWithAnError() throws Exception {
        Pipeline p = pipeline(registryWith(H264), 1); // videotestsrc (raw video) ! autovideosink
        avs(p).setPropertyFromString("filter-caps", "video/x-h264");
        try {
            assertEquals(StateChangeReturn.FAILURE, p.setState(State.READY));
            Message m = p.getBus().timedPop(0, EnumSet.of(MessageType.ERROR));
            Message.Error e = assertInstanceOf(Message.Error.class, m);
            assertSame(avs(p), e.source());
            assertEquals("Failed to set target pad: avs-actual-sink-h264video does not accept the caps of what is"
                    + " linked to avs; check filter-caps", e.text());
        } finally {
            stopAndCheckThreads(p);
        }
    }

    @Test
    void syncAndTsOffsetAreHandedToTheChosenSinkThenAndLater() throws Exception {
        Pipeline p = pipeline(registryWith(GOOD), 1);
        avs(p).setProperty("sync", false);
        avs(p).setProperty("ts-offset", 5_000_000L);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.READY));
            BaseSink kid = assertInstanceOf(BaseSink.class, avs(p).getKid());
            assertEquals(false, kid.get(BaseSink.SYNC));
            assertEquals(5_000_000L, kid.get(BaseSink.TS_OFFSET));
            playToEos(p);
            avs(p).setProperty("sync", true); // while PLAYING, as GStreamer allows
            avs(p).setProperty("ts-offset", -1L);
            assertEquals(true, kid.get(BaseSink.SYNC));
            assertEquals(-1L, kid.get(BaseSink.TS_OFFSET));
        } finally {
            stopAndCheckThreads(p);
        }
    }

    // ---------------------------------------------------------------- the fallback

    @Test
    void noSinkOpensFallsBackToFakesinkWithAWarningNamingEachCandidate() throws Exception {
        Pipeline p = pipeline(registryWith(BROKEN, SILENT, H264), 3);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.READY)); // same rank: by name
            FakeSink kid = assertInstanceOf(FakeSink.class, avs(p).getKid());
            assertEquals(AutoVideoSink.FAKE_NAME, kid.getName());
            assertEquals(true, kid.get(BaseSink.SYNC), "autovideosink's sync=true, not fakesink's default");

            List<Message> messages = playToEos(p); // fails on any ERROR: the candidates' errors stay off the bus
            List<Message.Warning> warnings = warnings(messages);
            assertEquals(1, warnings.size(), messages.toString());
            Message.Warning w = warnings.get(0);
            assertSame(avs(p), w.source());
            assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, w.code(), "the first candidate's error code, as GStreamer");
            assertEquals("Failed to find a usable video sink, using a fakesink instead: nothing will be shown."
                    + " Tried brokenvideosink (" + TestVideoSink.ERROR_TEXT + "); h264videosink (does not accept filter-caps"
                    + " video/x-raw); silentvideosink (failed to go to READY and posted no error).", w.text());
            assertEquals("brokenvideosink: DISPLAY is not set (avs-actual-sink-brokenvideo)", w.debug());
        } finally {
            stopAndCheckThreads(p);
        }
    }

    @Test
    void noCandidateAtAllFallsBackToFakesinkSayingNoneIsInstalled() throws Exception {
        Pipeline p = pipeline(registryWith(UNRANKED), 2);
        try {
            List<Message.Warning> warnings = warnings(playToEos(p));
            assertEquals(1, warnings.size());
            assertEquals(ErrorCode.RESOURCE_NOT_FOUND, warnings.get(0).code());
            assertTrue(warnings.get(0).text().contains("No element with klass Sink/Video and a rank of marginal or"
                    + " higher is installed"), warnings.get(0).text());
            assertInstanceOf(FakeSink.class, avs(p).getKid());
        } finally {
            stopAndCheckThreads(p);
        }
    }

    // ---------------------------------------------------------------- states

    @Test
    void cyclesNullPlayingNullChoosingAgainEachTimeAndLeavesNoThread() throws Exception {
        Pipeline p = pipeline(registryWith(GOOD, BROKEN), -1);
        try {
            for (int i = 0; i < 10; i++) {
                assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING), "cycle " + i);
                Pipeline.StateResult r = p.getState(GUARD);
                assertEquals(State.PLAYING, r.current(), "cycle " + i + ": " + r);
                assertEquals("avs-actual-sink-goodvideo", avs(p).getKid().getName(), "cycle " + i);
                if (i % 3 == 0) {
                    assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PAUSED), "cycle " + i);
                    assertEquals(State.PAUSED, p.getState(GUARD).current(), "cycle " + i);
                }
                stopAndCheckThreads(p);
                // back in NULL the stand-in is in place again, and the chosen sink is out of the bin
                assertEquals(AutoVideoSink.FAKE_NAME, avs(p).getKid().getName(), "cycle " + i);
                assertEquals(1, avs(p).getChildren().size(), "cycle " + i);
            }
        } finally {
            stopAndCheckThreads(p);
        }
    }
}
