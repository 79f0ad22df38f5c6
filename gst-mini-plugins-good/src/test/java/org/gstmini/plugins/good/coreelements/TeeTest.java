package org.gstmini.plugins.good.coreelements;

import static org.gstmini.plugins.good.coreelements.QueueTestElements.liveThreads;
import static org.gstmini.plugins.good.coreelements.QueueTestElements.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadPresence;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Collector;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Feeder;
import org.gstmini.plugins.good.coreelements.QueueTestElements.LoopSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeeTest {

    @BeforeAll
    static void registerPlugin() {
        if (Registry.get().findFactory("tee") == null) {
            Registry.get().registerStatic(new CoreElementsPlugin());
        }
    }

    /** feeder ! tee, playing, with {@code branches} collectors on request pads. */
    private static final class Rig {
        final Pipeline pipeline = new Pipeline();
        final Feeder feeder = new Feeder();
        final Tee tee = new Tee();
        final List<Collector> collectors = new ArrayList<>();
        final List<Pad> pads = new ArrayList<>();

        Rig(int branches) {
            pipeline.add(feeder, tee);
            feeder.linkOrThrow(tee);
            for (int i = 0; i < branches; i++) {
                addBranch();
            }
        }

        Collector addBranch() {
            Collector c = new Collector();
            pipeline.add(c);
            Pad pad = tee.requestPad("src_%u");
            assertNotNull(pad);
            if (pipeline.getCurrentState() != State.NULL) {
                assertTrue(c.syncStateWithParent());
            }
            pad.linkOrThrow(c.sink);
            collectors.add(c);
            pads.add(pad);
            return c;
        }

        Rig play() {
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
            return this;
        }

        void stop() {
            List<Element> all = new ArrayList<>(List.of(feeder, tee));
            all.addAll(collectors);
            QueueTest.stop(pipeline, all.toArray(Element[]::new));
        }
    }

    @Test
    void factoryTemplatesAndProperties() {
        Element tee = ElementFactory.make("tee");
        assertInstanceOf(Tee.class, tee);
        assertEquals("Tee pipe fitting", tee.getFactory().getLongName());
        assertEquals("Generic", tee.getFactory().getKlass());
        assertEquals("1-to-N pipe fitting", tee.getFactory().getDescription());
        assertEquals(PadPresence.REQUEST, tee.getPadTemplate("src_%u").presence());
        assertEquals(0, tee.getProperty("num-src-pads"));
        assertEquals(true, tee.getProperty("silent"));
        assertEquals(false, tee.getProperty("allow-not-linked"));
        assertNull(tee.getProperty("last-message"));
    }

    @Test
    void padNamesNumbersAndRelease() {
        Tee tee = new Tee();
        Pad five = tee.requestPad("src_5");
        assertEquals("src_5", five.getName());
        assertNull(tee.requestPad("src_5"), "names are unique");
        assertEquals("src_6", tee.requestPad("src_%u").getName());
        assertEquals(2, tee.getProperty("num-src-pads"));
        tee.releaseRequestPad(five);
        assertEquals(1, tee.getProperty("num-src-pads"));
        assertNull(tee.getStaticPad("src_5"));
        assertEquals("src_5", tee.requestPad("src_5").getName(), "a released number may be used again");
        assertEquals("src_7", tee.requestPad("src_%u").getName());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void everyBranchGetsEveryBufferOnTheSameThread(int branches) {
        Rig rig = new Rig(branches).play();
        try {
            rig.feeder.begin();
            List<Buffer> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Buffer b = numbered(i);
                sent.add(b);
                assertEquals(FlowReturn.OK, rig.feeder.push(b));
            }
            String me = Thread.currentThread().getName();
            for (Collector c : rig.collectors) {
                List<Buffer> got = c.buffers();
                assertEquals(5, got.size());
                for (int i = 0; i < 5; i++) {
                    assertSame(sent.get(i), got.get(i), "the very same buffer goes to every branch");
                }
                assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT), c.eventTypes());
                assertEquals(Set.of(me), Set.copyOf(c.threads()), "a tee starts no thread");
            }
        } finally {
            rig.stop();
        }
    }

    @Test
    void notLinkedOnlyWhenNoBranchIsLinked() {
        Rig rig = new Rig(0).play();
        try {
            rig.feeder.begin();
            assertEquals(FlowReturn.NOT_LINKED, rig.feeder.push(numbered(0)), "no pads at all");
            Pad a = rig.tee.requestPad("src_%u");
            Pad b = rig.tee.requestPad("src_%u");
            assertEquals(FlowReturn.NOT_LINKED, rig.feeder.push(numbered(1)), "two unlinked pads");
            Collector c = rig.addBranch();
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(2)), "one of three linked is enough");
            assertEquals(List.of(2), c.indexes());

            rig.tee.releaseRequestPad(rig.pads.get(0));
            rig.tee.setProperty("allow-not-linked", true);
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(3)), "allow-not-linked: unlinked pads");
            rig.tee.releaseRequestPad(a);
            rig.tee.releaseRequestPad(b);
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(4)), "allow-not-linked: no pads");
            rig.tee.setProperty("allow-not-linked", false);
            assertEquals(FlowReturn.NOT_LINKED, rig.feeder.push(numbered(5)));
        } finally {
            rig.stop();
        }
    }

    @Test
    void aSingleUnlinkedBranchIsNotLinkedUnlessAllowed() {
        Rig rig = new Rig(0).play();
        try {
            rig.feeder.begin();
            rig.tee.requestPad("src_%u");
            assertEquals(FlowReturn.NOT_LINKED, rig.feeder.push(numbered(0)));
            rig.tee.setProperty("allow-not-linked", true);
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(1)));
        } finally {
            rig.stop();
        }
    }

    @Test
    void aFailingBranchStopsTheRoundAndIsReported() {
        Rig rig = new Rig(3).play();
        try {
            rig.feeder.begin();
            rig.collectors.get(1).returnValue = FlowReturn.ERROR;
            assertEquals(FlowReturn.ERROR, rig.feeder.push(numbered(0)));
            assertEquals(List.of(0), rig.collectors.get(0).indexes());
            assertEquals(List.of(), rig.collectors.get(2).indexes(), "branches after the failing one are skipped");

            rig.collectors.get(1).returnValue = FlowReturn.EOS; // as gst_tee_handle_data: EOS is passed up too
            assertEquals(FlowReturn.EOS, rig.feeder.push(numbered(1)));

            rig.collectors.get(1).returnValue = FlowReturn.OK;
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(2)));
            for (Collector c : rig.collectors) {
                assertTrue(c.indexes().contains(2));
            }
        } finally {
            rig.stop();
        }
    }

    @Test
    void stickyEventsAreReplayedToALateBranch() {
        Rig rig = new Rig(1).play();
        try {
            rig.feeder.begin();
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(0)));
            Collector late = rig.addBranch();
            assertEquals(FlowReturn.OK, rig.feeder.push(numbered(1)));
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT), late.eventTypes());
            assertEquals(rig.collectors.get(0).events(), late.events(), "the same events as the first branch");
            assertEquals(List.of(1), late.indexes());
            List<Object> items = late.items();
            assertInstanceOf(Buffer.class, items.get(items.size() - 1), "the events come before the data");
        } finally {
            rig.stop();
        }
    }

    @Test
    void capsQueryIsTheIntersectionOfAllBranches() {
        Rig rig = new Rig(2);
        rig.collectors.get(0).caps = Caps.parse("video/x-raw, format=(string){ RGB, I420 }");
        rig.collectors.get(1).caps = Caps.parse("video/x-raw, format=(string){ I420, NV12 }");
        Caps i420 = Caps.parse("video/x-raw, format=(string)I420");
        assertTrue(rig.feeder.src.peerQueryCaps(null).isEqualTo(i420), rig.feeder.src.peerQueryCaps(null).toString());
        Pad teeSink = rig.tee.getStaticPad("sink");
        assertTrue(teeSink.queryAcceptCaps(i420));
        assertFalse(teeSink.queryAcceptCaps(Caps.parse("video/x-raw, format=(string)RGB")), "one branch refuses RGB");
        assertFalse(teeSink.queryAcceptCaps(Caps.parse("video/x-raw, format=(string)NV12")), "the other refuses NV12");
    }

    @Test
    void upstreamEventsFromABranchReachUpstream() {
        Rig rig = new Rig(2).play();
        try {
            Event seek = Event.seek(1.0, Format.TIME, Set.of(SeekFlag.FLUSH), SeekType.SET, 0, SeekType.NONE, ClockTime.NONE);
            assertTrue(rig.collectors.get(1).sink.pushEvent(seek));
            assertEquals(List.of(seek), rig.feeder.upstreamEvents().stream()
                    .filter(e -> e.type() != EventType.LATENCY).toList()); // the pipeline sends LATENCY
        } finally {
            rig.stop();
        }
    }

    @Test
    void lastMessageWhenNotSilent() {
        Rig rig = new Rig(1).play();
        try {
            rig.tee.setProperty("silent", false);
            rig.feeder.begin();
            rig.feeder.push(numbered(3));
            String msg = (String) rig.tee.getProperty("last-message");
            assertNotNull(msg);
            assertTrue(msg.startsWith("chain"), msg);
        } finally {
            rig.stop();
        }
    }

    @Test
    void requestingAndReleasingBranchesWhileDataFlows() {
        Pipeline p = new Pipeline();
        LoopSource src = new LoopSource(-1, i -> 20_000);
        Tee tee = new Tee();
        Collector steady = new Collector();
        p.add(src, tee, steady);
        src.linkOrThrow(tee);
        tee.linkOrThrow(steady);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        List<Element> all = new ArrayList<>(List.of(src, tee, steady));
        try {
            for (int round = 0; round < 30; round++) {
                Collector late = new Collector();
                p.add(late);
                assertTrue(late.syncStateWithParent());
                Pad pad = tee.requestPad("src_%u");
                pad.linkOrThrow(late.sink);
                assertTrue(late.awaitBuffers(2), "round " + round + ", source failure: " + src.failure);
                List<Object> items = late.items();
                assertEquals(EventType.STREAM_START, ((Event) items.get(0)).type(), "round " + round);
                assertEquals(EventType.CAPS, ((Event) items.get(1)).type(), "round " + round);
                assertEquals(EventType.SEGMENT, ((Event) items.get(2)).type(), "round " + round);
                tee.releaseRequestPad(pad);
                assertEquals(StateChangeReturn.SUCCESS, late.setState(State.NULL));
                p.remove(late);
                all.add(late);
            }
            int sent = src.pushed;
            assertTrue(steady.awaitBuffers(sent));
            List<FlowReturn> returns = src.returns();
            assertTrue(returns.stream().allMatch(r -> r == FlowReturn.OK), "no branch change disturbs upstream: " + returns);
            List<Integer> got = steady.indexes();
            assertEquals(IntStream.range(0, got.size()).boxed().toList(), got, "the steady branch lost nothing");
        } finally {
            QueueTest.stop(p, src, tee, steady);
            for (Element e : all) {
                assertEquals(List.of(), liveThreads(e.getName() + ":"));
            }
        }
    }

    /**
     * A branch requested just as the stream starts: the STREAM_START may be on its way through
     * the tee at that moment. Replaying the sink pad's stored events would miss it (the pad
     * stores an event only after the tee has forwarded it), and the branch's first buffer
     * would then arrive before STREAM_START. Repeated, because it is a race.
     */
    @Test
    void aBranchRequestedAsTheStreamStartsGetsStreamStartFirst() {
        for (int round = 0; round < 100; round++) {
            Pipeline p = new Pipeline();
            LoopSource src = new LoopSource(-1, i -> 0);
            Tee tee = new Tee();
            Collector first = new Collector();
            Collector late = new Collector();
            p.add(src, tee, first, late);
            src.linkOrThrow(tee);
            tee.linkOrThrow(first);
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
            Pad pad = tee.requestPad("src_%u");
            pad.linkOrThrow(late.sink);
            assertTrue(late.awaitBuffers(2), "round " + round + ", source failure: " + src.failure);
            assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                    late.eventTypes().subList(0, 3), "round " + round);
            QueueTest.stop(p, src, tee, first, late);
        }
    }

    @Test
    void aQueueInEveryBranchGivesEachItsOwnThread() {
        Pipeline p = new Pipeline();
        Feeder feeder = new Feeder();
        Tee tee = new Tee();
        Queue q1 = new Queue();
        Queue q2 = new Queue();
        Collector c1 = new Collector();
        Collector c2 = new Collector();
        p.add(feeder, tee, q1, q2, c1, c2);
        feeder.linkOrThrow(tee);
        tee.linkOrThrow(q1);
        tee.linkOrThrow(q2);
        q1.linkOrThrow(c1);
        q2.linkOrThrow(c2);
        c1.block(); // one branch stalls; the other must not
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        try {
            feeder.begin();
            for (int i = 0; i < 10; i++) {
                assertEquals(FlowReturn.OK, feeder.push(numbered(i)));
            }
            assertTrue(c2.awaitBuffers(10));
            assertEquals(0, c1.bufferCount());
            c1.unblock();
            assertTrue(c1.awaitBuffers(10));
            assertEquals(Set.of(q1.getName() + ":src"), Set.copyOf(c1.threads()));
            assertEquals(Set.of(q2.getName() + ":src"), Set.copyOf(c2.threads()));
            assertNotEquals(c1.threads().get(0), c2.threads().get(0));
        } finally {
            c1.unblock();
            QueueTest.stop(p, feeder, tee, q1, q2, c1, c2);
        }
    }

    @Test
    void worksInAHarnessOnARequestedPad() {
        try (Harness h = new Harness(new Tee(), "sink", "src_%u")) {
            h.setSrcCapsStr("test/x-data");
            Buffer b = numbered(7);
            assertSame(b, h.pushAndPull(b));
            assertEquals(1, h.getElement().getProperty("num-src-pads"));
        }
    }
}
