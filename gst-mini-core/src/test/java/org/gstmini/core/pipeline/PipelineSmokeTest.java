package org.gstmini.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.Test;

class PipelineSmokeTest {
    @Test
    void buffersFlowFromSourceToSinkAndEosReachesTheBus() throws Exception {
        Pipeline p = new Pipeline("smoke");
        TestSrc src = new TestSrc();
        src.set(TestSrc.NUM_BUFFERS, 5);
        PassThrough mid = new PassThrough();
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, mid, sink);
        Element.linkMany(src, mid, sink);

        StateChangeReturn ret = p.setState(State.PLAYING);
        // Usually ASYNC (the sink waits for its first buffer); SUCCESS when the sink already
        // prerolled while the bin was still visiting its children.
        assertTrue(ret == StateChangeReturn.ASYNC || ret == StateChangeReturn.SUCCESS, ret.toString());
        Message m = p.getBus().timedPop(10 * ClockTime.SECOND, MessageType.EOS, MessageType.ERROR);
        assertNotNull(m, "no EOS within 10 s");
        assertEquals(MessageType.EOS, m.type(), m.toString());
        assertEquals(State.PLAYING, p.getCurrentState());
        assertEquals(5, sink.buffers().size());
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        assertEquals(State.NULL, sink.getCurrentState());
    }
}
