package org.gstmini.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gstmini.core.Buffer;
import org.gstmini.core.FlowReturn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code pad.push(buffer)}: push → sticky-event check → probes → peer's chain
 * function under its stream lock → return, through 0, 1, 5 and 10 pass-through elements into a
 * counting sink.
 *
 * <p>One operation is one buffer pushed from the source pad all the way to the sink. The
 * slope of ns/op over the number of elements is the price of one element per buffer
 * ({@link BenchmarkMain} prints it); ns/op at 0 elements is the price of the
 * source → sink hop alone, and 1e9 / that is buffers per second. Run with {@code -prof gc} to
 * see {@code gc.alloc.rate.norm}, the bytes allocated per buffer, which should be ~0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PushPathBenchmark {

    /** Pass-through elements between the source pad and the sink. */
    @Param({"0", "1", "5", "10"})
    public int elements;

    private PushChain chain;
    private Buffer buffer;
    private long pushed;

    @Setup(Level.Trial)
    public void setUp() {
        chain = PushChain.start(elements);
        buffer = Buffer.wrap(new byte[3]).withTimestamps(0, 0, 40_000_000L);
        FlowReturn ret = chain.push(buffer);
        if (ret != FlowReturn.OK || chain.buffersAtSink() != 1) {
            throw new IllegalStateException("the chain does not pass buffers: push returned " + ret
                    + ", sink saw " + chain.buffersAtSink());
        }
        pushed = 1;
    }

    /** One buffer, source pad to sink. The returned FlowReturn is consumed by JMH. */
    @Benchmark
    public FlowReturn push() {
        return chain.push(buffer);
    }

    /** Counts the calls of this iteration, to check that every buffer reached the sink. */
    @Setup(Level.Iteration)
    public void rememberCount() {
        pushed = chain.buffersAtSink();
    }

    @TearDown(Level.Iteration)
    public void checkEveryBufferArrived() {
        if (chain.buffersAtSink() <= pushed) {
            throw new IllegalStateException("no buffer reached the sink during the iteration");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.stop();
    }
}
