package org.gstmini.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.check.Harness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * videoconvert's throughput in frames per second on 1280x720 frames, one JMH operation per
 * frame: a {@link Harness} pushes one input frame into the element (made by name from the
 * registry, as {@code Parse.launch} would) and pulls the converted frame out. What is timed is
 * the element's chain call: BaseTransform's bookkeeping, allocating the output buffer, copying
 * the input out of its read-only payload, and the conversion itself (unpack, BT.601 matrix,
 * chroma averaging, pack).
 *
 * <pre>
 *   RGB-I420   RGB (limited-range BT.601 output)   2.7 MB in, 1.4 MB out
 *   I420-RGB   the way back
 * </pre>
 *
 * The input is random bytes, a worst case for nothing: the code has no data-dependent branches
 * apart from clamping. Run with
 * {@code gst-mini-benchmarks/run-benchmarks.sh VideoConvertBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class VideoConvertBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    /** {@code FROM-TO}. */
    @Param({"RGB-I420", "I420-RGB"})
    public String conversion;

    private Harness harness;
    private Buffer frame;

    @Setup
    public void setUp() {
        String[] formats = conversion.split("-");
        VideoFormat from = VideoFormat.fromCapsName(formats[0]);
        VideoFormat to = VideoFormat.fromCapsName(formats[1]);
        VideoInfo in = VideoInfo.of(from, WIDTH, HEIGHT);
        harness = Harness.of("videoconvert");
        harness.setCaps(in.toCaps(), VideoInfo.of(to, WIDTH, HEIGHT).toCaps());
        byte[] bytes = new byte[in.size()];
        new Random(1).nextBytes(bytes);
        frame = Buffer.wrap(bytes);
    }

    /** One frame in, one converted frame out. */
    @Benchmark
    public Buffer convertOneFrame() {
        return harness.pushAndPull(frame);
    }

    @TearDown
    public void tearDown() {
        harness.close();
    }
}
