package org.gstmini.plugins.good.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.PadProbe;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.parse.Parse;
import org.gstmini.core.spi.Plugin;
import org.gstmini.plugins.good.autodetect.AutoDetectPlugin;
import org.gstmini.plugins.good.coreelements.CoreElementsPlugin;
import org.gstmini.plugins.good.coreelements.FakeSink;
import org.gstmini.plugins.good.imagefreeze.ImageFreezePlugin;
import org.gstmini.plugins.good.multifile.MultiFilePlugin;
import org.gstmini.plugins.good.png.PngPlugin;
import org.gstmini.plugins.good.videoconvert.VideoConvertPlugin;
import org.gstmini.plugins.good.videoscale.VideoScalePlugin;
import org.gstmini.plugins.good.videotestsrc.VideoTestSrcPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real pipelines of the good elements taken through their states over and over, with data
 * flowing: every {@code setState(NULL)} must succeed, also while a sink holds its preroll buffer
 * or waits on the clock, and afterwards none of the pipeline's streaming threads (named after
 * its pads, {@code videotestsrc0:src}) nor a bin's {@code :continue} thread may be left alive.
 *
 * <p>Nothing here is timed: waits are bounded only as hang guards, and a guard that expires
 * fails the test with what it was waiting for.
 */
class StateCyclingTest {
    private static final long HANG_GUARD_SECONDS = 10;
    private static final long THREAD_EXIT_GUARD_SECONDS = 5;
    private static final int CYCLES = 20;

