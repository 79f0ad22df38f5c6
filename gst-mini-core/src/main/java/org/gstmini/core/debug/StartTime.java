package org.gstmini.core.debug;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the debugging tools count from: the start of the process, measured with the monotonic
 * {@link System#nanoTime()} clock. Mirrors {@code _priv_gst_info_start_time} (gst/gstinfo.c), the
 * moment {@code gst_init} ran, which GStreamer prints at the start of every log line and puts in
 * the names of timestamped dot dumps.
 */
final class StartTime {
    /** {@code System.nanoTime()} at process start (approximately: the OS reports it in ms). */
    private static final long START_NANOS = computeStart();

    private StartTime() {
    }

    private static long computeStart() {
        long now = System.nanoTime();
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toNanos())
                .filter(d -> d >= 0)
                .orElse(0L);
        return now - sinceStart;
    }

    /** Nanoseconds since the process started; never negative, never goes back. */
    static long elapsedNanos() {
        return Math.max(0, System.nanoTime() - START_NANOS);
    }
}
