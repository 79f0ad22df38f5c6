package org.gstmini.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link GStreamerTool}: the probe, a run that succeeds, one that fails, a run that outlives its
 * timeout and is killed, and the skip contract of {@code launchOrSkip}. The runs need
 * {@code gst-launch-1.0} and skip without it.
 */
class GStreamerToolTest {
    private static final Duration GUARD = Duration.ofMinutes(2);

    /** A skip that records its reason instead of ending the test. */
    private static final class Skipped extends RuntimeException {
        Skipped(String reason) {
            super(reason);
        }
    }

    private static void skip(boolean condition, String reason) {
        if (!condition) {
            throw new Skipped(reason);
        }
    }

    @Test
    void aMissingProgramIsReportedAsNotInstalled() {
        String why = GStreamerTool.probe("gst-mini-no-such-tool-1.0");
        assertTrue(why.startsWith("gst-mini-no-such-tool-1.0 is not installed: "), why);
        assertThrows(IOException.class, () -> GStreamerTool.run("gst-mini-no-such-tool-1.0", GUARD, List.of()));
    }

    @Test
    void whyMissingIsGivenExactlyWhenNotInstalled() {
        assertEquals(GStreamerTool.isInstalled(), GStreamerTool.whyMissing() == null);
    }

    @Test
    void aPipelineThatReachesEosExitsWithZero() throws Exception {
        Assumptions.assumeTrue(GStreamerTool.isInstalled(), GStreamerTool::whyMissing);
        GStreamerTool.Result r = GStreamerTool.launch(GUARD, "fakesrc", "num-buffers=3", "!", "fakesink");
        assertTrue(r.succeeded(), r::describe);
        assertEquals(List.of("gst-launch-1.0", "fakesrc", "num-buffers=3", "!", "fakesink"), r.command());
        assertTrue(r.output().contains("Got EOS from element"), r.output());
        String output = GStreamerTool.launchOrSkip(GStreamerToolTest::skip, GUARD, "fakesrc", "num-buffers=3", "!",
                "fakesink");
        assertTrue(output.contains("Got EOS from element"), output);
    }

    @Test
    void anUnknownElementIsANonZeroExitThatLaunchOrSkipSkips() throws Exception {
        Assumptions.assumeTrue(GStreamerTool.isInstalled(), GStreamerTool::whyMissing);
        GStreamerTool.Result r = GStreamerTool.launch(GUARD, "gstmininosuchelement", "!", "fakesink");
        assertFalse(r.succeeded());
        assertTrue(r.output().contains("gstmininosuchelement"), r.output());
        assertTrue(r.describe().startsWith("gst-launch-1.0 gstmininosuchelement ! fakesink exited with 1:\n"),
                r.describe());

        Skipped skipped = assertThrows(Skipped.class, () -> GStreamerTool.launchOrSkip(GStreamerToolTest::skip, GUARD,
                "gstmininosuchelement", "!", "fakesink"));
        assertEquals(r.describe(), skipped.getMessage());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GStreamerTool.launchOrSkip(
                (condition, reason) -> { }, GUARD, "gstmininosuchelement", "!", "fakesink"));
        assertTrue(e.getMessage().startsWith("the test should have been skipped: gst-launch-1.0 gstmininosuchelement"),
                e.getMessage());
    }

    /** A pipeline with no end is killed at the timeout; the exception names the command. */
    @Test
    void aRunPastItsTimeoutIsKilled() {
        Assumptions.assumeTrue(GStreamerTool.isInstalled(), GStreamerTool::whyMissing);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GStreamerTool.launch(Duration.ofMillis(300), "fakesrc", "!", "fakesink"));
        assertTrue(e.getMessage().startsWith("gst-launch-1.0 did not finish within 300 ms and was killed: "
                + "gst-launch-1.0 fakesrc ! fakesink\n"), e.getMessage());
        assertTrue(ProcessHandle.current().children().noneMatch(p -> p.isAlive()
                && p.info().command().orElse("").endsWith(GStreamerTool.GST_LAUNCH)), "gst-launch-1.0 left running");
    }
}
