package org.gstmini.core;

import java.math.BigInteger;

/**
 * Time values in gst-mini: always a {@code long} count of nanoseconds.
 *
 * <p>Mirrors GstClockTime and its macros (gst/gstclock.h): {@link #NONE} is
 * GST_CLOCK_TIME_NONE, {@link #isValid(long)} is GST_CLOCK_TIME_IS_VALID and
 * {@link #format(long)} prints like GST_TIME_FORMAT / GST_TIME_ARGS.
 */
public final class ClockTime {
    /** "No time": an unknown or unset value. GStreamer's GST_CLOCK_TIME_NONE ((guint64) -1). */
    public static final long NONE = -1L;
    /**
     * "No time" for <em>signed</em> times (GST_CLOCK_STIME_NONE = G_MININT64), used by the
     * {@code ...Full} methods of {@link Segment} whose results may be negative.
     */
    public static final long STIME_NONE = Long.MIN_VALUE;
    /** One nanosecond (GST_NSECOND). */
    public static final long NSECOND = 1L;
    /** One microsecond in nanoseconds (GST_USECOND). */
    public static final long USECOND = 1_000L;
    /** One millisecond in nanoseconds (GST_MSECOND). */
    public static final long MSECOND = 1_000_000L;
    /** One second in nanoseconds (GST_SECOND). */
    public static final long SECOND = 1_000_000_000L;

    private ClockTime() {
    }

    /** Whether {@code time} holds a real time, i.e. is not {@link #NONE} (GST_CLOCK_TIME_IS_VALID). */
    public static boolean isValid(long time) {
        return time != NONE;
    }

    /** Whether a signed time is not {@link #STIME_NONE} (GST_CLOCK_STIME_IS_VALID). */
    public static boolean isValidSigned(long stime) {
        return stime != STIME_NONE;
    }

    /** {@code seconds} converted to nanoseconds, rounded to the nearest nanosecond. */
    public static long fromSeconds(double seconds) {
        return Math.round(seconds * SECOND);
    }

    /** {@code millis} converted to nanoseconds. */
    public static long fromMillis(long millis) {
        return Math.multiplyExact(millis, MSECOND);
    }

    /** {@code micros} converted to nanoseconds. */
    public static long fromMicros(long micros) {
        return Math.multiplyExact(micros, USECOND);
    }

    /**
     * {@code val * num / denom}, rounded down and exact even where {@code val * num} overflows a
     * long; mirrors {@code gst_util_uint64_scale()} (gst/gstutils.c), the way frame numbers become
     * timestamps ({@code scale(n, fpsD * SECOND, fpsN)}) without drift. Values are not negative.
     *
     * @throws IllegalArgumentException if a value is negative or {@code denom} is 0
     * @throws ArithmeticException if the result does not fit in a long
     */
    public static long scale(long val, long num, long denom) {
        if (val < 0 || num < 0 || denom <= 0) {
            throw new IllegalArgumentException("scale(" + val + ", " + num + ", " + denom
                    + "): values must not be negative and denom must be positive");
        }
        if (Math.multiplyHigh(val, num) == 0 && val * num >= 0) {
            return val * num / denom; // the product fits: the common case, no allocation
        }
        return BigInteger.valueOf(val).multiply(BigInteger.valueOf(num)).divide(BigInteger.valueOf(denom))
                .longValueExact();
    }

    /**
     * Formats a time the way GStreamer's GST_TIME_FORMAT does: {@code h:mm:ss.nnnnnnnnn},
     * e.g. {@code 0:00:01.500000000}. {@link #NONE} prints as {@code 99:99:99.999999999},
     * exactly as GStreamer prints GST_CLOCK_TIME_NONE. Other negative values (signed times)
     * get a leading {@code -}.
     */
    public static String format(long time) {
        if (!isValid(time) || time == STIME_NONE) {
            return "99:99:99.999999999";
        }
        // GstClockTime is unsigned; a negative long here is a signed time (GstClockTimeDiff),
        // printed with a leading '-' as GST_STIME_FORMAT does.
        String sign = "";
        long t = time;
        if (t < 0) {
            sign = "-";
            t = -t;
        }
        long hours = t / (3600 * SECOND);
        long minutes = (t / (60 * SECOND)) % 60;
        long seconds = (t / SECOND) % 60;
        long nanos = t % SECOND;
        return String.format("%s%d:%02d:%02d.%09d", sign, hours, minutes, seconds, nanos);
    }
}
