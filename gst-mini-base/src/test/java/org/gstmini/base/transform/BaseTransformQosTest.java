package org.gstmini.base.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gstmini.base.BaseTransform;
import org.gstmini.base.transform.TestTransforms.Pass;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;

/** QoS: a QOS event from downstream makes a qos-enabled transform drop late buffers. */
class BaseTransformQosTest {
    private static final long MS = ClockTime.MSECOND;

    private static Buffer at(long pts) {
        return Buffer.wrap(new byte[4]).withPts(pts).withDuration(10 * MS);
    }

    @Test
    void qosIsOffByDefaultAsInGStreamer() {
        Pass pass = new Pass();
        assertFalse(pass.isQosEnabled());
        assertEquals(Boolean.FALSE, pass.getProperty("qos"));
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr("text/x-raw");
            assertTrue(h.pushUpstreamEvent(Event.qos(Event.QosType.UNDERFLOW, 1.5, 50 * MS, 100 * MS)));
            assertEquals(150 * MS, pass.getEarliestTime(), "remembered even when not acting on it");
            assertEquals(1.5, pass.getProportion());
            h.push(at(120 * MS));
            assertEquals(1, h.buffersReceived(), "not dropped without qos=true");
        }
    }

    @Test
    void lateBuffersAreDroppedAndReportedWithQosOn() {
        Pipeline p = new Pipeline("p");
        Pass pass = new Pass();
        p.add(pass);
        pass.setPropertyFromString("qos", "true");
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr("text/x-raw");
            assertEquals(FlowReturn.OK, h.push(at(0)));

            // The sink saw the buffer with running time 100 ms render 50 ms late.
            assertTrue(h.pushUpstreamEvent(Event.qos(Event.QosType.UNDERFLOW, 1.0, 50 * MS, 100 * MS)));
            assertEquals(EventType.QOS, h.pullUpstreamEvent().type(), "the QOS event goes on upstream");

            assertEquals(FlowReturn.OK, h.push(at(120 * MS)), "a drop is not an error");
            assertEquals(FlowReturn.OK, h.push(at(150 * MS)));
            assertEquals(1, h.buffersReceived(), "both were too late (running time <= 150 ms)");
            Message.Qos qos = (Message.Qos) p.getBus().timedPop(0, java.util.Set.of(MessageType.QOS));
            assertEquals(120 * MS, qos.runningTime());
            assertEquals(30 * MS, qos.jitter());
            assertEquals(1, qos.processed());
            assertEquals(1, qos.dropped());
            assertFalse(qos.live());

            h.pull();
            Buffer next = h.pushAndPull(at(160 * MS));
            assertTrue(next.hasFlag(BufferFlag.DISCONT), "the first buffer after a drop follows a gap");

            // A flush forgets the QoS state.
            h.pushEvent(Event.flushStart());
            h.pushEvent(Event.flushStop(true));
            assertEquals(ClockTime.NONE, pass.getEarliestTime());
        } finally {
            p.setState(org.gstmini.core.State.NULL);
        }
    }

    @Test
    void qosCanBeSwitchedWhilePlaying() {
        BaseTransform pass = new Pass();
        try (Harness h = new Harness(pass)) {
            h.setSrcCapsStr("text/x-raw");
            h.pushUpstreamEvent(Event.qos(Event.QosType.UNDERFLOW, 1.0, 0, 100 * MS));
            pass.setQosEnabled(true);
            h.push(at(50 * MS));
            assertNull(h.tryPull());
            pass.setQosEnabled(false);
            h.push(at(60 * MS));
            assertEquals(60 * MS, h.pull().pts());
        }
    }
}
