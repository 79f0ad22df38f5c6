package org.gstmini.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;
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
 * How long pngdec takes for one 1920x1080 RGB picture, in ms.
 *
 * <pre>
 *   element    the PNG bytes pushed into pngdec in one buffer (Harness), the frame pulled out:
 *              chunk scan + Commons Imaging's decode + packing into RGB rows
 *   pipeline   filesrc location=F ! pngdec ! fakesink from NULL to EOS and back to NULL:
 *              the same plus reading the file in 4096-byte blocks, the adapter, the threads
 * </pre>
 *
 * The pictures are made by gst-mini itself in the set-up
 * ({@code videotestsrc pattern=P ! video/x-raw,format=RGB,width=1920,height=1080 ! pngenc}):
 * {@code smpte} (colour bars: 325 kB, the cheap case) and {@code snow} (random pixels: 3 MB,
 * nearly incompressible, the expensive case). pngenc, like GStreamer's, writes filter type None
 * only; PNGs from other tools use the other row filters and cost a little more to undo.
 * Compare with GStreamer on the same file: {@code gst-launch-1.0 filesrc location=F ! pngdec ! fakesink},
 * once with F one picture and once with F twenty copies of it back to back (both pngdecs take a
 * stream of PNGs): the difference over 19 is the time per picture without start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class PngDecodeBenchmark {
    /** videotestsrc pattern of the picture. */
    @Param({"smpte", "snow"})
    public String pattern;

    private Path file;
    private byte[] png;
    private Harness harness;

    @Setup
    public void makePicture() throws IOException {
        file = Files.createTempFile("pngdec-bench-" + pattern, ".png");
        playToEos("videotestsrc num-buffers=1 pattern=" + pattern
                + " ! video/x-raw,format=RGB,width=1920,height=1080 ! pngenc ! filesink location=" + file);
        png = Files.readAllBytes(file);
        harness = Harness.of("pngdec");
        harness.setSrcCapsStr("image/png");
        harness.play();
    }

    @TearDown
    public void cleanUp() throws IOException {
        harness.close();
        Files.deleteIfExists(file);
    }

    /** One picture through the element alone. */
    @Benchmark
    public Buffer element() {
        return harness.pushAndPull(Buffer.wrap(png));
    }

    /** One picture through filesrc ! pngdec ! fakesink, NULL to EOS to NULL. */
    @Benchmark
    public void pipeline() {
        playToEos("filesrc location=" + file + " ! pngdec ! fakesink");
    }

    private static void playToEos(String description) {
        Element p = Parse.launch(description);
        try {
            p.setState(org.gstmini.core.State.PLAYING);
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(60), MessageType.EOS, MessageType.ERROR);
            if (m == null || m.type() != MessageType.EOS) {
                throw new IllegalStateException(description + ": " + (m == null ? "no EOS within 60 s" : m));
            }
        } finally {
            p.setState(org.gstmini.core.State.NULL);
        }
    }
}
