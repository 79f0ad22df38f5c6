package org.gstmini.core.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The installed GStreamer 1.x command-line tools as an independent reference for tests: run the
 * real {@code gst-launch-1.0} with a pipeline, then compare what it wrote (a raw frame through
 * {@code filesink}, a caps line printed by {@code -v}, buffer timestamps printed by
 * {@code fakesink silent=false}) with what the gst-mini element does for the same input.
 *
 * <p>The tool is optional on a developer's machine, so a test skips when it is missing. This
 * class stays free of any test framework (the core does not depend on one): the test hands it
 * its framework's way to skip. With JUnit 5 it reads:
 *
 * <pre>{@code
 * Path raw = dir.resolve("frame.raw");
 * GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2),   // skips if missing
 *         "-q", "videotestsrc", "num-buffers=1", "!", "video/x-raw,format=I420,width=64,height=48",
 *         "!", "filesink", "location=" + raw);
 * byte[] theirs = Files.readAllBytes(raw);                // compare with gst-mini's frame
 * }</pre>
 *
 * <p>A test that wants to look at a failed run itself uses {@link #launch} and the
 * {@link Result}; one that needs nothing but the tool asks
 * {@code assumeTrue(GStreamerTool.isInstalled(), GStreamerTool::whyMissing)}.
 *
 * <p>Arguments are passed to the process one by one, with no shell in between: each element,
 * property ({@code name=value}), caps string and {@code !} is one argument, as after
 * {@code gst-launch-1.0} on a command line (without the shell's quoting).
 */
public final class GStreamerTool {
    /** The program {@link #launch} runs, found on the {@code PATH}. */
    static final String GST_LAUNCH = "gst-launch-1.0";

    /** How long the one-off {@code gst-launch-1.0 --version} probe may take. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private GStreamerTool() {
    }

    /**
     * What one run of a tool gave.
     *
     * @param command the program and its arguments, as run
     * @param exitCode the process's exit code: 0 when the pipeline reached EOS, 1 for an error
     *        (a missing element or plugin, a pipeline that failed to negotiate)
     * @param output what the tool printed, standard output and standard error interleaved
     */
    public record Result(List<String> command, int exitCode, String output) {
        public Result {
            command = List.copyOf(command);
            Objects.requireNonNull(output, "output");
        }

        /** Whether the tool exited with 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The command, its exit code and its output, for a skip or failure message. */
        public String describe() {
            return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
        }
    }

    /**
     * Whether {@code gst-launch-1.0} is on the {@code PATH} and runs ({@code --version} exits
     * with 0). Asked once per JVM.
     */
    public static boolean isInstalled() {
        return Probe.WHY_MISSING == null;
    }

    /**
     * Why {@link #isInstalled()} is false, as a sentence for a test's skip message
     * ("gst-launch-1.0 is not installed: ..."); {@code null} when it is installed.
     */
    public static String whyMissing() {
        return Probe.WHY_MISSING;
    }

    /**
     * How a test framework skips a test: {@code unless(false, reason)} ends the test as skipped
     * and does not return. JUnit 5's {@code Assumptions::assumeTrue} is one.
     */
    @FunctionalInterface
    public interface Skip {
        /** Skips the test, with {@code reason}, unless {@code condition} holds. */
        void unless(boolean condition, String reason);
    }

    /**
     * Runs {@code gst-launch-1.0 args...} and waits for it to end.
     *
     * @param timeout a hang guard: a run that takes longer is killed
     * @param args the arguments after {@code gst-launch-1.0}: options such as {@code -q} or
     *        {@code -v}, then the pipeline, one element, property, caps or {@code !} each
     * @return the exit code and the output; a non-zero exit code is not an exception, the caller
     *         decides (skip, fail, or expect it)
     * @throws IOException when the tool cannot be started (not installed) or its output not read
     * @throws IllegalStateException when it has not ended within {@code timeout}; the process is
     *         killed first, and the message holds the command and what it printed so far
     * @throws InterruptedException when the calling thread is interrupted while waiting; the
     *         process is killed first
     */
    public static Result launch(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(GST_LAUNCH, timeout, List.of(args));
    }

    /**
     * {@link #launch} for a test that needs the run to succeed: skips the test when
     * {@code gst-launch-1.0} is not installed (with {@link #whyMissing()}) and when it exits
     * non-zero (with {@link Result#describe()}: most often an element or plugin missing from the
     * installation), else returns what it printed.
     *
     * <pre>{@code
     * String log = GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2),
     *         "-v", "videotestsrc", "num-buffers=1", "!", "fakesink", "silent=false");
     * }</pre>
     *
     * @throws IllegalStateException when {@code skip} returns although its condition is false, or
     *         on a timeout (see {@link #launch})
     */
    public static String launchOrSkip(Skip skip, Duration timeout, String... args)
            throws IOException, InterruptedException {
        skipUnless(skip, isInstalled(), whyMissing());
        Result r = launch(timeout, args);
        skipUnless(skip, r.succeeded(), r.describe());
        return r.output();
    }

    private static void skipUnless(Skip skip, boolean condition, String reason) {
        skip.unless(condition, reason);
        if (!condition) {
            throw new IllegalStateException("the test should have been skipped: " + reason);
        }
    }

    /** {@link #launch(Duration, String...)} for any program: runs it, with a log file for its output. */
    static Result run(String program, Duration timeout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(program);
        command.addAll(args);
        // A file, not a pipe: a chatty tool (-v) never blocks on a full pipe, and waitFor can time out.
        Path log = Files.createTempFile(program, ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = false;
            try {
                ended = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                if (!ended) {
                    kill(p);
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended) {
                throw new IllegalStateException(program + " did not finish within " + timeout.toMillis()
                        + " ms and was killed: " + String.join(" ", command) + "\noutput so far:\n" + output);
            }
            return new Result(command, p.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Kills the process and whatever it started, and waits (bounded) until it is gone. */
    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** Why {@code program --version} does not run, or null when it does. */
    static String probe(String program) {
        try {
            Result r = run(program, PROBE_TIMEOUT, List.of("--version"));
            return r.succeeded() ? null : program + " does not run: " + r.describe();
        } catch (IOException e) {
            return program + " is not installed: " + e.getMessage();
        } catch (IllegalStateException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return program + " was not probed: interrupted";
        }
    }

    /** The probe runs once, the first time a test asks (lazy holder). */
    private static final class Probe {
        static final String WHY_MISSING = probe(GST_LAUNCH);
    }
}
