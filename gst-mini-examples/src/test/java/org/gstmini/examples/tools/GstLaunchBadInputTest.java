package org.gstmini.examples.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gst-launch with input it cannot play: every case must end with a non-zero exit code and a
 * message that says what is wrong (and, for a typo, what was meant). Runs the tool in-process
 * through {@link GstLaunch#run(String[], PrintStream, PrintStream)}; the run is bounded only as
 * a hang guard.
 */
class GstLaunchBadInputTest {
    private static final long HANG_GUARD_SECONDS = 30;

    private static ExecutorService runner;

    record Run(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    @BeforeAll
    static void startRunner() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-launcher");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopRunner() {
        runner.shutdownNow();
    }

    static Run launch(String... args) throws Exception {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Future<Integer> f = runner.submit(() -> GstLaunch.run(args, out, err));
        int code;
        try {
            code = f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("gst-launch did not return (hang guard) for " + String.join(" ", args)
                    + "\n--- out:\n" + outBytes.toString(StandardCharsets.UTF_8)
                    + "--- err:\n" + errBytes.toString(StandardCharsets.UTF_8));
        }
        return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    static void assertErrContains(Run run, String expected) {
        assertTrue(run.err().contains(expected), "expected stderr to contain <" + expected + ">:\n" + run.all());
    }

    /** Asserts that stderr has a match for {@code regex} (element names are numbered per JVM, like GStreamer's). */
    static void assertErrMatches(Run run, String regex) {
        assertTrue(Pattern.compile(regex).matcher(run.err()).find(),
                "expected stderr to match <" + regex + ">:\n" + run.all());
    }

    @Test
    void unknownElementIsReportedWithASuggestion() throws Exception {
        Run run = launch("fakesrc", "!", "fakesnk");
        assertNotEquals(0, run.code(), run.all());
        assertErrContains(run, "WARNING: erroneous pipeline: no element \"fakesnk\"");
        assertErrContains(run, "did you mean 'fakesink'");
        // the caret points at the offending word
        assertErrContains(run, "  fakesrc ! fakesnk\n            ^");
        assertTrue(run.out().isEmpty(), "nothing was played:\n" + run.all());
    }

    @Test
    void unknownPropertyIsReportedWithASuggestion() throws Exception {
        Run run = launch("fakesrc", "num-bufers=3", "!", "fakesink");
        assertNotEquals(0, run.code(), run.all());
        assertErrMatches(run, "WARNING: erroneous pipeline: fakesrc\\d+ \\(FakeSrc\\) has no property 'num-bufers'");
        assertErrContains(run, "did you mean 'num-buffers'?");
    }

    @Test
    void badPropertyValueNamesThePropertyAndTheValue() throws Exception {
        Run run = launch("fakesrc", "num-buffers=abc", "!", "fakesink");
        assertNotEquals(0, run.code(), run.all());
        assertErrMatches(run, "WARNING: erroneous pipeline: fakesrc\\d+: property 'num-buffers': cannot read \"abc\" as Integer");
        assertErrContains(run, "  fakesrc num-buffers=abc ! fakesink\n                      ^");
    }

    @Test
    void unlinkableCapsNameBothSidesOfTheFailedLink() throws Exception {
        Run run = launch("videotestsrc", "!", "audio/x-raw", "!", "fakesink");
        assertNotEquals(0, run.code(), run.all());
        assertErrMatches(run, "could not link videotestsrc\\d+:src to capsfilter\\d+:sink: their caps have nothing in common");
        assertErrMatches(run, "videotestsrc\\d+:src can produce: video/x-raw");
        assertErrMatches(run, "capsfilter\\d+:sink accepts: audio/x-raw");
    }

    @Test
    void missingFileForFilesrcNamesTheElementThePathAndTheReason() throws Exception {
        Path missing = Path.of("/nonexistent/x");
        Run run = launch("filesrc", "location=" + missing, "!", "fakesink");
        assertNotEquals(0, run.code(), run.all());
        assertErrMatches(run, "ERROR: from element /Pipeline:pipeline\\d+/FileSrc:filesrc\\d+: "
                + Pattern.quote("Could not open file \"/nonexistent/x\" for reading."));
        assertErrContains(run, "No such file \"/nonexistent/x\"");
        assertErrContains(run, "No such file or directory");
        assertErrContains(run, "Failed to set pipeline to PAUSED.");
        assertTrue(run.out().contains("Setting pipeline to NULL ..."), run.all());
        assertEquals(1, run.err().split("ERROR: from element", -1).length - 1,
                "only the first error is shown, as gst-launch-1.0 does:\n" + run.all());
    }

    @Test
    void unwritablePathForFilesinkNamesThePathAndTheOsReason(@TempDir Path dir) throws Exception {
        Path regular = Files.writeString(dir.resolve("regular-file"), "not a directory");
        Path target = regular.resolve("sub").resolve("out");
        Run run = launch("fakesrc", "num-buffers=1", "!", "filesink", "location=" + target);
        assertNotEquals(0, run.code(), run.all());
        assertErrMatches(run, "ERROR: from element /Pipeline:pipeline\\d+/FileSink:filesink\\d+: "
                + Pattern.quote("Could not open file \"" + target + "\" for writing."));
        assertErrContains(run, "Not a directory");
        assertTrue(Files.isRegularFile(regular), "the regular file is untouched");
    }

    @Test
    void aGoodPipelineStillExitsZeroAfterTheBadOnes() throws Exception {
        // the failures above leave nothing behind that breaks the next run in the same JVM
        Run run = launch("fakesrc", "num-buffers=3", "!", "fakesink");
        assertEquals(0, run.code(), run.all());
        assertTrue(Pattern.compile("Got EOS from element \"pipeline\\d+\"\\.").matcher(run.out()).find(), run.all());
    }
}
