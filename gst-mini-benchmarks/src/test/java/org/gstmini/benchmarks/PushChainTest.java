package org.gstmini.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.gstmini.core.Buffer;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.caps.Caps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's chain really carries buffers and the stream's events to the sink. */
class PushChainTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 10})
    void everyPushedBufferReachesTheSink(int elements) {
        PushChain chain = PushChain.start(elements);
        try {
            assertEquals(elements + 2, chain.elements().size());
            Buffer buffer = Buffer.wrap(new byte[3]);
            for (int i = 0; i < 100; i++) {
                assertEquals(FlowReturn.OK, chain.push(buffer));
            }
            assertEquals(100, chain.buffersAtSink());
            Caps atSink = chain.elements().get(elements + 1).getStaticPad("sink").getCurrentCaps();
            assertNotNull(atSink, "CAPS reached the sink");
            assertEquals(Caps.parse(PushChain.CAPS), atSink);
        } finally {
            chain.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void stoppedChainIsFlushing(int elements) {
        PushChain chain = PushChain.start(elements);
        chain.stop();
        assertEquals(FlowReturn.FLUSHING, chain.push(Buffer.wrap(new byte[3])));
    }
}
