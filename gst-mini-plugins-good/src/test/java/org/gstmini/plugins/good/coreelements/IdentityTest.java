package org.gstmini.plugins.good.coreelements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** identity: every property's effect, through the Harness (and a pipeline where the bus matters). */
class IdentityTest {
    private static final String CAPS = "application/x-test";
    private static final long MS = ClockTime.MSECOND;
    private static final long S = ClockTime.SECOND;

    private final List<Harness> harnesses = new ArrayList<>();
    private Pipeline pipeline;

    @AfterEach
    void tearDown() {
        harnesses.forEach(Harness::close);
        if (pipeline != null) {
            pipeline.setState(State.NULL);
        }
    }

    /** A harness around {@code identity}, which sits in a pipeline so that its messages reach a bus. */
    private Harness harness(Identity identity) {
        pipeline = new Pipeline("p");
        pipeline.add(identity);
        Harness h = new Harness(identity);
        harnesses.add(h);
        h.setSrcCapsStr(CAPS);
        return h;
    }

    private static Identity identity(String... props) {
        Identity id = new Identity();
        id.setName("id");
        for (int i = 0; i < props.length; i += 2) {
            id.setPropertyFromString(props[i], props[i + 1]);
        }
        return id;
    }

    private static Buffer buf(long pts, long duration) {
        return Buffer.wrap(new byte[10]).withPts(pts).withDuration(duration);
    }

    private static Message pop(Pipeline p, MessageType type) {
        return p.getBus().timedPop(0, Set.of(type));
    }

    @Test
    void registeredWithGStreamersMetadata() {
        Element e = ElementFactory.make("identity");
        assertTrue(e instanceof Identity);
        ElementFactory f = e.getFactory();
        assertEquals("Identity", f.getLongName());
        assertEquals("Generic", f.getKlass());
        assertEquals("Pass data without modification", f.getDescription());
        assertTrue(e.getName().startsWith("identity"), e.getName());
    }

    @Test
    void propertiesHaveGStreamersNamesAndDefaults() {
        Identity id = new Identity();
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("sleep-time", 0L);
        expected.put("error-after", -1);
        expected.put("drop-probability", 0.0);
        expected.put("datarate", 0);
        expected.put("silent", true);
        expected.put("single-segment", false);
        expected.put("last-message", null);
        expected.put("dump", false);
        expected.put("sync", false);
        expected.put("ts-offset", 0L);
        expected.put("check-imperfect-timestamp", false);
        expected.put("check-imperfect-offset", false);
        expected.put("signal-handoffs", true);
        expected.put("eos-after", -1);
        expected.put("qos", false);
        expected.forEach((name, value) -> assertEquals(value, id.getProperty(name), name));
        Property<?> lastMessage = id.findProperty("last-message");
        assertFalse(lastMessage.isWritable());
        assertTrue(id.isPassthrough());
    }

    @Test
    void passesTheSameBufferObject() {
        Harness h = harness(identity());
        Buffer in = buf(0, 10 * MS);
        assertSame(in, h.pushAndPull(in));
        Structure stats = (Structure) h.getElement().getProperty("stats");
        assertEquals(1L, stats.getLong("num-buffers"));
        assertEquals(10L, stats.getLong("num-bytes"));
    }

    @Test
    void dropProbabilityOneDropsEverythingAndSendsGaps() {
        Harness h = harness(identity("drop-probability", "1.0"));
        for (int i = 0; i < 5; i++) {
            assertEquals(FlowReturn.OK, h.push(buf(i * 10 * MS, 10 * MS)));
        }
        assertEquals(0, h.buffersReceived());
        List<Event> gaps = new ArrayList<>();
        for (Event e; (e = h.tryPullEvent()) != null; ) {
            if (e.type() == EventType.GAP) {
                gaps.add(e);
            }
        }
        assertEquals(5, gaps.size(), "each dropped buffer leaves a GAP in its place");
        assertEquals(20 * MS, ((Event.GapEvent) gaps.get(2)).timestamp());
        assertEquals(10 * MS, ((Event.GapEvent) gaps.get(2)).duration());
    }

    @Test
    void dropProbabilityZeroDropsNothing() {
        Harness h = harness(identity("drop-probability", "0"));
        for (int i = 0; i < 20; i++) {
            h.push(buf(i, 1));
        }
        assertEquals(20, h.buffersReceived());
    }

    @Test
    void errorAfterPostsAnErrorNamingTheElementAndReturnsError() {
        Harness h = harness(identity("error-after", "3"));
        assertEquals(FlowReturn.OK, h.push(buf(0, 1)));
        assertEquals(FlowReturn.OK, h.push(buf(1, 1)));
        assertEquals(FlowReturn.ERROR, h.push(buf(2, 1)));
        assertEquals(2, h.buffersReceived());
        Message.Error err = (Message.Error) pop(pipeline, MessageType.ERROR);
        assertEquals("/Pipeline:p/Identity:id", err.sourcePath());
        assertEquals(ErrorCode.CORE_FAILED, err.code());
        assertEquals("Failed after iterations as requested.", err.text());
    }

