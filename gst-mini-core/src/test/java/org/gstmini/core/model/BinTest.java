package org.gstmini.core.model;

import static org.gstmini.core.model.ModelSupport.buffer;
import static org.gstmini.core.model.ModelSupport.startStream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.core.Bin;
import org.gstmini.core.Bus;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.RecordingElement;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.Test;

/** GstBin's model: child order, state aggregation (ASYNC, NO_PREROLL), EOS collection, nesting. */
class BinTest {
    private static final long FIVE_S = 5 * ClockTime.SECOND;

    @org.junit.jupiter.api.BeforeAll
    static void registerTestElements() {
        org.gstmini.core.testing.TestElementsPlugin.register();
    }

    /** A source the test drives by hand from its own thread. */
    static final class ManualSrc extends Element {
        final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));

        ManualSrc() {
            setFlag(ElementFlag.SOURCE, true);
            addPad(src);
        }
    }

    @Test
    void childrenChangeStateSinksFirstInBothDirections() {
        List<String> log = new CopyOnWriteArrayList<>();
        Pipeline p = new Pipeline();
        RecordingElement src = new RecordingElement("a-src", log, false, true);
        RecordingElement mid = new RecordingElement("b-mid", log, true, true);
        RecordingElement sink = new RecordingElement("c-sink", log, true, false);
        p.add(src, sink, mid); // not in stream order on purpose
        Element.linkMany(src, mid, sink);
        assertEquals(List.of(sink, mid, src), p.sortedChildren());

        p.setState(State.PLAYING);
        List<String> expectedUp = new ArrayList<>();
        for (String t : List.of("NULL_TO_READY", "READY_TO_PAUSED", "PAUSED_TO_PLAYING")) {
            expectedUp.addAll(List.of("c-sink:" + t, "b-mid:" + t, "a-src:" + t));
        }
        assertEquals(expectedUp, log);
        log.clear();
        p.setState(State.NULL);
        List<String> expectedDown = new ArrayList<>();
        for (String t : List.of("PLAYING_TO_PAUSED", "PAUSED_TO_READY", "READY_TO_NULL")) {
            expectedDown.addAll(List.of("c-sink:" + t, "b-mid:" + t, "a-src:" + t));
        }
        assertEquals(expectedDown, log);
    }

    @Test
    void sortedOrderPutsEveryElementAfterEverythingItFeeds() {
        List<String> log = new CopyOnWriteArrayList<>();
        Bin bin = new Bin("sorted");
        Element tee = org.gstmini.core.ElementFactory.make("testtee");
        TestSrc src = new TestSrc();
        RecordingElement a = new RecordingElement("branch-a", log, true, true);
        TestSink sinkA = new TestSink();
        TestSink sinkB = new TestSink();
        bin.add(sinkA, src, a, tee, sinkB);
        Element.linkMany(src, tee);
        tee.link(a);
        a.link(sinkA);
        tee.link(sinkB);
        List<Element> order = bin.sortedChildren();
        assertTrue(order.indexOf(sinkA) < order.indexOf(a));
        assertTrue(order.indexOf(a) < order.indexOf(tee));
        assertTrue(order.indexOf(sinkB) < order.indexOf(tee));
        assertTrue(order.indexOf(tee) < order.indexOf(src));
        assertEquals(List.of(sinkA, sinkB), bin.getSinks());
        assertEquals(List.of(src), bin.getSources());
    }

    @Test
    void anAsyncSinkMakesThePipelineAsyncUntilPrerolled() throws Exception {
        Pipeline p = new Pipeline();
        ManualSrc src = new ManualSrc();
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);

        assertEquals(StateChangeReturn.ASYNC, p.setState(State.PLAYING));
        assertEquals(State.READY, p.getCurrentState(), "nothing committed before the preroll");
        Thread streaming = new Thread(() -> {
            startStream(src.src);
            for (int i = 0; i < 5; i++) {
                src.src.push(buffer(i));
            }
            src.src.pushEvent(Event.eos());
        }, "model-streaming");
        streaming.start();
        Message done = p.getBus().timedPop(FIVE_S, MessageType.ASYNC_DONE);
        assertNotNull(done, "no ASYNC_DONE");
        assertSame(p, done.source(), "only the top-level bin posts ASYNC_DONE on the bus");
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PLAYING, r.current());
        assertEquals(State.VOID_PENDING, r.pending());
        assertEquals(State.PLAYING, sink.getCurrentState());
        assertNotNull(p.getBus().timedPop(FIVE_S, MessageType.EOS));
        assertEquals(5, sink.buffers().size());
        streaming.join(5000);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    @Test
    void anAsyncPipelineWithARealSourceReachesPlaying() {
        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc();
        src.set(TestSrc.NUM_BUFFERS, 5);
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);
        // ASYNC, or SUCCESS when the first buffer prerolled the sink before the bin finished
        assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING));
        assertNotNull(p.getBus().timedPop(FIVE_S, MessageType.ASYNC_DONE), "ASYNC_DONE is posted either way");
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PLAYING, r.current());
        assertNotNull(p.getBus().timedPop(FIVE_S, MessageType.EOS));
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    /**
     * The sink prerolls while the bin is finishing READY→PAUSED: whichever thread sees the last
     * ASYNC_DONE, the bin must commit PAUSED once and then take every child to PLAYING. A race,
     * so it is tried many times.
     */
    @Test
    void aPrerollRacingTheBinsOwnStateChangeStillTakesEveryChildToPlaying() {
        for (int i = 0; i < 300; i++) {
            Pipeline p = new Pipeline();
            TestSrc src = new TestSrc();
            src.set(TestSrc.NUM_BUFFERS, 1);
            TestSink sink = new TestSink();
            sink.set(TestSink.ASYNC, true);
            p.add(src, sink);
            Element.linkMany(src, sink);
            assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING));
            Element.StateResult r = p.getState(FIVE_S);
            assertEquals(StateChangeReturn.SUCCESS, r.result(), "try " + i);
            assertEquals(State.PLAYING, r.current(), "try " + i);
            assertEquals(State.PLAYING, sink.getCurrentState(), "sink, try " + i);
            assertEquals(State.PLAYING, src.getCurrentState(), "source, try " + i);
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        }
    }

    @Test
    void pausedWaitsForPrerollAndGetStateTimesOutWhileWaiting() throws Exception {
        Pipeline p = new Pipeline();
        ManualSrc src = new ManualSrc();
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);

        assertEquals(StateChangeReturn.ASYNC, p.setState(State.PAUSED));
        Element.StateResult waiting = p.getState(50 * ClockTime.MSECOND);
        assertEquals(StateChangeReturn.ASYNC, waiting.result(), "no data yet: still prerolling");
        assertEquals(State.READY, waiting.current());
        assertEquals(State.PAUSED, waiting.pending());
        assertTrue(sink.isPrerollPending());

        startStream(src.src);
        assertEquals(FlowReturn.OK, src.src.push(buffer(1)));
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PAUSED, r.current());
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    @Test
    void aLiveSourceMakesPausedNoPrerollAndPlayingStillWorks() throws Exception {
        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc();
        src.set(TestSrc.IS_LIVE, true);
        src.set(TestSrc.NUM_BUFFERS, 5);
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);

        assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED));
        Element.StateResult paused = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.NO_PREROLL, paused.result());
        assertEquals(State.PAUSED, paused.current());
        Thread.sleep(50);
        assertTrue(sink.buffers().isEmpty(), "a live source produces nothing in PAUSED");

        StateChangeReturn ret = p.setState(State.PLAYING);
        assertNotEquals(StateChangeReturn.FAILURE, ret);
        Element.StateResult playing = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, playing.result());
        assertEquals(State.PLAYING, playing.current());
        assertEquals(5, sink.awaitBuffers(5, 5000));
        assertNotNull(p.getBus().timedPop(FIVE_S, MessageType.EOS));
        assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED), "live again on the way down");
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    @Test
    void eosIsPostedOnceAndOnlyWhenEverySinkIsEos() throws Exception {
        Pipeline p = new Pipeline();
        TestSrc quick = new TestSrc();
        quick.set(TestSrc.NUM_BUFFERS, 3);
        TestSink quickSink = new TestSink();
        ManualSrc slow = new ManualSrc();
        TestSink slowSink = new TestSink();
        p.add(quick, quickSink, slow, slowSink);
        Element.linkMany(quick, quickSink);
        Element.linkMany(slow, slowSink);
        AtomicInteger eosCount = new AtomicInteger();
        List<Boolean> slowSinkEosAtPost = new CopyOnWriteArrayList<>();
        p.getBus().setSyncHandler((bus, m) -> {
            if (m.type() == MessageType.EOS) {
                eosCount.incrementAndGet();
                slowSinkEosAtPost.add(slowSink.events().stream().anyMatch(e -> e.type() == EventType.EOS));
            }
            return Bus.SyncReply.PASS;
        });

        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertTrue(ModelSupport.waitFor(() -> quickSink.events().stream().anyMatch(e -> e.type() == EventType.EOS), 5000));
        assertNull(p.getBus().timedPop(200 * ClockTime.MSECOND, MessageType.EOS), "one sink is still playing");

        startStream(slow.src);
        assertEquals(FlowReturn.OK, slow.src.push(buffer(1)));
        assertTrue(slow.src.pushEvent(Event.eos()));
        Message eos = p.getBus().timedPop(FIVE_S, MessageType.EOS);
        assertNotNull(eos);
        assertSame(p, eos.source());
        assertNull(p.getBus().timedPop(200 * ClockTime.MSECOND, MessageType.EOS));
        assertEquals(1, eosCount.get());
        assertEquals(List.of(true), slowSinkEosAtPost);

        // after a restart the pipeline posts EOS again, once
        p.setState(State.READY);
        p.setState(State.PLAYING);
        assertTrue(ModelSupport.waitFor(() -> quickSink.events().stream().filter(e -> e.type() == EventType.EOS).count() == 2, 5000));
        startStream(slow.src);
        slow.src.pushEvent(Event.eos());
        assertNotNull(p.getBus().timedPop(FIVE_S, MessageType.EOS));
        assertEquals(2, eosCount.get());
        p.setState(State.NULL);
    }

    @Test
    void nestedBinWithGhostPadsCarriesDataAndAsyncState() {
        Pipeline p = new Pipeline("outer");
        TestSrc src = new TestSrc();
        src.set(TestSrc.NUM_BUFFERS, 4);
        Bin inner = new Bin("inner");
        PassThrough pt = new PassThrough();
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        inner.add(pt, sink);
        Element.linkMany(pt, sink);
        GhostPad ghost = GhostPad.expose(inner, pt, "sink");
        assertSame(pt.getStaticPad("sink"), ghost.getTarget());
        p.add(src, inner);
        Element.linkMany(src, inner);
        assertSame(ghost, src.src().getPeer());
        assertTrue(inner.hasFlag(ElementFlag.SINK), "a bin holding a sink is a sink");

        assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING)); // ASYNC unless prerolled at once
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PLAYING, r.current());
        assertEquals(State.PLAYING, inner.getCurrentState());
        assertEquals(State.PLAYING, sink.getCurrentState());
        Message eos = p.getBus().timedPop(FIVE_S, MessageType.EOS);
        assertNotNull(eos, "EOS crosses the ghost pad and the inner bin");
        assertSame(p, eos.source());
        assertEquals(4, sink.buffers().size());
        assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT, EventType.EOS),
                sink.events().stream().map(Event::type).toList());
        assertEquals(Caps.parse("test/x-data"), ghost.getCurrentCaps(), "sticky events are stored on the ghost pad");
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        assertEquals(State.NULL, sink.getCurrentState());
        assertTrue(!ghost.isActive(), "the ghost pad is deactivated with its bin");
    }

    /** A pipeline ManualSrc ! TestSink(async) whose source the test feeds from a thread of its own. */
    private static Pipeline manualAsyncPipeline(ManualSrc src, TestSink sink) {
        Pipeline p = new Pipeline();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);
        return p;
    }

    private static Thread prerollFrom(ManualSrc src) {
        Thread t = new Thread(() -> {
            startStream(src.src);
            src.src.push(buffer(1));
        }, "model-streaming");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The application asks for NULL while the last async child's ASYNC_DONE is being handled in
     * the streaming thread: the bin must not commit the application's transition as its own
     * (bin_handle_async_done runs under the object lock and ignores ASYNC_DONE once the target is
     * READY or lower), or the pipeline ends in NULL with its children still in READY.
     */
    @Test
    void goingToNullWhileAsyncDoneIsHandledLeavesEveryChildInNull() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            ManualSrc src = new ManualSrc();
            TestSink sink = new TestSink();
            Pipeline p = manualAsyncPipeline(src, sink);
            java.util.concurrent.CountDownLatch handling = new java.util.concurrent.CountDownLatch(1);
            p.getBus().setSyncHandler((bus, m) -> {
                if (m.type() == MessageType.ASYNC_DONE && m.source() == p
                        && Thread.currentThread().getName().equals("model-streaming")) {
                    handling.countDown();
                    sleep(200); // the application's setState(NULL) starts meanwhile
                }
                return Bus.SyncReply.PASS;
            });
            assertEquals(StateChangeReturn.ASYNC, p.setState(State.PLAYING));
            Thread streaming = prerollFrom(src);
            assertTrue(handling.await(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
            streaming.join(5000);
            assertEquals(State.NULL, p.getCurrentState());
            assertEquals(State.NULL, src.getCurrentState());
            assertEquals(State.NULL, sink.getCurrentState(), "the sink was left behind");
            assertTrue(ModelSupport.awaitNoThreads(n -> n.equals(p.getName() + ":continue"), 1000).isEmpty());
        });
    }

    /**
     * The bin has committed PAUSED and started its continuation towards PLAYING when the
     * application asks for NULL: the continuation must give way, not wait for the state lock the
     * application holds while it joins the continuation (a deadlock).
     */
    @Test
    void goingToNullWhileTheBinContinuesToPlayingDoesNotDeadlock() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            ManualSrc src = new ManualSrc();
            TestSink sink = new TestSink();
            Pipeline p = manualAsyncPipeline(src, sink);
            java.util.concurrent.CountDownLatch committed = new java.util.concurrent.CountDownLatch(1);
            p.getBus().setSyncHandler((bus, m) -> {
                if (m instanceof Message.StateChanged sc && m.source() == p && sc.newState() == State.PAUSED
                        && sc.pending() == State.PLAYING && Thread.currentThread().getName().equals("model-streaming")) {
                    committed.countDown();
                    sleep(300); // the continuation starts only after the application holds the state lock
                }
                return Bus.SyncReply.PASS;
            });
            assertEquals(StateChangeReturn.ASYNC, p.setState(State.PLAYING));
            Thread streaming = prerollFrom(src);
            assertTrue(committed.await(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
            streaming.join(5000);
            assertEquals(State.NULL, p.getCurrentState());
            assertEquals(State.NULL, sink.getCurrentState());
            assertTrue(ModelSupport.awaitNoThreads(n -> n.equals(p.getName() + ":continue"), 1000).isEmpty());
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNestedBinIsAsyncUntilItsSinkPrerolls() throws Exception {
        Pipeline p = new Pipeline();
        ManualSrc src = new ManualSrc();
        Bin inner = new Bin("inner-async");
        PassThrough pt = new PassThrough();
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        inner.add(pt, sink);
        Element.linkMany(pt, sink);
        GhostPad.expose(inner, pt, "sink");
        p.add(src, inner);
        Element.linkMany(src, inner);

        assertEquals(StateChangeReturn.ASYNC, p.setState(State.PAUSED));
        Element.StateResult innerState = inner.getState(0);
        assertEquals(StateChangeReturn.ASYNC, innerState.result(), "the inner bin waits for its sink");
        assertEquals(State.READY, innerState.current());
        assertEquals(State.PAUSED, innerState.pending());
        assertEquals(StateChangeReturn.ASYNC, p.getState(20 * ClockTime.MSECOND).result());

        Thread streaming = new Thread(() -> {
            startStream(src.src);
            src.src.push(buffer(1));
        }, "model-streaming");
        streaming.start();
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PAUSED, r.current());
        assertEquals(State.PAUSED, inner.getCurrentState());
        streaming.join(5000);
        assertEquals(1, sink.buffers().size(), "the buffer crossed the ghost pad");
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertEquals(State.PLAYING, sink.getCurrentState());
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    @Test
    void getByNameSearchesNestedBins() {
        Pipeline p = new Pipeline("top");
        Bin mid = new Bin("mid");
        Bin deep = new Bin("deep");
        TestSink target = new TestSink();
        target.setName("needle");
        deep.add(target);
        mid.add(deep);
        p.add(mid);
        assertSame(target, p.getByName("needle"));
        assertSame(deep, p.getByName("deep"));
        assertSame(target, deep.getByName("needle"));
        assertNull(p.getByName("haystack"));
        assertEquals(List.of(mid, deep, target), p.getChildrenRecursive());
        assertEquals("/Pipeline:top/Bin:mid/Bin:deep/TestSink:needle", target.getPathString());
        assertSame(p.getBus(), target.getBus());
    }

    @Test
    void removeUnlinksAndForgetsTheChild() {
        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc();
        TestSink sink = new TestSink();
        p.add(src, sink);
        Element.linkMany(src, sink);
        assertTrue(p.hasFlag(ElementFlag.SINK));
        p.remove(sink);
        assertNull(sink.getParent());
        assertNull(p.getByName(sink.getName()));
        assertTrue(!src.src().isLinked(), "removing unlinks the pads");
        assertTrue(!p.hasFlag(ElementFlag.SINK), "no sink left");
        assertEquals(List.of(src), p.getChildren());
        assertThrows(IllegalArgumentException.class, () -> p.remove(sink));
        assertThrows(IllegalArgumentException.class, () -> p.add(src), "already in a bin");
        assertThrows(IllegalArgumentException.class, () -> p.add(p), "a bin cannot contain itself");
        Bin other = new Bin();
        other.add(sink); // free to join another bin now
        assertSame(other, sink.getParent());
    }

    @Test
    void removingThePendingAsyncChildCompletesTheAsyncChange() {
        Pipeline p = new Pipeline();
        TestSink waiting = new TestSink();
        waiting.set(TestSink.ASYNC, true);
        p.add(waiting);
        assertEquals(StateChangeReturn.ASYNC, p.setState(State.PAUSED));
        p.remove(waiting);
        Element.StateResult r = p.getState(FIVE_S);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PAUSED, r.current());
        p.setState(State.NULL);
        waiting.setState(State.NULL);
    }
}
