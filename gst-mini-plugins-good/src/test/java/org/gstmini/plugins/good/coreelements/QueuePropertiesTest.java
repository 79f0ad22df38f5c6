package org.gstmini.plugins.good.coreelements;

import static org.gstmini.plugins.good.coreelements.QueueTestElements.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Collector;
import org.gstmini.plugins.good.coreelements.QueueTestElements.Feeder;

/**
 * Laws of the queue under random timing: the producer pushes random bursts with random pauses
 * between them, the consumer sleeps random small amounts per buffer, and the queue is small, so
 * both sides keep meeting it full and empty. Nothing here depends on how long anything takes.
 */
class QueuePropertiesTest {

    /** Bursts of buffers: each entry is how many are pushed back to back before a pause. */
    @Provide
    Arbitrary<List<Integer>> bursts() {
        return Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(6);
    }

    /** Consumer delays per buffer, in microseconds, used in turn. */
    @Provide
    Arbitrary<List<Integer>> delays() {
        return Arbitraries.integers().between(0, 300).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Producer pauses between bursts, in microseconds, used in turn. */
    @Provide
    Arbitrary<List<Integer>> pauses() {
        return Arbitraries.integers().between(0, 500).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 40)
    void aNonLeakyQueueDeliversEveryBufferInOrder(@ForAll("bursts") List<Integer> bursts,
            @ForAll("pauses") List<Integer> pauses, @ForAll("delays") List<Integer> delays,
            @ForAll @IntRange(min = 1, max = 4) int maxSizeBuffers, @ForAll boolean silent) {
        Run run = run(QueueLeaky.NO, bursts, pauses, delays, maxSizeBuffers, silent);
        Statistics.label("upstream blocked on a full queue").collect(run.overruns > 0 ? "yes" : silent ? "silent" : "no");
        int n = bursts.stream().mapToInt(Integer::intValue).sum();
        assertEquals(IntStream.range(0, n).boxed().toList(), run.indexes, "every buffer, in order");
        assertTrue(run.returns.stream().allMatch(r -> r == FlowReturn.OK), run.returns.toString());
        assertTrue(run.discont.stream().noneMatch(d -> d), "nothing dropped, so no DISCONT");
        assertTrue(run.threads.stream().allMatch(t -> t.equals(run.queueName + ":src")), "all on the queue's thread");
    }

    @Property(tries = 40)
    void aLeakyQueueDropsOnlyWithDiscontAndNeverBlocks(@ForAll boolean downstream,
            @ForAll("bursts") List<Integer> bursts, @ForAll("pauses") List<Integer> pauses,
            @ForAll("delays") List<Integer> delays, @ForAll @IntRange(min = 1, max = 3) int maxSizeBuffers) {
        Run run = run(downstream ? QueueLeaky.DOWNSTREAM : QueueLeaky.UPSTREAM, bursts, pauses, delays, maxSizeBuffers, true);
        assertTrue(run.returns.stream().allMatch(r -> r == FlowReturn.OK), run.returns.toString());
        int n = bursts.stream().mapToInt(Integer::intValue).sum();
        Statistics.label("dropped").collect(run.indexes.size() < n);
        int previous = -1;
        for (int i = 0; i < run.indexes.size(); i++) {
            int index = run.indexes.get(i);
            assertTrue(index > previous, "order kept: " + run.indexes);
            boolean gap = index != previous + 1;
            assertEquals(gap, run.discont.get(i), "DISCONT exactly after a drop: " + run.indexes + " " + run.discont);
            previous = index;
        }
    }

    private record Run(String queueName, List<Integer> indexes, List<Boolean> discont, List<FlowReturn> returns,
                       List<String> threads, int overruns) {
    }

    private static Run run(QueueLeaky leaky, List<Integer> bursts, List<Integer> pauses, List<Integer> delays,
                           int maxSizeBuffers, boolean silent) {
        Pipeline p = new Pipeline();
        Feeder feeder = new Feeder();
        Queue queue = new Queue();
        queue.setProperty("max-size-buffers", maxSizeBuffers);
        queue.setProperty("leaky", leaky);
        queue.setProperty("silent", silent);
        AtomicInteger overruns = new AtomicInteger();
        queue.addListener(new Queue.Listener() {
            @Override
            public void overrun(Queue q) {
                overruns.incrementAndGet();
            }
        });
        Collector sink = new Collector();
        sink.delays = i -> 1_000L * delays.get(i % delays.size());
        p.add(feeder, queue, sink);
        Element.linkMany(feeder, queue, sink);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        List<FlowReturn> returns = new ArrayList<>();
        try {
            feeder.begin();
            int index = 0;
            for (int b = 0; b < bursts.size(); b++) {
                for (int k = 0; k < bursts.get(b); k++) {
                    returns.add(feeder.push(numbered(index++)));
                }
                LockSupport.parkNanos(1_000L * pauses.get(b % pauses.size()));
            }
            assertTrue(feeder.event(Event.eos()));
            assertTrue(sink.awaitEvent(EventType.EOS), "EOS reaches the sink");
        } finally {
            QueueTest.stop(p, feeder, queue, sink);
        }
        List<Buffer> got = sink.buffers();
        return new Run(queue.getName(), sink.indexes(), got.stream().map(b -> b.hasFlag(BufferFlag.DISCONT)).toList(),
                returns, threadsOfBuffers(sink), overruns.get());
    }

    /** The threads buffers (not events) arrived on. */
    private static List<String> threadsOfBuffers(Collector sink) {
        List<Object> items = sink.items();
        List<String> threads = sink.threads();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Buffer) {
                out.add(threads.get(i));
            }
        }
        return out;
    }
}