    @Test
    void eosAfterReturnsEos() {
        Harness h = harness(identity("eos-after", "2"));
        assertEquals(FlowReturn.OK, h.push(buf(0, 1)));
        assertEquals(FlowReturn.EOS, h.push(buf(1, 1)));
        assertEquals(1, h.buffersReceived());
    }

    @Test
    void eosAfterAndErrorAfterTogetherFailToStart() {
        Pipeline p = new Pipeline("q");
        Identity id = identity("eos-after", "2", "error-after", "2");
        p.add(id);
        try {
            assertEquals(StateChangeReturn.FAILURE, id.setState(State.PAUSED));
            Message.Error err = (Message.Error) pop(p, MessageType.ERROR);
            assertTrue(err.text().contains("can't both be defined"), err.text());
        } finally {
            id.setState(State.NULL);
        }
    }

    @Test
    void handoffListenersSeeEachBufferBeforeItIsPushed() {
        Identity id = identity();
        List<Buffer> seen = new CopyOnWriteArrayList<>();
        Identity.HandoffListener listener = (identity, buffer) -> {
            assertSame(id, identity);
            seen.add(buffer);
        };
        id.addHandoffListener(listener);
        Harness h = harness(id);
        Buffer a = buf(0, 1);
        id.addHandoffListener((identity, buffer) -> assertEquals(0, h.buffersInQueue(), "called before the push"));
        h.push(a);
        assertEquals(List.of(a), seen);

        id.set(Identity.SIGNAL_HANDOFFS, false);
        h.push(buf(1, 1));
        assertEquals(1, seen.size(), "signal-handoffs=false: no calls");
        id.set(Identity.SIGNAL_HANDOFFS, true);
        id.removeHandoffListener(listener);
        h.pull();
        h.pull();
        h.push(buf(2, 1));
        assertEquals(1, seen.size());
    }

    @Test
    void syncWaitsOnTheClockForTheRunningTime() throws Exception {
        Harness h = harness(identity("sync", "true", "ts-offset", Long.toString(500 * MS)));
        CompletableFuture<FlowReturn> push = CompletableFuture.supplyAsync(() -> h.push(buf(S, 10 * MS)));
        assertTrue(h.waitForClockIdWaits(1, 10_000), "identity waits on its clock");
        assertEquals(S + 500 * MS, h.getTestclock().peekNextPendingId().getTime(), "running time + ts-offset");
        assertEquals(0, h.buffersReceived(), "held back until the clock gets there");
        assertTrue(h.crankSingleClockWait());
        assertEquals(FlowReturn.OK, push.get(10, TimeUnit.SECONDS));
        assertEquals(S, h.pull().pts());
    }

    @Test
    void aFlushUnblocksTheClockWait() throws Exception {
        Harness h = harness(identity("sync", "true"));
        CompletableFuture<FlowReturn> push = CompletableFuture.supplyAsync(() -> h.push(buf(S, 10 * MS)));
        assertTrue(h.waitForClockIdWaits(1, 10_000));
        assertTrue(h.pushEvent(Event.flushStart()));
        assertEquals(FlowReturn.FLUSHING, push.get(10, TimeUnit.SECONDS));
        assertTrue(h.pushEvent(Event.flushStop(true)));
        h.pushEvent(Event.segment(new Segment(Format.TIME)));
        CompletableFuture<FlowReturn> again = CompletableFuture.supplyAsync(() -> h.push(buf(2 * S, 10 * MS)));
        assertTrue(h.crankSingleClockWait(), "waits again after the flush");
        assertEquals(FlowReturn.OK, again.get(10, TimeUnit.SECONDS));
    }

    @Test
    void goingToReadyUnblocksTheClockWait() throws Exception {
        Identity id = identity("sync", "true");
        Harness h = harness(id);
        CompletableFuture<FlowReturn> push = CompletableFuture.supplyAsync(() -> h.push(buf(S, 10 * MS)));
        assertTrue(h.waitForClockIdWaits(1, 10_000));
        assertEquals(StateChangeReturn.SUCCESS, id.setState(State.READY));
        assertEquals(FlowReturn.FLUSHING, push.get(10, TimeUnit.SECONDS));
    }

    @Test
    void syncMakesIdentityLiveLikeASink() {
        Identity id = identity("sync", "true");
        try {
            assertEquals(StateChangeReturn.NO_PREROLL, id.setState(State.PAUSED));
            Query.LatencyQuery q = new Query.LatencyQuery();
            id.getSrcPad().query(q);
            assertTrue(q.live(), "sync=true answers latency as a live element");
            assertTrue(id.provideClock() != null);
        } finally {
            id.setState(State.NULL);
        }
    }

