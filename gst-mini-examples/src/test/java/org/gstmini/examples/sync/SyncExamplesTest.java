package org.gstmini.examples.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CountDownLatch;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.debug.ChainTracer;
import org.gstmini.core.debug.Tracers;
import org.junit.jupiter.api.Test;

/**
 * Runs each sync example in-process with small parameters and checks what it prints: the
 * numbers and thread names a learner is told to look at. Nothing here depends on timing.
 */
class SyncExamplesTest {
    /** Output and exit code of one run. */
    record Run(int code, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs an example and checks that it exits 0 and leaves no streaming thread behind. */
    static Run run(BiFunction<String[], PrintStream, Integer> example, String... args) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = example.apply(args, out);
        }
        Run run = new Run(code, bytes.toString(StandardCharsets.UTF_8));
        assertEquals(0, run.code(), run.out());
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            // Streaming tasks ("videotestsrc0:src", "queue0:src") and helpers ("pipeline0:continue")
            // have a colon in their names.
            if (t.isAlive() && !before.contains(t) && t.getName().contains(":")) {
                left.add(t.getName() + " " + t.getState());
            }
        }
        assertTrue(left.isEmpty(), () -> "threads left after NULL: " + left + "\n" + run.out());
        return run;
    }

    /** Parses {@code h:mm:ss.nnnnnnnnn} back to nanoseconds. */
    static long parseTime(String text) {
        Matcher m = Pattern.compile("(\\d+):(\\d\\d):(\\d\\d)\\.(\\d{9})").matcher(text);
        assertTrue(m.matches(), text);
        return Long.parseLong(m.group(1)) * 3600 * ClockTime.SECOND + Long.parseLong(m.group(2)) * 60 * ClockTime.SECOND
                + Long.parseLong(m.group(3)) * ClockTime.SECOND + Long.parseLong(m.group(4));
    }

    private static final String TIME = "(\\d+:\\d\\d:\\d\\d\\.\\d{9})";
    /** A TimingSink row: thread, index, running time, latency, ts-offset, base time, due, now, lateness. */
    private static final Pattern ROW = Pattern.compile("\\[(\\S+)\\]\\s+(\\d+)\\s+" + TIME + " \\+ (\\S+ ms)\\s+\\+ (\\S+ ms)\\s+\\+ "
            + TIME + "\\s+= " + TIME + "\\s+" + TIME + "\\s+[+-][\\d,]+ µs");

    @Test
    void simpleSyncRendersEveryBufferAtRunningTimePlusBaseTime() {
        Run run = run(SimpleSync::run, "5", "100");
        List<Matcher> rows = new ArrayList<>();
        for (String line : run.lines()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(m);
            }
        }
        assertEquals(5, rows.size(), run.out());
        long previous = -1;
        long baseTime = parseTime(rows.get(0).group(6));
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = rows.get(i);
            assertEquals(i, Integer.parseInt(m.group(2)), run.out());
            long runningTime = parseTime(m.group(3));
            assertTrue(runningTime >= previous, "running times go down:\n" + run.out());
            previous = runningTime;
            // 100 fps: frame i is at i * 10 ms; not live, no offset: nothing but base_time is added.
            assertEquals(i * 10 * ClockTime.MSECOND, runningTime, run.out());
            assertEquals("0 ms", m.group(4), run.out());
            assertEquals("0 ms", m.group(5), run.out());
            assertEquals(baseTime, parseTime(m.group(6)), "one base_time for the whole run\n" + run.out());
            assertEquals(runningTime + baseTime, parseTime(m.group(7)), "due = running_time + base_time\n" + run.out());
            // the sink never renders before its time (SystemClock ends a wait within 100 ns of the target)
            assertTrue(parseTime(m.group(8)) > parseTime(m.group(7)) - ClockTime.USECOND, run.out());
            assertTrue(m.group(1).matches("videotestsrc\\d+:src"), "rendered on the source's thread\n" + run.out());
        }
    }

    /** The summary rows of a queue experiment: label → [frames, threads]. */
    static String[] summaryRow(Run run, String label) {
        Pattern p = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)\\s+.*\\s{2}(\\S+(, \\S+)*)$");
        for (String line : run.lines()) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return new String[] {m.group(1), m.group(2)};
            }
        }
        throw new AssertionError("no row '" + label + "' in:\n" + run.out());
    }

    @Test
    void withoutQueueOneThreadPushesAndRenders() {
        Run run = run(WithoutQueue::run, "20", "100", "5", "20");
        String[] source = summaryRow(run, "source (push)");
        String[] sink = summaryRow(run, "sink (render)");
        assertEquals("20", source[0], run.out());
        assertEquals("20", sink[0], run.out());
        assertTrue(source[1].matches("videotestsrc\\d+:src"), run.out());
        assertEquals(source[1], sink[1], "the sink renders on the source's thread\n" + run.out());
        assertTrue(run.out().contains("one thread, " + source[1]), run.out());
    }

    @Test
    void withQueueTheSinkRunsOnTheQueuesThread() {
        Run run = run(WithQueue::run, "20", "100", "5", "20");
        String[] source = summaryRow(run, "source (push)");
        String[] sink = summaryRow(run, "sink (render)");
        assertEquals("20", source[0], run.out());
        assertEquals("20", sink[0], "a non-leaky queue loses no frame\n" + run.out());
        assertTrue(source[1].matches("videotestsrc\\d+:src"), run.out());
        assertTrue(sink[1].matches("queue\\d+:src"), run.out());
        assertTrue(run.out().contains("two threads: " + source[1] + " pushed, " + sink[1] + " rendered"), run.out());
    }

    @Test
    void callChainNestsIdentityTeeQueueThenContinuesOnTheQueuesThread() {
        Run run = run(CallChain::run, "2");
        assertFalse(Tracers.installed().stream().anyMatch(t -> t instanceof ChainTracer), "tracer left installed");
        Pattern chain = Pattern.compile("\\[(videotestsrc\\d+:src)\\]( *)(identity|tee|queue)\\d+:sink chain");
        List<String> lines = run.lines();
        int depthIdentity = -1;
        int depthTee = -1;
        int depthQueue = -1;
        for (String line : lines) {
            Matcher m = chain.matcher(line);
            if (m.matches()) {
                int depth = (m.group(2).length() - 1) / 2; // one space after "]", then two per level
                switch (m.group(3)) {
                    case "identity" -> depthIdentity = depthIdentity < 0 ? depth : depthIdentity;
                    case "tee" -> depthTee = depthTee < 0 ? depth : depthTee;
                    default -> depthQueue = depthQueue < 0 ? depth : depthQueue;
                }
            }
        }
        assertTrue(depthIdentity > 0, run.out());
        assertTrue(depthTee > depthIdentity, "tee0 runs inside identity0's chain\n" + run.out());
        assertTrue(depthQueue > depthTee, "queue0 runs inside tee0's chain\n" + run.out());
        // The journey goes on from a new stack on the queue's own thread, at depth 0.
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[(queue\\d+:src)\\] \\1 push -> fakesink\\d+:sink \\(pts .*\\)")),
                run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[queue\\d+:src\\]   fakesink\\d+:sink chain returned ok")),
                run.out());
        // and the FlowReturn came all the way back up to the source's push
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[(videotestsrc\\d+:src)\\] \\1 push returned ok")), run.out());
    }

    @Test
    void aHiccupNeverHoldsUpAStateChange() throws InterruptedException {
        TimingSink.register();
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        // Every render would take a minute: going to NULL must cut the first one short (unlock()).
        Pipeline pipeline = Playback.launch("videotestsrc is-live=true ! timingsink silent=true hiccup-every=1 hiccup-ms=60000");
        TimingSink sink = (TimingSink) Playback.find(pipeline, "timingsink");
        CountDownLatch rendering = new CountDownLatch(1);
        sink.setListener(t -> rendering.countDown());
        pipeline.setState(State.PLAYING);
        rendering.await(); // the streaming thread is now in render, about to wait a minute
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && t.getName().contains(":")) {
                left.add(t.getName());
            }
        }
        assertTrue(left.isEmpty(), () -> "threads left after NULL: " + left);
    }
}
