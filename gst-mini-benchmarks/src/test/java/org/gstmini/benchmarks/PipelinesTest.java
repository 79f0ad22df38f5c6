package org.gstmini.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark's pipelines are built from their gst-launch lines and carry every buffer to
 * every sink (behaviour only; speed is measured by PipelineBenchmark, never asserted).
 */
class PipelinesTest {

    static List<String> names() {
        return List.copyOf(Pipelines.LINES.keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyBufferReachesEverySink(String name) {
        Pipelines.Run run = Pipelines.prepare(name, 5000);
        run.play(60);
        List<Long> rendered = run.renderedPerSink();
        assertFalse(rendered.isEmpty(), name + " has fakesinks");
        for (long n : rendered) {
            assertEquals(5000, n, name + ": buffers rendered by a sink");
        }
        run.finish();
    }

    @Test
    void identityCounts() {
        assertEquals(0, Pipelines.identities("fakesrc-fakesink"));
        assertEquals(10, Pipelines.identities("identity-10"));
        assertEquals(-1, Pipelines.identities("queue"));
        assertEquals("fakesrc num-buffers=7 ! identity ! identity ! identity ! identity ! identity ! fakesink",
                Pipelines.line("identity-5", 7));
    }

    @Test
    void wakeupSinkRecordsEveryBuffer() {
        WakeupError.Result r = WakeupError.pipeline(false, 20, 5, 1000);
        assertEquals(15, r.lateNs().length);
    }
}
