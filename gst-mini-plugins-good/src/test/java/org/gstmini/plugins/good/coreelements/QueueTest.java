package org.gstmini.plugins.good.coreelements;

import static org.gstmini.plugins.good.coreelements.QueueTestElements.HANG_GUARD_SECONDS;
import static org.gstmini.plugins.good.coreelements.QueueTestElements.await;
import static org.gstmini.plugins.good.coreelements.QueueTestElements.liveThreads;
import static org.gstmini.plugins.good.coreelements.QueueTestElements.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.Registry;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.Task;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Collector;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Feeder;
import org.gstmini.plugins.good.coreelements.QueueTestElements.LoopSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queue with real threads: its task pushes on a thread of its own, and the tests check
 * what arrives where, not how fast. Waits are bounded only as hang guards.
 */
class QueueTest {

    @BeforeAll
    static void registerPlugin() {
        if (Registry.get().findFactory("queue") == null) {
            Registry.get().registerStatic(new CoreElementsPlugin());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Feeder ! queue ! collector in a pipeline, linked; not started. */
    private record Chain(Pipeline pipeline, Feeder feeder, Queue queue, Collector collector) {
        static Chain of(Queue queue) {
            Pipeline p = new Pipeline();
            Feeder f = new Feeder();
            Collector c = new Collector();
            p.add(f, queue, c);
            Element.linkMany(f, queue, c);
            return new Chain(p, f, queue, c);
        }

        static Chain of() {
            return of(new Queue());
        }

        Chain play() {
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
            return this;
        }

        void stop() {
            QueueTest.stop(pipeline, feeder, queue, collector);
        }
    }

    /** Sets NULL (a hang fails the test) and checks that no streaming thread of the elements is left. */
    static void stop(Pipeline p, Element... elements) {
        StateChangeReturn ret = assertTimeoutPreemptively(Duration.ofSeconds(HANG_GUARD_SECONDS),
                () -> p.setState(State.NULL), "setting the pipeline to NULL hung");
        assertEquals(StateChangeReturn.SUCCESS, ret);
        for (Element e : elements) {
            assertEquals(State.NULL, e.getCurrentState(), e.getName());
            assertEquals(List.of(), liveThreads(e.getName() + ":"), "streaming threads of " + e.getName() + " left after NULL");
        }
    }

    private static Task.Status taskStatus(Queue q) {
        Task t = q.getStaticPad("src").getTask();
        return t == null ? Task.Status.STOPPED : t.getStatus();
    }

    /** Records the queue's signals by name. */
    private static final class Signals implements Queue.Listener {
        final List<String> names = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void underrun(Queue queue) {
            names.add("underrun");
        }

        @Override
        public void running(Queue queue) {
            names.add("running");
        }

        @Override
        public void overrun(Queue queue) {
            names.add("overrun");
        }

        @Override
        public void pushing(Queue queue) {
            names.add("pushing");
        }

        int count(String name) {
            synchronized (names) {
                return (int) names.stream().filter(name::equals).count();
            }
        }

        List<String> snapshot() {
            synchronized (names) {
                return List.copyOf(names);
            }
        }

        String last() {
            synchronized (names) {
                return names.isEmpty() ? null : names.get(names.size() - 1);
            }
        }
    }

    // ---------------------------------------------------------------- factory and properties

    @Test
    void factoryAndPropertiesAreGStreamers() {
        Element q = ElementFactory.make("queue");
        assertInstanceOf(Queue.class, q);
        assertEquals("Queue", q.getFactory().getLongName());
        assertEquals("Generic", q.getFactory().getKlass());
        assertEquals("Simple data queue", q.getFactory().getDescription());
        assertEquals(200, q.getProperty("max-size-buffers"));
        assertEquals(10485760, q.getProperty("max-size-bytes"));
        assertEquals(ClockTime.SECOND, q.getProperty("max-size-time"));
        assertEquals(0, q.getProperty("min-threshold-buffers"));
        assertEquals(0, q.getProperty("min-threshold-bytes"));
        assertEquals(0L, q.getProperty("min-threshold-time"));
        assertEquals(QueueLeaky.NO, q.getProperty("leaky"));
        assertEquals(false, q.getProperty("silent"));
        assertEquals(false, q.getProperty("flush-on-eos"));
        assertEquals(0, q.getProperty("current-level-buffers"));
        assertEquals(0, q.getProperty("current-level-bytes"));
        assertEquals(0L, q.getProperty("current-level-time"));

        q.setPropertyFromString("leaky", "downstream");
        assertEquals(QueueLeaky.DOWNSTREAM, q.getProperty("leaky"));
        q.setPropertyFromString("leaky", "1");
        assertEquals(QueueLeaky.UPSTREAM, q.getProperty("leaky"));
        q.setPropertyFromString("leaky", "no");
        assertEquals(QueueLeaky.NO, q.getProperty("leaky"));
        assertThrows(IllegalArgumentException.class, () -> q.setProperty("current-level-buffers", 3));
        assertThrows(IllegalArgumentException.class, () -> q.setProperty("max-size-buffers", -1));
    }

    @Test
    void limitsCanChangeWhilePlaying() {
        try (Harness h = new Harness(new Queue())) {
            h.getElement().setProperty("max-size-buffers", 5);
            h.getElement().setProperty("leaky", QueueLeaky.DOWNSTREAM);
            h.getElement().setProperty("min-threshold-time", 0L);
            h.getElement().setProperty("silent", true);
            assertEquals(5, h.getElement().getProperty("max-size-buffers"));
        }
    }

    // ---------------------------------------------------------------- the new thread

    @Test
    void theTaskPushesOnItsOwnThreadNamedAfterThePad() {
        Chain c = Chain.of((Queue) ElementFactory.make("queue", "queue0")).play();
        try {
            c.feeder.begin();
            for (int i = 0; i < 5; i++) {
                assertEquals(FlowReturn.OK, c.feeder.push(numbered(i)));
            }
            assertTrue(c.collector.awaitBuffers(5));
            assertEquals(List.of(0, 1, 2, 3, 4), c.collector.indexes());
            assertEquals(Set.of("queue0:src"), Set.copyOf(c.collector.threads()));
            assertEquals(List.of("queue0:src"), liveThreads("queue0:"));
        } finally {
            c.stop();
        }
    }

    @Test
    void eventsStayInOrderWithTheData() {
        Chain c = Chain.of().play();
        try {
            c.feeder.begin();
            c.feeder.push(numbered(0));
            c.feeder.push(numbered(1));
            c.feeder.event(Event.eos());
            assertTrue(c.collector.awaitEvent(EventType.EOS));
            List<Object> items = c.collector.items();
            assertEquals(6, items.size(), items.toString());
            assertEquals(EventType.STREAM_START, ((Event) items.get(0)).type());
            assertEquals(EventType.CAPS, ((Event) items.get(1)).type());
            assertEquals(EventType.SEGMENT, ((Event) items.get(2)).type());
            assertEquals(0, QueueTestElements.indexOf((Buffer) items.get(3)));
            assertEquals(1, QueueTestElements.indexOf((Buffer) items.get(4)));
            assertEquals(EventType.EOS, ((Event) items.get(5)).type());
            // After pushing EOS the task pauses; more data is refused.
            assertTrue(await(() -> taskStatus(c.queue) == Task.Status.PAUSED));
            assertEquals(FlowReturn.EOS, c.feeder.push(numbered(2)));
        } finally {
            c.stop();
        }
    }

    /**
     * The task is only signalled when it waits: the last buffers of each burst must still go
     * out when nothing follows them, neither more data nor an event (a lost wake-up would leave
     * them queued).
     */
    @Test
    void theLastBuffersOfABurstGoOutWithoutMoreInput() {
        Chain c = Chain.of().play();
        try {
            c.feeder.begin();
            int pushed = 0;
            for (int burst = 0; burst < 5; burst++) {
                for (int i = 0; i < 30; i++) {
                    assertEquals(FlowReturn.OK, c.feeder.push(numbered(pushed++)));
                }
                assertTrue(c.collector.awaitBuffers(pushed), "burst " + burst + " delivered");
                assertEquals(0, c.queue.currentLevels().buffers());
            }
            assertEquals(IntStream.range(0, pushed).boxed().toList(), c.collector.indexes());
        } finally {
            c.stop();
        }
    }

    // ---------------------------------------------------------------- levels and thresholds

    @Test
    void levelsCountBuffersBytesAndTimeWhileNothingLeaves() {
        Queue q = new Queue();
        q.setProperty("min-threshold-buffers", 100); // hold everything back
        try (Harness h = new Harness(q)) {
            h.setSrcCapsStr("test/x-data");
            for (int i = 0; i < 4; i++) {
                assertEquals(FlowReturn.OK, h.push(numbered(i, 100 * (i + 1))));
            }
            assertEquals(4, q.getProperty("current-level-buffers"));
            assertEquals(1000, q.getProperty("current-level-bytes"));
            // Nothing went out yet: from the running time of the first buffer to the end of the last.
            assertEquals(40 * ClockTime.MSECOND, q.getProperty("current-level-time"));

            q.setProperty("min-threshold-buffers", 0); // let it go
            for (int i = 0; i < 4; i++) {
                assertEquals(i, QueueTestElements.indexOf(h.pull()));
            }
            assertEquals(new Queue.Levels(0, 0, 0), q.currentLevels());
        }
    }

    @Test
    void timeLevelIsTheRunningTimeBetweenInputAndOutput() {
        Chain c = Chain.of();
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            Segment fast = new Segment(Format.TIME);
            fast.setRate(2.0); // running time advances half as fast as the timestamps
            c.feeder.event(Event.segment(fast));
            c.feeder.push(numbered(0));
            assertTrue(c.collector.awaitWaiting()); // buffer 0 left the queue and is stuck downstream
            c.feeder.push(numbered(1));
            c.feeder.push(numbered(2));
            c.feeder.push(numbered(3));
            // In: end of buffer 3 = 40 ms -> running time 20 ms. Out: end of buffer 0 = 10 ms -> 5 ms.
            assertEquals(new Queue.Levels(3, 12, 15 * ClockTime.MSECOND), c.queue.currentLevels());
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void minThresholdsHoldTheTaskBackUntilReached() {
        Queue q = new Queue();
        Signals signals = new Signals();
        q.addListener(signals);
        q.setProperty("min-threshold-buffers", 3);
        try (Harness h = new Harness(q)) {
            h.setSrcCapsStr("test/x-data");
            // Once the three events are out, the queue is empty: the task says so, then waits.
            assertTrue(await(() -> h.eventsReceived() >= 3 && "underrun".equals(signals.last())));
            signals.names.clear();
            assertEquals(FlowReturn.OK, h.push(numbered(0)));
            assertEquals(FlowReturn.OK, h.push(numbered(1)));
            assertEquals(2, q.getProperty("current-level-buffers"));
            assertNull(h.tryPull());
            assertEquals(List.of(), signals.snapshot(), "below the threshold the task keeps waiting");
            assertEquals(FlowReturn.OK, h.push(numbered(2)));
            // The threshold is reached: one buffer may go, which brings the level below it again.
            assertEquals(0, QueueTestElements.indexOf(h.pull()));
            assertEquals(List.of("running", "pushing"), signals.snapshot().subList(0, 2));
            assertTrue(await(() -> q.currentLevels().buffers() == 2));
            assertEquals(FlowReturn.OK, h.push(numbered(3)));
            assertEquals(1, QueueTestElements.indexOf(h.pull()));
            // EOS drops the thresholds so that everything left comes out.
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(2, QueueTestElements.indexOf(h.pullUntilEos()));
            assertEquals(3, QueueTestElements.indexOf(h.pullUntilEos()));
            assertNull(h.pullUntilEos());
        }
    }

    @Test
    void minThresholdTimeCountsRunningTime() {
        Queue q = new Queue();
        q.setProperty("min-threshold-time", 25 * ClockTime.MSECOND);
        try (Harness h = new Harness(q)) {
            h.setSrcCapsStr("test/x-data");
            h.push(numbered(0));
            h.push(numbered(1)); // 20 ms queued: below the threshold
            assertEquals(20 * ClockTime.MSECOND, q.getProperty("current-level-time"));
            assertNull(h.tryPull());
            h.push(numbered(2)); // 30 ms
            assertEquals(0, QueueTestElements.indexOf(h.pull()));
        }
    }

    @Test
    void eosLetsEverythingOutDespiteTheThreshold() {
        Queue q = new Queue();
        q.setProperty("min-threshold-buffers", 10);
        try (Harness h = new Harness(q)) {
            h.setSrcCapsStr("test/x-data");
            h.push(numbered(0));
            h.push(numbered(1));
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(0, QueueTestElements.indexOf(h.pullUntilEos()));
            assertEquals(1, QueueTestElements.indexOf(h.pullUntilEos()));
            assertNull(h.pullUntilEos());
        }
    }

    // ---------------------------------------------------------------- full queue

    @Test
    void aFullQueueBlocksUpstreamAndLosesNothing() throws Exception {
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 2);
        Signals signals = new Signals();
        queue.addListener(signals);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            List<FlowReturn> returns = Collections.synchronizedList(new ArrayList<>());
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 6; i++) {
                    returns.add(c.feeder.push(numbered(i)));
                }
            }, "producer");
            producer.start();
            assertTrue(c.collector.awaitWaiting());
            // 0 is downstream, 1 and 2 fill the queue, and the producer waits with 3.
            assertTrue(await(() -> producer.getState() == Thread.State.WAITING && queue.currentLevels().buffers() == 2));
            assertTrue(signals.count("overrun") >= 1);
            assertEquals(3, returns.size(), "0, 1 and 2 were taken; the push of 3 waits");
            c.collector.unblock();
            producer.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            assertFalse(producer.isAlive());
            assertTrue(c.collector.awaitBuffers(6));
            assertEquals(List.of(0, 1, 2, 3, 4, 5), c.collector.indexes());
            assertEquals(Collections.nCopies(6, FlowReturn.OK), returns);
            assertTrue(c.collector.buffers().stream().noneMatch(b -> b.hasFlag(BufferFlag.DISCONT)));
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void leakyDownstreamDropsTheOldestAndMarksTheNextDiscont() {
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 2);
        queue.setProperty("leaky", QueueLeaky.DOWNSTREAM);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            assertEquals(FlowReturn.OK, c.feeder.push(numbered(0)));
            assertTrue(c.collector.awaitWaiting()); // 0 is downstream, the consumer is stuck
            for (int i = 1; i <= 4; i++) {
                assertEquals(FlowReturn.OK, c.feeder.push(numbered(i))); // never blocks
            }
            assertEquals(2, queue.currentLevels().buffers()); // 1 and 2 were dropped for 3 and 4
            c.collector.unblock();
            assertTrue(c.collector.awaitBuffers(3));
            assertEquals(List.of(0, 3, 4), c.collector.indexes());
            List<Buffer> got = c.collector.buffers();
            assertFalse(got.get(0).hasFlag(BufferFlag.DISCONT));
            assertTrue(got.get(1).hasFlag(BufferFlag.DISCONT), "the first buffer after the drop");
            assertFalse(got.get(2).hasFlag(BufferFlag.DISCONT));
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void leakyUpstreamDropsTheNewestAndMarksTheNextDiscont() {
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 2);
        queue.setProperty("leaky", QueueLeaky.UPSTREAM);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            assertEquals(FlowReturn.OK, c.feeder.push(numbered(0)));
            assertTrue(c.collector.awaitWaiting());
            for (int i = 1; i <= 4; i++) {
                assertEquals(FlowReturn.OK, c.feeder.push(numbered(i))); // 3 and 4 are dropped
            }
            assertEquals(2, queue.currentLevels().buffers());
            c.collector.unblock();
            assertTrue(c.collector.awaitBuffers(3));
            assertEquals(new Queue.Levels(0, 0, 0), queue.currentLevels());
            assertEquals(FlowReturn.OK, c.feeder.push(numbered(5)));
            assertTrue(c.collector.awaitBuffers(4));
            assertEquals(List.of(0, 1, 2, 5), c.collector.indexes());
            List<Buffer> got = c.collector.buffers();
            for (int i = 0; i < 3; i++) {
                assertFalse(got.get(i).hasFlag(BufferFlag.DISCONT), "buffer " + i);
            }
            assertTrue(got.get(3).hasFlag(BufferFlag.DISCONT), "the first buffer after the drop");
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void flushOnEosDiscardsQueuedData() {
        Queue queue = new Queue();
        queue.setProperty("flush-on-eos", true);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            c.feeder.push(numbered(0));
            assertTrue(c.collector.awaitWaiting());
            c.feeder.push(numbered(1));
            c.feeder.push(numbered(2));
            assertTrue(c.feeder.event(Event.eos()));
            assertEquals(0, queue.currentLevels().buffers());
            c.collector.unblock();
            assertTrue(c.collector.awaitEvent(EventType.EOS));
            assertEquals(List.of(0), c.collector.indexes());
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    // ---------------------------------------------------------------- flushing

    @Test
    void flushStartUnblocksTheChainAndTheTaskAndFlushStopRestarts() throws Exception {
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 1);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            c.feeder.push(numbered(0));
            assertTrue(c.collector.awaitWaiting()); // the task is blocked downstream
            c.feeder.push(numbered(1)); // fills the queue
            AtomicReference<FlowReturn> blocked = new AtomicReference<>();
            Thread producer = new Thread(() -> blocked.set(c.feeder.push(numbered(2))), "producer");
            producer.start();
            assertTrue(await(() -> producer.getState() == Thread.State.WAITING)); // the chain waits for room

            assertTrue(c.feeder.event(Event.flushStart()));
            producer.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            assertFalse(producer.isAlive(), "FLUSH_START must wake the blocked chain");
            assertEquals(FlowReturn.FLUSHING, blocked.get());
            assertEquals(Task.Status.PAUSED, taskStatus(queue), "the task left its loop and paused");
            assertEquals(FlowReturn.FLUSHING, c.feeder.push(numbered(3)));
            assertTrue(c.collector.eventTypes().contains(EventType.FLUSH_START));

            assertTrue(c.feeder.event(Event.flushStop(true)));
            assertEquals(new Queue.Levels(0, 0, 0), queue.currentLevels());
            assertEquals(Task.Status.STARTED, taskStatus(queue));
            assertTrue(c.collector.eventTypes().contains(EventType.FLUSH_STOP));
            c.collector.unblock();
            c.feeder.segment(); // after a flush, a new segment comes first
            assertEquals(FlowReturn.OK, c.feeder.push(numbered(10)));
            assertTrue(c.collector.awaitBuffers(1));
            assertEquals(List.of(10), c.collector.indexes(), "the flushed buffers are gone");
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void flushStartWakesATaskWaitingOnAnEmptyQueue() {
        Queue queue = new Queue();
        Signals signals = new Signals();
        queue.addListener(signals);
        Chain c = Chain.of(queue).play();
        try {
            assertTrue(await(() -> signals.count("underrun") >= 1)); // the task waits for data
            assertTrue(c.feeder.event(Event.flushStart()));
            assertEquals(Task.Status.PAUSED, taskStatus(queue));
            assertTrue(c.feeder.event(Event.flushStop(true)));
            assertEquals(Task.Status.STARTED, taskStatus(queue));
            c.feeder.begin();
            c.feeder.push(numbered(0));
            assertTrue(c.collector.awaitBuffers(1));
        } finally {
            c.stop();
        }
    }

    // ---------------------------------------------------------------- state changes

    @Test
    void nullWhileTheProducerIsBlockedOnAFullQueue() {
        Pipeline p = new Pipeline();
        LoopSource src = new LoopSource(-1, i -> 0);
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 3);
        Collector sink = new Collector();
        sink.block();
        p.add(src, queue, sink);
        Element.linkMany(src, queue, sink);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertTrue(sink.awaitWaiting());
        assertTrue(await(() -> queue.currentLevels().buffers() == 3));
        assertTrue(await(() -> {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(src.getName() + ":src")) {
                    return t.getState() == Thread.State.WAITING;
                }
            }
            return false;
        }), "the source's task waits in the queue's chain function");
        stop(p, src, queue, sink);
    }

    @Test
    void nullWhileTheTaskWaitsOnAnEmptyQueue() {
        Queue queue = new Queue();
        Signals signals = new Signals();
        queue.addListener(signals);
        Chain c = Chain.of(queue).play();
        assertTrue(await(() -> signals.count("underrun") >= 1));
        assertEquals(1, liveThreads(queue.getName() + ":").size());
        c.stop();
    }

    @Test
    void nullPlayingNullRepeatedlyWhileDataFlows() {
        Pipeline p = new Pipeline();
        LoopSource src = new LoopSource(-1, i -> 0);
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 4);
        Collector sink = new Collector();
        p.add(src, queue, sink);
        Element.linkMany(src, queue, sink);
        for (int round = 0; round < 25; round++) {
            int before = sink.bufferCount();
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING), "round " + round);
            assertTrue(sink.awaitBuffers(before + 3), "round " + round);
            stop(p, src, queue, sink);
        }
    }

    // ---------------------------------------------------------------- downstream returns

    @Test
    void notLinkedIsGivenToUpstreamAndAnErrorPostedOnceUpstreamSentEos() {
        Pipeline p = new Pipeline();
        Feeder feeder = new Feeder();
        Queue queue = new Queue();
        p.add(feeder, queue);
        feeder.linkOrThrow(queue); // the queue's source pad stays unlinked
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        try {
            feeder.begin();
            int[] i = {0};
            assertTrue(await(() -> feeder.push(numbered(i[0]++)) == FlowReturn.NOT_LINKED));
            assertFalse(feeder.event(Event.eos()));
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS), MessageType.ERROR);
            assertNotNull(m);
            assertSame(queue, m.source());
            Message.Error error = (Message.Error) m;
            assertEquals("Internal data stream error.", error.text());
            assertTrue(error.debug().contains("not-linked"), error.debug());
        } finally {
            stop(p, feeder, queue);
        }
    }

    @Test
    void aReconfigureAfterRelinkingRestartsTheTask() {
        Pipeline p = new Pipeline();
        Feeder feeder = new Feeder();
        Queue queue = new Queue();
        Collector sink = new Collector();
        p.add(feeder, queue, sink);
        feeder.linkOrThrow(queue);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        try {
            feeder.begin();
            int[] i = {0};
            assertTrue(await(() -> feeder.push(numbered(i[0]++)) == FlowReturn.NOT_LINKED));
            assertEquals(Task.Status.PAUSED, taskStatus(queue));
            queue.linkOrThrow(sink);
            // gst_pad_link sends RECONFIGURE upstream; here the new peer sends it.
            assertTrue(sink.sink.pushEvent(Event.reconfigure()));
            assertTrue(await(() -> feeder.push(numbered(100)) == FlowReturn.OK));
            assertTrue(await(() -> sink.indexes().contains(100)), "data flows again");
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                    sink.eventTypes().subList(0, 3), "the stored sticky events reach the new peer first");
        } finally {
            stop(p, feeder, queue, sink);
        }
    }

    @Test
    void aLeakedCapsEventStillReachesDownstreamBeforeTheNextBuffer() {
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", 1);
        queue.setProperty("leaky", QueueLeaky.DOWNSTREAM);
        Chain c = Chain.of(queue);
        c.collector.block();
        c.play();
        try {
            c.feeder.begin();
            c.feeder.push(numbered(0));
            assertTrue(c.collector.awaitWaiting());
            Caps v2 = Caps.parse("test/x-data, version=(int)2");
            assertTrue(c.feeder.event(Event.caps(v2)));
            c.feeder.push(numbered(1)); // [CAPS v2, 1]: full
            c.feeder.push(numbered(2)); // leaks CAPS v2 and 1
            c.collector.unblock();
            assertTrue(c.collector.awaitBuffers(2));
            List<Object> items = c.collector.items();
            Object beforeLast = items.get(items.size() - 2);
            assertInstanceOf(Event.CapsEvent.class, beforeLast, items.toString());
            assertTrue(((Event.CapsEvent) beforeLast).caps().isEqualTo(v2));
            assertEquals(List.of(0, 2), c.collector.indexes());
            assertTrue(c.collector.buffers().get(1).hasFlag(BufferFlag.DISCONT));
        } finally {
            c.collector.unblock();
            c.stop();
        }
    }

    @Test
    void aDownstreamErrorIsGivenToUpstream() {
        Chain c = Chain.of();
        c.collector.returnValue = FlowReturn.ERROR;
        c.play();
        try {
            c.feeder.begin();
            int[] i = {0};
            assertTrue(await(() -> c.feeder.push(numbered(i[0]++)) == FlowReturn.ERROR));
            assertEquals(Task.Status.PAUSED, taskStatus(c.queue));
        } finally {
            c.stop();
        }
    }

    @Test
    void downstreamEosMakesTheQueueRefuseDataButPassEos() {
        Chain c = Chain.of();
        c.collector.returnValue = FlowReturn.EOS;
        c.play();
        try {
            c.feeder.begin();
            int[] i = {0};
            assertTrue(await(() -> c.feeder.push(numbered(i[0]++)) == FlowReturn.EOS));
            assertTrue(c.feeder.event(Event.eos()));
            assertTrue(c.collector.awaitEvent(EventType.EOS));
        } finally {
            c.stop();
        }
    }

    // ---------------------------------------------------------------- upstream events and queries

    @Test
    void upstreamEventsPassThrough() {
        Chain c = Chain.of().play();
        try {
            Event seek = Event.seek(1.0, Format.TIME, Set.of(SeekFlag.FLUSH), SeekType.SET, 0, SeekType.NONE, ClockTime.NONE);
            Event qos = Event.qos(Event.QosType.UNDERFLOW, 1.0, 0, 0);
            assertTrue(c.collector.sink.pushEvent(seek));
            assertTrue(c.collector.sink.pushEvent(qos));
            assertEquals(List.of(seek, qos), c.feeder.upstreamEvents().stream()
                    .filter(e -> e.type() != EventType.LATENCY).toList()); // the pipeline sends LATENCY
        } finally {
            c.stop();
        }
    }

    @Test
    void capsQueriesAreProxied() {
        Chain c = Chain.of();
        c.collector.caps = Caps.parse("video/x-raw, format=(string)RGB");
        c.feeder.caps = Caps.parse("video/x-raw");
        assertTrue(c.feeder.src.peerQueryCaps(null).isEqualTo(Caps.parse("video/x-raw, format=(string)RGB")));
        assertTrue(c.collector.sink.peerQueryCaps(null).isEqualTo(Caps.parse("video/x-raw")));
    }

    @Test
    void latencyQueryAddsWhatTheQueueCanHold() {
        Chain c = Chain.of();
        c.feeder.live = true;
        c.feeder.latencyMin = 5 * ClockTime.MSECOND;
        c.feeder.latencyMax = 20 * ClockTime.MSECOND;
        Pad sinkPad = c.collector.sink;

        Query.LatencyQuery q = new Query.LatencyQuery();
        assertTrue(sinkPad.peerQuery(q));
        assertTrue(q.live());
        assertEquals(5 * ClockTime.MSECOND, q.min());
        assertEquals(20 * ClockTime.MSECOND + ClockTime.SECOND, q.max());

        c.queue.setProperty("min-threshold-time", 10 * ClockTime.MSECOND);
        q = new Query.LatencyQuery();
        assertTrue(sinkPad.peerQuery(q));
        assertEquals(15 * ClockTime.MSECOND, q.min());

        c.queue.setProperty("leaky", QueueLeaky.DOWNSTREAM); // a leaky queue never holds more than its limit
        q = new Query.LatencyQuery();
        assertTrue(sinkPad.peerQuery(q));
        assertEquals(ClockTime.SECOND, q.max());

        c.queue.setProperty("leaky", QueueLeaky.NO);
        c.queue.setProperty("max-size-time", 0L); // no time limit: could hold any amount
        q = new Query.LatencyQuery();
        assertTrue(sinkPad.peerQuery(q));
        assertEquals(ClockTime.NONE, q.max());

        c.queue.setProperty("max-size-time", ClockTime.SECOND);
        c.feeder.latencyMax = ClockTime.NONE; // upstream unlimited stays unlimited
        q = new Query.LatencyQuery();
        assertTrue(sinkPad.peerQuery(q));
        assertEquals(ClockTime.NONE, q.max());
    }

    @Test
    void positionQuerySubtractsWhatIsQueued() {
        Chain c = Chain.of();
        c.feeder.src.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.PositionQuery q) {
                q.setPosition(100 * ClockTime.MSECOND);
                return true;
            }
            return pad.queryDefault(query);
        });
        c.queue.setProperty("min-threshold-buffers", 100);
        c.play();
        try {
            c.feeder.begin();
            c.feeder.push(numbered(0));
            c.feeder.push(numbered(1));
            Query.PositionQuery q = new Query.PositionQuery(Format.TIME);
            assertTrue(c.collector.sink.peerQuery(q));
            assertEquals(80 * ClockTime.MSECOND, q.position());
        } finally {
            c.stop();
        }
    }
}
