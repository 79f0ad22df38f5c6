package org.gstmini.base.sink;

import static org.gstmini.base.sink.PipelineFixture.buffer;
import static org.gstmini.base.sink.PipelineFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gstmini.base.BaseSink;
import org.gstmini.base.Sample;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.gstmini.core.clock.ClockId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BaseSink one element at a time, with the Harness: properties, last-sample, queries, latency, clipping. */
@Timeout(60)
class BaseSinkHarnessTest {
    private static final String CAPS = "test/x-data, n=(int)1";

    @Test
    void declaresGStreamersPropertiesWithTheirDefaults() {
        RecordingSink sink = new RecordingSink("props");
        assertTrue(sink.hasFlag(ElementFlag.SINK));
        assertEquals(true, sink.get(BaseSink.SYNC));
        assertEquals(-1L, sink.get(BaseSink.MAX_LATENESS));
        assertEquals(false, sink.get(BaseSink.QOS));
        assertEquals(true, sink.get(BaseSink.ASYNC));
        assertEquals(0L, sink.get(BaseSink.TS_OFFSET));
        assertEquals(true, sink.get(BaseSink.ENABLE_LAST_SAMPLE));
        assertNull(sink.get(BaseSink.LAST_SAMPLE));
        assertEquals(0L, sink.get(BaseSink.RENDER_DELAY));
        assertEquals(0L, sink.get(BaseSink.THROTTLE_TIME));
        assertEquals(20 * ClockTime.MSECOND, sink.get(BaseSink.PROCESSING_DEADLINE));
        assertEquals(BaseSink.STATS_NAME, sink.get(BaseSink.STATS).name());
        for (Property<?> p : List.of(BaseSink.SYNC, BaseSink.MAX_LATENESS, BaseSink.QOS, BaseSink.TS_OFFSET, BaseSink.ASYNC)) {
            assertTrue(p.isSettableIn(State.PLAYING), p.name() + " can change while playing");
        }
        assertFalse(BaseSink.LAST_SAMPLE.isWritable());
        assertFalse(BaseSink.STATS.isWritable());
        assertThrows(IllegalArgumentException.class, () -> sink.setProperty("last-sample", null));
        assertThrows(IllegalArgumentException.class, () -> sink.set(BaseSink.MAX_LATENESS, -2L));
        sink.setPropertyFromString("ts-offset", "-5000");
        assertEquals(-5000L, sink.get(BaseSink.TS_OFFSET));
        assertEquals("sink", sink.getSinkPad().getName());
        assertThrows(IllegalArgumentException.class, () -> new BaseSink(PadTemplate.src(Caps.ANY)) {
            @Override
            protected FlowReturn render(Buffer buffer) {
                return FlowReturn.OK;
            }
        });
    }

