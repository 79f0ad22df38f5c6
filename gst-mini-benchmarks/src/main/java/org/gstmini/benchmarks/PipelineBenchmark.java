package org.gstmini.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of real pipelines, in buffers per second: each invocation builds one of
 * {@link Pipelines#LINES} with {@code Parse.launch} and {@link #BUFFERS} buffers, and plays it
 * from PAUSED (prerolled) to EOS.
 *
 * <pre>
 *   fakesrc num-buffers=N ! fakesink
 *   fakesrc num-buffers=N ! identity ! fakesink                  (1, 5 and 10 identity)
 *   fakesrc num-buffers=N ! queue ! fakesink
 *   fakesrc num-buffers=N ! tee name=t t. ! queue ! fakesink t. ! queue ! fakesink
 * </pre>
 *
 * <p>One JMH operation is one buffer ({@code @OperationsPerInvocation(BUFFERS)}), so the
 * Throughput score is buffers/s. Building the pipeline and prerolling it (the first buffer) is
 * the {@code Level.Invocation} set-up, and going to NULL the tear-down: JMH times only
 * PLAYING → EOS, i.e. the streaming thread(s) pushing a million buffers, the sink's EOS, the
 * bus message and the application thread waking up. With invocations this long (0.1–1 s)
 * the per-invocation helpers cost nothing measurable. {@link BenchmarkMain} prints the
 * buffers/s and ns/buffer table and the cost of one identity (least-squares slope over 0, 1,
 * 5 and 10 identity elements).
 *
 * <p>The tear-down checks that every fakesink rendered every buffer (its "stats" property), so
 * a pipeline that loses buffers or stops early fails the run instead of looking fast.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineBenchmark.BUFFERS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class PipelineBenchmark {
    /** Buffers per invocation (num-buffers). */
    public static final int BUFFERS = 1_000_000;

    /** A key of {@link Pipelines#LINES}. */
    @Param({"fakesrc-fakesink", "identity-1", "identity-5", "identity-10", "queue", "tee-2-queues"})
    public String pipeline;

    private Pipelines.Run run;

    @Setup(Level.Invocation)
    public void prepare() {
        run = Pipelines.prepare(pipeline, BUFFERS);
    }

    /** PLAYING → EOS: {@link #BUFFERS} buffers through the pipeline. */
    @Benchmark
    public void playToEos() {
        run.play(120);
    }

    @TearDown(Level.Invocation)
    public void finish() {
        Pipelines.Run r = run;
        run = null;
        if (r != null) {
            r.finish();
        }
    }
}
