package org.gstmini.examples.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gstmini.core.ClockTime;

/**
 * Measures the rhythm of frames at one point of a pipeline: each {@link #record} notes the
 * clock time a frame passed, how late it was there, and the thread that carried it. The
 * {@link Summary} gives the intervals between frames (mean, median, 99th percentile, maximum:
 * for a steady 100 fps they all read 10 ms; a stall shows in p99 and max) and how many frames
 * were late by more than a threshold.
 *
 * <p>Safe to call from any thread; cheap enough not to disturb what it measures.
 */
final class FrameIntervalMeter {
    /** Column titles for {@link Summary#row()}. */
    static final String HEADER = String.format(Locale.ROOT, "%-22s %6s  %-38s  %-24s  %s",
            "", "frames", "interval: mean / median / p99 / max", "late: count / max", "thread(s)");

    private final String label;
    private final long lateThreshold;
    private long[] times = new long[256];
    private long[] lateness = new long[256];
    private int count;
    private final Set<String> threads = new LinkedHashSet<>();

    /**
     * @param label         what is measured, e.g. "source (push)"
     * @param lateThreshold a frame later than this (ns) counts as late
     */
    FrameIntervalMeter(String label, long lateThreshold) {
        this.label = label;
        this.lateThreshold = lateThreshold;
    }

    /** A frame passed at clock time {@code now}, {@code lateNanos} after its time, on this thread. */
    synchronized void record(long now, long lateNanos) {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            lateness = Arrays.copyOf(lateness, count * 2);
        }
        times[count] = now;
        lateness[count] = lateNanos;
        count++;
        threads.add(Thread.currentThread().getName());
    }

    /** The figures so far. */
    synchronized Summary summary() {
        long[] intervals = new long[Math.max(0, count - 1)];
        for (int i = 1; i < count; i++) {
            intervals[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(intervals);
        long sum = 0;
        for (long d : intervals) {
            sum += d;
        }
        int late = 0;
        long maxLate = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (lateness[i] > lateThreshold) {
                late++;
            }
            maxLate = Math.max(maxLate, lateness[i]);
        }
        return new Summary(label, count, intervals.length == 0 ? 0 : sum / intervals.length,
                percentile(intervals, 50), percentile(intervals, 99),
                intervals.length == 0 ? 0 : intervals[intervals.length - 1],
                lateThreshold, late, count == 0 ? 0 : maxLate, new ArrayList<>(threads));
    }

    /** Nearest-rank percentile of sorted values (0 when there are none). */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The intervals between frames and their lateness, in nanoseconds. */
    record Summary(String label, int frames, long meanInterval, long medianInterval, long p99Interval,
                   long maxInterval, long lateThreshold, int late, long maxLateness, List<String> threads) {
        /** One line under {@link #HEADER}. */
        String row() {
            return String.format(Locale.ROOT, "%-22s %6d  %-38s  %-24s  %s", label, frames,
                    ms(meanInterval) + " / " + ms(medianInterval) + " / " + ms(p99Interval) + " / " + ms(maxInterval),
                    late + " (> " + ms(lateThreshold) + ") / " + ms(maxLateness), String.join(", ", threads));
        }
    }

    /** "10.0 ms", "0.3 ms", "120 ms". */
    static String ms(long nanos) {
        double v = nanos / (double) ClockTime.MSECOND;
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }
}