    @Test
    void lastSampleHoldsTheLastBufferWithItsCapsAndSegment() {
        RecordingSink sink = new RecordingSink("lastsample");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            Buffer b0 = buffer(0, ms(10));
            Buffer b1 = buffer(ms(10), ms(10));
            assertEquals(FlowReturn.OK, h.push(b0));
            assertSame(b0, sink.getLastSample().buffer());
            assertEquals(FlowReturn.OK, h.push(b1));
            Sample sample = (Sample) sink.getProperty("last-sample");
            assertSame(b1, sample.buffer());
            assertTrue(Caps.parse(CAPS).isEqualTo(sample.caps()));
            assertEquals(Format.TIME, sample.segment().getFormat());
            assertEquals(List.of(b0), sink.prerolled);
            assertEquals(List.of(b0, b1), sink.rendered);
            assertEquals(2L, sink.getStats().getLong("rendered"));

            sink.set(BaseSink.ENABLE_LAST_SAMPLE, false);
            assertNull(sink.getLastSample());
            assertEquals(FlowReturn.OK, h.push(buffer(ms(20), ms(10))));
            assertNull(sink.getLastSample());
        }
        assertNull(sink.getLastSample(), "forgotten on the way to READY");
    }

    @Test
    void buffersOutsideTheSegmentAreDroppedAndPartlyInsideOnesRendered() {
        RecordingSink sink = new RecordingSink("clip");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            Segment seg = new Segment(Format.TIME);
            seg.setStart(ClockTime.SECOND);
            seg.setStop(2 * ClockTime.SECOND);
            assertTrue(h.pushEvent(Event.segment(seg)));
            assertEquals(FlowReturn.OK, h.push(buffer(0, ms(10))));
            assertEquals(FlowReturn.OK, h.push(buffer(3 * ClockTime.SECOND, ms(10))));
            assertTrue(sink.rendered.isEmpty());
            Buffer partly = buffer(ClockTime.SECOND - ms(5), ms(10));
            assertEquals(FlowReturn.OK, h.push(partly));
            assertEquals(List.of(partly), sink.rendered);
        }
    }

    @Test
    void capsGoThroughSetCapsAndTheQueriesUseGetCaps() {
        AtomicReference<Caps> configured = new AtomicReference<>();
        BaseSink sink = new BaseSink(PadTemplate.sink(Caps.parse("test/x-data; test/x-other"))) {
            @Override
            protected boolean setCaps(Caps caps) {
                configured.set(caps);
                return caps.toString().contains("n=(int)1");
            }

            @Override
            protected FlowReturn render(Buffer buffer) {
                return FlowReturn.OK;
            }
        };
        Query.CapsQuery q = new Query.CapsQuery(Caps.parse("test/x-other, a=(int)2"));
        assertTrue(sink.getSinkPad().query(q));
        assertTrue(Caps.parse("test/x-other, a=(int)2").isEqualTo(q.result()));
        Query.AcceptCapsQuery accept = new Query.AcceptCapsQuery(Caps.parse("audio/x-raw"));
        assertTrue(sink.getSinkPad().query(accept));
        assertFalse(accept.result());
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            assertTrue(Caps.parse(CAPS).isEqualTo(configured.get()));
            assertThrows(AssertionError.class, () -> h.setSrcCapsStr("test/x-data, n=(int)2"), "refused by setCaps");
        }
    }

    @Test
    void latencyQueryAddsProcessingDeadlineAndRenderDelayWhenSyncing() {
        RecordingSink sink = new RecordingSink("latency");
        try (Harness h = new Harness(sink)) { // async=false: the sink can answer at once
            h.setUpstreamLatency(ms(10));
            Query.LatencyQuery q = new Query.LatencyQuery();
            assertTrue(sink.query(q));
            assertFalse(q.live(), "sync=false: the sink itself is not live");
            assertEquals(ms(10), q.min());

            sink.set(BaseSink.SYNC, true);
            sink.set(BaseSink.RENDER_DELAY, ms(5));
            BaseSink.Latency l = sink.queryLatency();
            assertTrue(l.live());
            assertTrue(l.upstreamLive());
            assertEquals(ms(10) + ms(20) + ms(5), l.min());
            assertEquals(ClockTime.NONE, l.max());

            h.setLive(false);
            l = sink.queryLatency();
            assertFalse(l.upstreamLive());
            assertEquals(ms(5), l.min(), "not live upstream: only the render delay");
        }
    }

    @Test
    void theLatencyEventTsOffsetAndRenderDelayShiftTheClockWait() throws Exception {
        RecordingSink sink = new RecordingSink("shift");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            sink.set(BaseSink.SYNC, true);
            assertTrue(sink.sendEvent(Event.latency(ms(100))));
            assertEquals(ms(100), sink.getLatency());
            assertInstanceOf(Event.LatencyEvent.class, h.pullUpstreamEvent(), "forwarded upstream");
            sink.set(BaseSink.TS_OFFSET, ms(5));
            sink.set(BaseSink.RENDER_DELAY, ms(3));

            Buffer b0 = buffer(ms(7), ms(10));
            AtomicReference<FlowReturn> ret = new AtomicReference<>();
            Thread pusher = new Thread(() -> ret.set(h.push(b0)), "shift-pusher");
            pusher.start();
            ClockId id = h.getTestclock().waitForNextPendingId();
            // base_time (0) + running time 7 ms + latency 100 ms + ts-offset 5 ms - render-delay 3 ms
            assertEquals(ms(109), id.getTime());
            assertTrue(sink.rendered.isEmpty());
            assertTrue(h.crankSingleClockWait());
            pusher.join();
            assertEquals(FlowReturn.OK, ret.get());
            assertEquals(List.of(b0), sink.rendered);
        }
    }

    @Test
    void positionFollowsTheClockButNeverPassesTheLastBuffer() throws Exception {
        RecordingSink sink = new RecordingSink("position");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            sink.set(BaseSink.SYNC, true);
            Thread pusher = new Thread(() -> h.push(buffer(0, ms(10))), "position-pusher");
            pusher.start();
            assertTrue(h.crankSingleClockWait());
            pusher.join();
            h.setTime(ms(4));
            assertEquals(ms(4), position(sink));
            h.setTime(ClockTime.SECOND);
            assertEquals(ms(10), position(sink), "not past the end of the last buffer");

            sink.set(BaseSink.SYNC, false); // no clock: the last buffer's start
            assertEquals(0, position(sink));
            assertFalse(sink.query(new Query.PositionQuery(Format.BYTES)), "asked upstream, which has no answer");
        }
    }

    private static long position(BaseSink sink) {
        Query.PositionQuery q = new Query.PositionQuery(Format.TIME);
        assertTrue(sink.query(q));
        return q.position();
    }

    @Test
    void flushStartWakesARenderBlockedInTheSubclassThroughUnlock() throws Exception {
        RecordingSink sink = new RecordingSink("unlock");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            sink.setBlockInRender(true);
            AtomicReference<FlowReturn> ret = new AtomicReference<>();
            Thread pusher = new Thread(() -> ret.set(h.push(buffer(0, ms(10)))), "unlock-pusher");
            pusher.start();
            assertTrue(sink.awaitBlockedInRender());
            assertTrue(h.pushEvent(Event.flushStart()));
            pusher.join();
            assertEquals(FlowReturn.FLUSHING, ret.get());
            assertTrue(sink.calls.containsAll(List.of("unlock", "unlockStop")));
            sink.setBlockInRender(false);
            assertTrue(h.pushEvent(Event.flushStop(true)));
            assertTrue(h.pushEvent(Event.segment(new Segment(Format.TIME))));
            assertEquals(FlowReturn.OK, h.push(buffer(0, ms(10))));
        }
    }

    @Test
    void eosRefusesMoreDataUntilAFlush() {
        RecordingSink sink = new RecordingSink("eos");
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            assertEquals(FlowReturn.OK, h.push(buffer(0, ms(10))));
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(FlowReturn.EOS, h.push(buffer(ms(10), ms(10))));
            assertTrue(h.pushEvent(Event.flushStart()));
            assertTrue(h.pushEvent(Event.flushStop(true)));
            assertTrue(h.pushEvent(Event.segment(new Segment(Format.TIME))));
            assertEquals(FlowReturn.OK, h.push(buffer(0, ms(10))));
            assertEquals(2, sink.rendered.size());
        }
    }

    @Test
    void aSinkSetToPlayingOnItsOwnCommitsStraightToPlayingWithItsFirstBuffer() throws Exception {
        RecordingSink sink = new RecordingSink("alone");
        sink.set(BaseSink.SYNC, false);
        assertEquals(StateChangeReturn.ASYNC, sink.setState(State.PLAYING));
        assertEquals(State.READY, sink.getCurrentState());
        assertEquals(State.PLAYING, sink.getPendingState());
        org.gstmini.core.Pad src = new org.gstmini.core.Pad("src", PadTemplate.src(Caps.ANY));
        src.setActive(true);
        src.linkOrThrow(sink.getSinkPad());
        src.pushEvent(Event.streamStart("alone"));
        src.pushEvent(Event.caps(Caps.parse(CAPS)));
        src.pushEvent(Event.segment(new Segment(Format.TIME)));
        assertEquals(FlowReturn.OK, src.push(buffer(0, ms(10))));
        assertEquals(State.PLAYING, sink.getCurrentState());
        assertEquals(StateChangeReturn.SUCCESS, sink.getState(0).result());
        assertEquals(1, sink.rendered.size());
        assertEquals(StateChangeReturn.SUCCESS, sink.setState(State.NULL));
        assertEquals(FlowReturn.FLUSHING, src.push(buffer(ms(10), ms(10))));
    }

    @Test
    void waitHelpersRequireThePrerollLock() {
        RecordingSink sink = new RecordingSink("helpers");
        assertThrows(IllegalStateException.class, () -> sink.waitClock(0));
        assertThrows(IllegalStateException.class, sink::waitPreroll);
        assertNotNull(sink.getStats());
    }
}
