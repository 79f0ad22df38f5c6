package org.gstmini.examples.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GstLaunchTest {
    /** Output and exit code of one in-process run. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        String all() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    static final class Streams {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    static Run launch(String... args) {
        Streams s = new Streams();
        int code = GstLaunch.run(args, s.out, s.err);
        return new Run(code, s.out(), s.err());
    }

    @BeforeAll
    static void registerTestElements() {
        ToolTestSink.register();
    }

    /** Asserts that the lines matching the patterns appear in this order (other lines may come between). */
    static void assertInOrder(Run run, String... patterns) {
        List<String> lines = run.lines();
        int from = 0;
        for (String p : patterns) {
            Pattern pattern = Pattern.compile(p);
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).matches()) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, "no line matching " + p + " after line " + from + ":\n" + run.all());
            from = found + 1;
        }
    }

    @Test
    void playsTheHelloPipelineToEosAndSaysSoLikeGstLaunch() {
        Run run = launch("ticksrc", "num-buffers=2", "interval=1000000", "!", "uppercase", "!", "consolesink");
        assertEquals(0, run.code(), run.all());
        assertInOrder(run,
                "Setting pipeline to PAUSED \\.\\.\\.",
                "Pipeline is live and does not need PREROLL \\.\\.\\.",
                "Pipeline is PREROLLED \\.\\.\\.",
                "Setting pipeline to PLAYING \\.\\.\\.",
                "New clock: GstSystemClock",
                "Got EOS from element \"pipeline\\d+\"\\.",
                "Execution ended after \\d+:\\d\\d:\\d\\d\\.\\d{9}",
                "Setting pipeline to NULL \\.\\.\\.",
                "Freeing pipeline \\.\\.\\.");
        assertEquals("", run.err(), run.all());
    }

    @Test
    void aNonLivePipelinePrerollsAndQuietPrintsNothing() {
        Run run = launch("tooltestsink");
        assertEquals(0, run.code(), run.all());
        assertInOrder(run, "Setting pipeline to PAUSED \\.\\.\\.", "Pipeline is PREROLLED \\.\\.\\.",
                "Setting pipeline to PLAYING \\.\\.\\.", "Got EOS from element \"pipeline\\d+\"\\.");
        assertFalse(run.out().contains("does not need PREROLL"), run.all());

        Run quiet = launch("-q", "tooltestsink");
        assertEquals(0, quiet.code(), quiet.all());
        assertEquals("", quiet.out(), quiet.all());
    }

    @Test
    void aSyntaxErrorCannotBeConstructedAndPointsAtTheProblem() {
        Run run = launch("ticksrc", "!", "(", "consolesink");
        assertEquals(1, run.code(), run.all());
        assertEquals("", run.out(), run.all());
        List<String> err = run.err().lines().toList();
        assertTrue(err.get(0).startsWith("ERROR: pipeline could not be constructed: unbalanced '('"), run.all());
        assertEquals("  ticksrc ! ( consolesink", err.get(1), run.all());
        assertEquals("            ^", err.get(2), run.all());
    }

    @Test
    void anUnknownElementIsAnErroneousPipelineWithASuggestion() {
        Run run = launch("tiksrc", "!", "consolesink");
        assertEquals(1, run.code(), run.all());
        List<String> err = run.err().lines().toList();
        assertEquals("WARNING: erroneous pipeline: no element \"tiksrc\"; did you mean 'ticksrc'?", err.get(0), run.all());
        assertEquals("  tiksrc ! consolesink", err.get(1), run.all());
        assertEquals("  ^", err.get(2), run.all());
    }

    @Test
    void anUnknownPropertyIsAnErroneousPipelineToo() {
        Run run = launch("ticksrc", "num-bufers=3", "!", "consolesink");
        assertEquals(1, run.code(), run.all());
        assertTrue(run.err().startsWith("WARNING: erroneous pipeline: "), run.all());
        assertTrue(run.err().contains("did you mean 'num-buffers'?"), run.all());
    }

    @Test
    void anErrorWhilePlayingIsPrintedWithItsDebugInfoAndExitsWith1() {
        Run run = launch("tooltestsink", "action=error-in-playing");
        assertEquals(1, run.code(), run.all());
        assertTrue(Pattern.compile("ERROR: from element /Pipeline:pipeline\\d+/ToolTestSink:tooltestsink\\d+:"
                        + " Internal data stream error\\.\nAdditional debug info:\nstreaming stopped, reason error\n")
                .matcher(run.err()).find(), run.all());
        assertInOrder(run, "Setting pipeline to PLAYING \\.\\.\\.", "Execution ended after .*",
                "Setting pipeline to NULL \\.\\.\\.", "Freeing pipeline \\.\\.\\.");
        assertFalse(run.out().contains("Got EOS"), run.all());
    }

    @Test
    void aFailedStateChangeIsReportedLikeGstLaunchAndExitsWith255() {
        Run run = launch("tooltestsink", "action=error-in-paused");
        assertEquals(GstLaunch.EXIT_STATE_CHANGE_FAILURE, run.code(), run.all());
        List<String> err = run.err().lines().toList();
        assertTrue(err.get(0).matches("ERROR: from element /Pipeline:pipeline\\d+/ToolTestSink:tooltestsink\\d+:"
                + " Resource not found\\."), run.all());
        assertEquals("Additional debug info:", err.get(1), run.all());
        assertEquals("ERROR: pipeline doesn't want to preroll.", err.get(3), run.all());
        assertEquals("Failed to set pipeline to PAUSED.", err.get(4), run.all());
        assertEquals(List.of("Setting pipeline to PAUSED ...", "Setting pipeline to NULL ...", "Freeing pipeline ..."),
                run.lines(), run.all());
    }

    @Test
    void verbosePrintsTheCapsOfEveryPadInGStreamersOrder() {
        Run run = launch("-v", "ticksrc", "num-buffers=1", "interval=1000000", "!", "uppercase", "!", "consolesink");
        assertEquals(0, run.code(), run.all());
        String caps = ": caps = text/x-raw, format=\\(string\\)utf8";
        assertInOrder(run,
                "/Pipeline:pipeline\\d+/TickSource:ticksrc\\d+\\.GstPad:src" + caps,
                "/Pipeline:pipeline\\d+/UpperCase:uppercase\\d+\\.GstPad:src" + caps,
                "/Pipeline:pipeline\\d+/ConsoleSink:consolesink\\d+\\.GstPad:sink" + caps,
                "/Pipeline:pipeline\\d+/UpperCase:uppercase\\d+\\.GstPad:sink" + caps,
                "Got EOS from element \"pipeline\\d+\"\\.");
        assertEquals(4, run.lines().stream().filter(l -> l.contains(": caps = ")).count(), "each pad once:\n" + run.all());

        Run excluded = launch("-v", "-X", "caps", "ticksrc", "num-buffers=1", "interval=1000000", "!", "consolesink");
        assertEquals(0, excluded.code(), excluded.all());
        assertFalse(excluded.out().contains(": caps = "), excluded.all());
    }

    @Test
    void messagesPrintsEveryBusMessageWithItsDetails() {
        Run run = launch("-m", "tooltestsink");
        assertEquals(0, run.code(), run.all());
        assertInOrder(run,
                "Got message #\\d+ from element \"pipeline\\d+\" \\(state-changed\\): GstMessageStateChanged,"
                        + " old-state=\\(GstState\\)null, new-state=\\(GstState\\)ready,"
                        + " pending-state=\\(GstState\\)paused;",
                "Pipeline is PREROLLED \\.\\.\\.",
                "Got message #\\d+ from element \"pipeline\\d+\" \\(new-clock\\): GstMessageNewClock,"
                        + " clock=\\(GstClock\\)GstSystemClock;",
                "New clock: GstSystemClock",
                "Got message #\\d+ from element \"pipeline\\d+\" \\(eos\\): no message details",
                "Got EOS from element \"pipeline\\d+\"\\.");
    }

    @Test
    void tagsArePrintedWithT() {
        Run run = launch("-t", "tooltestsink", "tags=true");
        assertEquals(0, run.code(), run.all());
        assertInOrder(run, "FOUND TAG      : found by element \"tooltestsink\\d+\"\\.",
                "           title: Hello tools",
                "         bitrate: 128000");
        Run without = launch("tooltestsink", "tags=true");
        assertFalse(without.out().contains("FOUND TAG"), without.all());
    }

    @Test
    void eosOnShutdownSendsEosWhenInterruptedAndWaitsForIt() throws Exception {
        Streams s = new Streams();
        GstLaunch launch = new GstLaunch(s.out, s.err);
        AtomicInteger code = new AtomicInteger(-100);
        Thread main = new Thread(() -> code.set(launch.run(new String[] {"-e", "ticksrc", "num-buffers=-1",
                "interval=5000000", "!", "uppercase", "!", "consolesink"})), "gst-launch-test");
        main.start();
        awaitOutput(s, "Setting pipeline to PLAYING ...");
        Thread.sleep(50); // a few ticks
        assertTrue(launch.interrupt(), s.out());
        assertTrue(launch.awaitFinished(10, TimeUnit.SECONDS), "no end within 10 s:\n" + s.out());
        main.join();
        Run run = new Run(code.get(), s.out(), s.err());
        assertEquals(0, run.code(), run.all());
        assertInOrder(run,
                "handling interrupt\\.",
                "Interrupt: Stopping pipeline \\.\\.\\.",
                "EOS on shutdown enabled -- Forcing EOS on the pipeline",
                "Waiting for EOS\\.\\.\\.",
                "Got EOS from element \"pipeline\\d+\"\\.",
                "EOS received - stopping pipeline\\.\\.\\.",
                "Execution ended after .*",
                "Setting pipeline to NULL \\.\\.\\.",
                "Freeing pipeline \\.\\.\\.");
        assertFalse(launch.interrupt(), "nothing left to interrupt");
    }

    @Test
    void anInterruptWithoutEosOnShutdownStopsAtOnce() throws Exception {
        Streams s = new Streams();
        GstLaunch launch = new GstLaunch(s.out, s.err);
        AtomicInteger code = new AtomicInteger(-100);
        Thread main = new Thread(() -> code.set(launch.run(new String[] {"ticksrc", "num-buffers=-1",
                "interval=5000000", "!", "consolesink"})), "gst-launch-test");
        main.start();
        awaitOutput(s, "Setting pipeline to PLAYING ...");
        assertTrue(launch.interrupt(), s.out());
        assertTrue(launch.awaitFinished(10, TimeUnit.SECONDS), "no end within 10 s:\n" + s.out());
        main.join();
        Run run = new Run(code.get(), s.out(), s.err());
        assertEquals(0, run.code(), run.all());
        assertInOrder(run, "handling interrupt\\.", "Interrupt: Stopping pipeline \\.\\.\\.", "Execution ended after .*",
                "Setting pipeline to NULL \\.\\.\\.", "Freeing pipeline \\.\\.\\.");
        assertFalse(run.out().contains("Got EOS"), run.all());
    }

    private static void awaitOutput(Streams s, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!s.out().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no \"" + text + "\" within 10 s:\n" + s.out() + s.err());
            Thread.sleep(5);
        }
    }

    @Test
    void helpAndBadOptions() {
        Run help = launch("--help");
        assertEquals(0, help.code(), help.all());
        assertTrue(help.out().startsWith("Usage:\n  gst-launch [OPTION...] PIPELINE-DESCRIPTION"), help.all());
        assertTrue(help.out().contains("-e, --eos-on-shutdown"), help.all());
        assertTrue(help.out().contains("chain"), "lists the tracers:\n" + help.all());

        Run bad = launch("-z", "ticksrc");
        assertEquals(1, bad.code(), bad.all());
        assertTrue(bad.err().startsWith("Error initializing: Unknown option -z"), bad.all());

        Run missing = launch("ticksrc", "-X");
        assertEquals(1, missing.code(), missing.all());
    }

    @Test
    void wordsAreJoinedIntoOneDescription() {
        assertEquals("filesrc location=\"/tmp/a b.txt\" ! fakesink",
                GstLaunch.joinDescription(List.of("filesrc", "location=/tmp/a b.txt", "!", "fakesink")));
        assertEquals("capsfilter caps=\"video/x-raw, width=(int)320\"",
                GstLaunch.joinDescription(List.of("capsfilter", "caps=video/x-raw, width=(int)320")));
        assertEquals("a name=\"say \\\"hi\\\"\"", GstLaunch.joinDescription(List.of("a", "name=say \"hi\"")));
        // a whole description in one word, and values the shell kept quoted, stay as written
        assertEquals("ticksrc num-buffers=1 ! consolesink", GstLaunch.joinDescription(List.of("ticksrc num-buffers=1 ! consolesink")));
        assertEquals("x name=\"a b\"", GstLaunch.joinDescription(List.of("x", "name=\"a b\"")));
    }
}