    private static ExecutorService guard;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        Registry r = Registry.get();
        registerIfMissing(r, "fakesrc", new CoreElementsPlugin());
        registerIfMissing(r, "videotestsrc", new VideoTestSrcPlugin());
        registerIfMissing(r, "multifilesink", new MultiFilePlugin());
        registerIfMissing(r, "videoconvert", new VideoConvertPlugin());
        registerIfMissing(r, "videoscale", new VideoScalePlugin());
        registerIfMissing(r, "imagefreeze", new ImageFreezePlugin());
        registerIfMissing(r, "pngdec", new PngPlugin());
        registerIfMissing(r, "autovideosink", new AutoDetectPlugin());
        guard = Executors.newCachedThreadPool(run -> {
            Thread t = new Thread(run, "state-cycling-guard");
            t.setDaemon(true);
            return t;
        });
    }

    /** Plugins are found through ServiceLoader in a packaged run; in a test, register them if not. */
    private static void registerIfMissing(Registry r, String element, Plugin plugin) {
        if (r.findFactory(element) == null) {
            r.registerStatic(plugin);
        }
    }

    @AfterAll
    static void tearDown() {
        guard.shutdownNow();
    }

    // ---------------------------------------------------------------- the pipelines

    static Stream<Arguments> pipelines() {
        return Stream.of(
                Arguments.of("fakesrc ! fakesink"),
                Arguments.of("fakesrc ! identity ! capsfilter caps=ANY ! fakesink"),
                Arguments.of("videotestsrc ! fakesink sync=true"),
                Arguments.of("videotestsrc is-live=true ! queue ! fakesink sync=true"),
                // Syncing sinks keep both queues full, as in a real player. With sync=false sinks
                // PLAYING->PAUSED can deadlock (gstbasesink.c has the same window): fakesink0
                // prerolls, queue0 fills while the still-PLAYING fakesink1 drains queue1, then tee
                // blocks on queue0 and fakesink1, set to PAUSED a moment later, gets no buffer.
                Arguments.of("videotestsrc ! tee name=t t. ! queue ! fakesink sync=true t. ! queue ! fakesink sync=true"),
                Arguments.of("videotestsrc ! identity sync=true ! fakesink"),
                Arguments.of("videotestsrc ! video/x-raw,format=I420 ! videoconvert ! video/x-raw,format=BGRA ! fakesink sync=true"),
                Arguments.of("videotestsrc ! videoscale ! video/x-raw,width=100 ! fakesink sync=true"),
                Arguments.of("videotestsrc num-buffers=1 ! imagefreeze ! fakesink sync=true"),
                Arguments.of("videotestsrc ! pngenc ! pngdec ! fakesink"),
                Arguments.of("videotestsrc ! autovideosink"),
                Arguments.of("filesrc location=%IN% ! filesink location=%OUT%"),
                Arguments.of("videotestsrc ! multifilesink location=%DIR%/f%05d max-files=3"));
    }

    /** The description with its placeholders filled in: a 1 MB input file, an output file, a directory. */
    private String fill(String template) throws IOException {
        if (template.contains("%IN%")) {
            byte[] data = new byte[1 << 20];
            new Random(42).nextBytes(data);
            Path in = Files.write(tmp.resolve("in.bin"), data);
            template = template.replace("%IN%", in.toString());
        }
        if (template.contains("%DIR%")) {
            Path dir = Files.createDirectories(tmp.resolve("multi"));
            template = template.replace("%DIR%", dir.toString());
        }
        return template.replace("%OUT%", tmp.resolve("out.bin").toString());
    }

    // ---------------------------------------------------------------- the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void cyclesNullPlayingNullWithDataFlowingAndLeavesNoThreads(String template) throws Exception {
        Pipeline p = build(fill(template));
        AtomicInteger buffers = countBuffersAtSinks(p);
        try {
            for (int i = 0; i < CYCLES; i++) {
                String when = "cycle " + i + " of " + p.getName() + " (" + template + ")";
                buffers.set(0);
                assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING), when + ": setState(PLAYING)");
                awaitState(p, State.PLAYING, when);
                await(() -> buffers.get() > 0, when + ": a buffer reaching a sink");
                // the thread check below is not vacuous: a streaming thread named after a pad is running now
                // (or has already ended after EOS, as for the 1 MB file)
                if (!template.contains("filesrc")) {
                    assertTrue(!threadsOf(p).isEmpty(), when + ": no streaming thread found while PLAYING");
                }

                if (template.contains("max-files=3")) {
                    // the probe sees a buffer before the sink renders it: wait for the first file too
                    await(() -> {
                        try {
                            return filesIn(tmp.resolve("multi"), false) > 0;
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    }, when + ": a file written by multifilesink");
                }

                if (i % 5 == 0) {
                    // PLAYING -> PAUSED -> PLAYING, twice
                    for (int k = 0; k < 2; k++) {
                        assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PAUSED), when + ": setState(PAUSED)");
                        awaitState(p, State.PAUSED, when + " pause " + k);
                        assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING), when + ": back to PLAYING");
                        awaitState(p, State.PLAYING, when + " resume " + k);
                    }
                }

                assertEquals(StateChangeReturn.SUCCESS, setStateBounded(p, State.NULL, when), when + ": setState(NULL)");
                assertEquals(State.NULL, p.getCurrentState(), when);
                assertNoThreadsLeft(p, when);
                if (template.contains("max-files=3")) {
                    // as in GStreamer, max-files counts the files of one run (stop() forgets the older ones)
                    long n = filesIn(tmp.resolve("multi"), true);
                    assertTrue(n >= 1 && n <= 3, when + ": multifilesink max-files=3 left " + n + " files of this run");
                }
            }
        } finally {
            setStateBounded(p, State.NULL, "cleanup");
        }
    }

    /** Counts the files in {@code dir}, then deletes them if asked. */
    private static long filesIn(Path dir, boolean delete) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        if (delete) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
        return files.size();
    }

    @Test
    void nullFromPausedWhileTheSinkHoldsItsPrerollBuffer() throws Exception {
        Pipeline p = build("videotestsrc ! fakesink sync=true");
        AtomicInteger buffers = countBuffersAtSinks(p);
        try {
            for (int i = 0; i < 5; i++) {
                String when = "preroll cycle " + i + " of " + p.getName();
                buffers.set(0);
                // ASYNC while the sink waits for its first buffer; SUCCESS if it already prerolled
                // while the bin was still visiting its children.
                StateChangeReturn toPaused = p.setState(State.PAUSED);
                assertTrue(toPaused == StateChangeReturn.ASYNC || toPaused == StateChangeReturn.SUCCESS,
                        when + ": a sink prerolls, got " + toPaused);
                awaitState(p, State.PAUSED, when);
                // prerolled: the sink has its first buffer, and the source's thread waits inside it
                assertEquals(1, buffers.get(), when + ": one buffer, held as preroll");
                Thread streaming = thread(firstSourceName(p) + ":src");
                assertTrue(streaming != null, when + ": no streaming thread " + firstSourceName(p) + ":src");
                {
                    await(() -> streaming.getState() == Thread.State.WAITING
                            || streaming.getState() == Thread.State.TIMED_WAITING, when + ": the source thread blocked in preroll");
                }
                assertEquals(StateChangeReturn.SUCCESS, setStateBounded(p, State.NULL, when), when + ": setState(NULL)");
                assertNoThreadsLeft(p, when);
            }
        } finally {
            setStateBounded(p, State.NULL, "cleanup");
        }
    }

    @Test
    void nullFromPlayingWhileTheSinkWaitsOnTheClock() throws Exception {
        // a frame every ten seconds: after the first frame is rendered, the sink waits for the second
        Pipeline p = build("videotestsrc ! video/x-raw,framerate=1/10 ! fakesink sync=true signal-handoffs=true");
        AtomicInteger buffers = countBuffersAtSinks(p);
        FakeSink sink = (FakeSink) p.getSinks().get(0);
        AtomicInteger rendered = new AtomicInteger();
        sink.addHandoffListener((s, b, pad) -> rendered.incrementAndGet());
        try {
            for (int i = 0; i < 3; i++) {
                String when = "clock-wait cycle " + i + " of " + p.getName();
                buffers.set(0);
                rendered.set(0);
                assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING), when);
                awaitState(p, State.PLAYING, when);
                await(() -> rendered.get() == 1 && buffers.get() >= 2, when + ": first frame rendered, second at the sink");
                assertEquals(StateChangeReturn.SUCCESS, setStateBounded(p, State.NULL, when), when + ": setState(NULL)");
                // the wait was cut short, not waited out: the second frame was never rendered
                assertEquals(1, rendered.get(), when + ": frames rendered");
                assertNoThreadsLeft(p, when);
            }
        } finally {
            setStateBounded(p, State.NULL, "cleanup");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Pipeline build(String description) {
        Element e = Parse.launch(description);
        return assertInstanceOf(Pipeline.class, e, description);
    }

    private static String firstSourceName(Pipeline p) {
        return p.getSources().get(0).getName();
    }

    /** Counts the buffers arriving at every sink (an element with sink pads and no source pads). */
    private static AtomicInteger countBuffersAtSinks(Bin bin) {
        AtomicInteger count = new AtomicInteger();
        for (Element e : bin.getChildrenRecursive()) {
            if (e.getSrcPads().isEmpty() && !e.getSinkPads().isEmpty()) {
                for (Pad pad : e.getSinkPads()) {
                    pad.addProbe(Set.of(PadProbe.Type.BUFFER), (pp, info) -> {
                        count.incrementAndGet();
                        return PadProbe.Return.OK;
                    });
                }
            }
        }
        assertTrue(count.get() == 0 && !bin.getChildrenRecursive().isEmpty());
        return count;
    }

    /** Waits (hang guard only) until {@code p} has reached {@code state}. */
    private static void awaitState(Pipeline p, State state, String when) {
        Element.StateResult r = p.getState(TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS));
        if (r.result() == StateChangeReturn.ASYNC) {
            fail(when + ": " + p.getName() + " still changing state after the hang guard of " + HANG_GUARD_SECONDS
                    + " s: " + r + ", threads: " + threadsOf(p));
        }
        assertNotEquals(StateChangeReturn.FAILURE, r.result(), when + ": " + r);
        assertEquals(state, r.current(), when + ": " + r);
    }

    /** {@code setState} in another thread, so that a hang fails the test instead of blocking it. */
    private static StateChangeReturn setStateBounded(Pipeline p, State state, String when) throws Exception {
        return bounded(() -> p.setState(state), when + ": setState(" + state + ") of " + p.getName());
    }

    private static <T> T bounded(Callable<T> call, String what) throws Exception {
        Future<T> f = guard.submit(call);
        try {
            return f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder stacks = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("state-cycling-guard") || t.getName().contains(":")) {
                    stacks.append("\n").append(t.getName()).append(" ").append(t.getState());
                    for (StackTraceElement s : st) {
                        stacks.append("\n    at ").append(s);
                    }
                }
            });
            throw new AssertionError(what + " did not return within the hang guard of " + HANG_GUARD_SECONDS + " s" + stacks);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("hang guard: still waiting for " + what + " after " + HANG_GUARD_SECONDS + " s");
            }
            Thread.sleep(2);
        }
    }

    private static Thread thread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Alive threads named after an element of {@code p} ("queue0:src") or a bin's ":continue" thread. */
    private static List<String> threadsOf(Pipeline p) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(p.getName() + ":");
        for (Element e : p.getChildrenRecursive()) {
            prefixes.add(e.getName() + ":");
        }
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && (n.endsWith(":continue") || prefixes.stream().anyMatch(n::startsWith))) {
                out.add(n + " (" + t.getState() + ")");
            }
        }
        return out;
    }

    private static void assertNoThreadsLeft(Pipeline p, String when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THREAD_EXIT_GUARD_SECONDS);
        List<String> left = threadsOf(p);
        while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
            left = threadsOf(p);
        }
        if (!left.isEmpty()) {
            fail(when + ": threads still alive " + THREAD_EXIT_GUARD_SECONDS + " s after setState(NULL): " + left);
        }
    }
}