    @Test
    void singleSegmentRewritesTimestampsToRunningTime() {
        Harness h = harness(identity("single-segment", "true"));
        assertFalse(((Identity) h.getElement()).isPassthrough());
        Segment seg = new Segment(Format.TIME);
        seg.setStart(10 * S);
        seg.setTime(10 * S);
        h.pushEvent(Event.segment(seg));
        Buffer out = h.pushAndPull(Buffer.wrap(new byte[4]).withPts(12 * S).withDts(11 * S).withOffsets(3, 4));
        assertEquals(2 * S, out.pts());
        assertEquals(S, out.dts());
        assertEquals(-1, out.offset());

        List<Segment> downstream = new ArrayList<>();
        for (Event e; (e = h.tryPullEvent()) != null; ) {
            if (e instanceof Event.SegmentEvent se) {
                downstream.add(se.segment());
            }
        }
        assertEquals(1, downstream.size(), "one segment only; later ones are eaten");
        assertEquals(0, downstream.get(0).getStart());
        assertEquals(ClockTime.NONE, downstream.get(0).getStop());
    }

    @Test
    void checkImperfectTimestampReportsGapsAndOverlaps() {
        Harness h = harness(identity("check-imperfect-timestamp", "true"));
        h.push(buf(0, 10 * MS));
        h.push(buf(10 * MS, 10 * MS)); // perfect
        h.push(buf(25 * MS, 10 * MS)); // 5 ms gap
        h.push(buf(30 * MS, 10 * MS)); // 5 ms overlap
        Message.ElementMessage gap = (Message.ElementMessage) pop(pipeline, MessageType.ELEMENT);
        assertEquals("imperfect-timestamp", gap.structure().name());
        assertEquals(5 * MS, gap.structure().getLong("delta"));
        assertEquals(10 * MS, gap.structure().getLong("prev-timestamp"));
        assertEquals(25 * MS, gap.structure().getLong("cur-timestamp"));
        Message.ElementMessage overlap = (Message.ElementMessage) pop(pipeline, MessageType.ELEMENT);
        assertEquals(-5 * MS, overlap.structure().getLong("delta"));
        assertNull(pop(pipeline, MessageType.ELEMENT));
    }

    @Test
    void checkImperfectOffsetReportsDiscontinuousOffsets() {
        Harness h = harness(identity("check-imperfect-offset", "true"));
        h.push(Buffer.wrap(new byte[4]).withOffsets(0, 4));
        h.push(Buffer.wrap(new byte[4]).withOffsets(4, 8));
        h.push(Buffer.wrap(new byte[4]).withOffsets(9, 13));
        Message.ElementMessage m = (Message.ElementMessage) pop(pipeline, MessageType.ELEMENT);
        assertEquals("imperfect-offset", m.structure().name());
        assertEquals(8L, m.structure().getLong("prev-offset-end"));
        assertEquals(9L, m.structure().getLong("cur-offset"));
        assertNull(pop(pipeline, MessageType.ELEMENT));
    }

    @Test
    void datarateRetimestampsByBytes() {
        Harness h = harness(identity("datarate", "1000"));
        assertFalse(((Identity) h.getElement()).isPassthrough());
        for (int i = 0; i < 3; i++) {
            Buffer out = h.pushAndPull(Buffer.wrap(new byte[100]));
            assertEquals(i * 100 * MS, out.pts());
            assertEquals(i * 100 * MS, out.dts());
            assertEquals(100 * MS, out.duration());
        }
    }

    @Test
    void lastMessageDescribesWhatPassedWhenNotSilent() {
        Identity id = identity("silent", "false");
        Harness h = harness(id);
        h.push(Buffer.wrap(new byte[3]).withPts(S).withFlag(BufferFlag.DISCONT));
        String msg = (String) id.getProperty("last-message");
        assertTrue(msg.startsWith("chain"), msg);
        assertTrue(msg.contains("3 bytes"), msg);
        assertTrue(msg.contains("pts: 0:00:01.000000000"), msg);
        assertTrue(msg.contains("discont"), msg);
        h.pushEvent(Event.eos());
        assertTrue(((String) id.getProperty("last-message")).startsWith("event"));
    }

    @Test
    void dumpPrintsHexAndText() {
        assertEquals("00000000: 41 42 0a " + " ".repeat(13 * 3) + " AB." + System.lineSeparator(),
                Identity.hexDump(java.nio.ByteBuffer.wrap(new byte[] {'A', 'B', '\n'})));
    }

    @Test
    void acceptCapsAsksDownstream() {
        Harness h = harness(identity());
        h.setSinkCapsStr(CAPS);
        assertTrue(h.getSrcPad().peerQueryAcceptCaps(org.gstmini.core.caps.Caps.parse(CAPS)));
        assertFalse(h.getSrcPad().peerQueryAcceptCaps(org.gstmini.core.caps.Caps.parse("audio/x-raw")));
    }
}
