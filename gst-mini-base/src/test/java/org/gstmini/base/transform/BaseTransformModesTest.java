package org.gstmini.base.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gstmini.base.transform.TestTransforms.DoubleWidth;
import org.gstmini.base.transform.TestTransforms.Pass;
import org.gstmini.base.transform.TestTransforms.Retime;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;

/** BaseTransform's three modes (passthrough, in place, copy), events and lifecycle. */
class BaseTransformModesTest {
    private static final String TEXT = "text/x-raw, format=(string)utf8";

    @Test
    void withoutHooksItIsPassthroughAndPushesTheSameObject() {
        Pass pass = new Pass();
        assertTrue(pass.isPassthrough());
        pass.setPassthrough(false); // no transform hook: stays passthrough, as in GStreamer
        assertTrue(pass.isPassthrough());
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr(TEXT);
            Buffer in = Buffer.wrap(new byte[] {1, 2, 3}).withPts(0);
            assertSame(in, h.pushAndPull(in));
        }
    }

    @Test
    void eventsAreForwardedAndCapsAndSegmentGoDownstream() {
        try (Harness h = new Harness(new Pass())) {
            h.setSrcCapsStr(TEXT);
            assertEquals(EventType.STREAM_START, h.pullEvent().type());
            Event caps = h.pullEvent();
            assertEquals(EventType.CAPS, caps.type());
            assertEquals(TEXT, ((Event.CapsEvent) caps).caps().toString());
            assertEquals(EventType.SEGMENT, h.pullEvent().type());
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals(EventType.EOS, h.pullEvent().type());
        }
    }

    @Test
    void startSetCapsAndStopAreCalledInOrder() {
        Pass pass = new Pass();
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr(TEXT);
            h.push(Buffer.wrap(new byte[1]));
        }
        assertEquals(List.of("start", "setCaps " + TEXT + " -> " + TEXT, "stop"), pass.calls);
    }

    @Test
    void inPlaceReturnsAMetadataChangeThatSharesThePayload() {
        Retime retime = new Retime();
        assertTrue(retime.isInPlace());
        assertFalse(retime.isPassthrough());
        try (Harness h = new Harness(retime)) {
            h.setSrcCapsStr(TEXT);
            Buffer in = Buffer.wrap(new byte[] {1, 2}).withPts(5);
            Buffer out = h.pushAndPull(in);
            assertNotSame(in, out);
            assertTrue(out.sharesPayloadWith(in), "in place: no bytes copied");
            assertEquals(5 + ClockTime.SECOND, out.pts());
        }
    }

    @Test
    void aDroppedBufferMarksTheNextOneDiscont() {
        try (Harness h = new Harness(new Retime())) {
            h.setSrcCapsStr(TEXT);
            assertEquals(FlowReturn.OK, h.push(Buffer.wrap(new byte[] {0x7f}).withPts(0)));
            assertEquals(0, h.buffersReceived(), "dropped");
            Buffer out = h.pushAndPull(Buffer.wrap(new byte[] {1}).withPts(10));
            assertTrue(out.hasFlag(BufferFlag.DISCONT));
            assertFalse(h.pushAndPull(Buffer.wrap(new byte[] {1}).withPts(20)).hasFlag(BufferFlag.DISCONT));
        }
    }

    @Test
    void aFlowExceptionFromTheHookIsTheChainReturn() {
        try (Harness h = new Harness(new Retime())) {
            h.setSrcCapsStr(TEXT);
            assertEquals(FlowReturn.EOS, h.push(Buffer.wrap(new byte[] {0x7e})));
        }
    }

    @Test
    void passthroughCanBeSwitchedOnAnInPlaceElement() {
        Retime retime = new Retime();
        retime.setPassthrough(true);
        try (Harness h = new Harness(retime)) {
            h.setSrcCapsStr(TEXT);
            // transform_ip_on_passthrough: the hook still sees (and here retimes) the buffer
            assertEquals(ClockTime.SECOND, h.pushAndPull(Buffer.wrap(new byte[] {1}).withPts(0)).pts());
        }
    }

    @Test
    void copyModeAllocatesTransformSizeBytesAndKeepsMetadata() {
        DoubleWidth dw = new DoubleWidth();
        assertFalse(dw.isInPlace());
        assertFalse(dw.isPassthrough());
        try (Harness h = new Harness(dw)) {
            h.setSrcCapsStr("video/x-raw, format=(string)GRAY8, width=(int)3, height=(int)2");
            Buffer in = Buffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}).withTimestamps(40, 30, 20).withOffsets(7, 8)
                    .withFlag(BufferFlag.DELTA_UNIT).withFlag(BufferFlag.GAP);
            Buffer out = h.pushAndPull(in);
            assertArrayEquals(new byte[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}, out.toByteArray());
            assertEquals(40, out.pts());
            assertEquals(30, out.dts());
            assertEquals(20, out.duration());
            assertEquals(7, out.offset());
            assertEquals(8, out.offsetEnd());
            assertTrue(out.hasFlag(BufferFlag.DELTA_UNIT));
            assertFalse(out.hasFlag(BufferFlag.GAP), "not gap-aware: GAP cleared on real output");
        }
    }

    @Test
    void copyModeWithASizeThatIsNotWholeFramesIsAnError() {
        try (Harness h = new Harness(new DoubleWidth())) {
            h.setSrcCapsStr("video/x-raw, format=(string)GRAY8, width=(int)3, height=(int)2");
            assertEquals(FlowReturn.ERROR, h.push(Buffer.wrap(new byte[5])));
        }
    }

    @Test
    void flushStopForgetsTheSegment() {
        Pass pass = new Pass();
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr(TEXT);
            Segment seg = new Segment(Format.TIME);
            seg.setStart(ClockTime.SECOND);
            h.pushEvent(Event.segment(seg));
            h.push(Buffer.wrap(new byte[1]).withPts(3 * ClockTime.SECOND).withDuration(ClockTime.SECOND));
            Query.PositionQuery pos = new Query.PositionQuery(Format.TIME);
            assertTrue(h.getSinkPad().peerQuery(pos));
            // the end of the last buffer, 4 s, in stream time: time 0 + (4 s - start 1 s)
            assertEquals(3 * ClockTime.SECOND, pos.position());

            assertTrue(h.pushEvent(Event.flushStart()));
            assertTrue(h.pushEvent(Event.flushStop(true)));
            Query.PositionQuery after = new Query.PositionQuery(Format.TIME);
            // No segment any more: the query goes upstream, where the harness does not answer it.
            assertFalse(h.getSinkPad().peerQuery(after));
        }
    }

    @Test
    void stateChangesBackToReadyStopTheElement() {
        Pass pass = new Pass();
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr(TEXT);
            assertNotNull(h.pushAndPull(Buffer.wrap(new byte[1])));
            pass.setState(State.READY);
            assertTrue(pass.calls.contains("stop"));
            assertEquals(FlowReturn.FLUSHING, h.getSrcPad().push(Buffer.wrap(new byte[1])));
            assertNull(h.tryPull());
        }
    }
}
