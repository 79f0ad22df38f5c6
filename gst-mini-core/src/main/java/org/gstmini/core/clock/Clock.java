package org.gstmini.core.clock;

import java.util.Objects;
import org.gstmini.core.ClockTime;

/**
 * A source of time that threads can wait on; mirrors GstClock (gst/gstclock.c).
 *
 * <h2>What a clock is for</h2>
 * A pipeline picks one clock and every sink synchronises against it: a buffer whose
 * running time is {@code rt} is rendered when the clock reads {@code baseTime + rt}
 * (plus latency). The clock only has to do two things well:
 * <ol>
 *   <li>tell the time: {@link #getTime()}, in nanoseconds, never going backwards;</li>
 *   <li>let a thread sleep until a time and be woken early on request:
 *       {@link #newSingleShotId(long)} gives a {@link ClockId}, {@link ClockId#waitFor()}
 *       blocks, {@link ClockId#unschedule()} cancels (a flush or a state change does this,
 *       so no thread stays stuck in a clock wait).</li>
 * </ol>
 *
 * <h2>Writing a clock</h2>
 * A subclass supplies {@link #internalTime()} and the blocking {@link #waitUntil(ClockId, long)}
 * plus {@link #wakeUp(ClockId, Thread)}, like GstClockClass's {@code get_internal_time},
 * {@code wait} and {@code unschedule}. The checks every clock shares (BADTIME, BUSY,
 * already unscheduled, advancing periodic ids) are done here once, as gst_clock_id_wait() does.
 *
 * <p>Calibration (gst_clock_set_calibration(), slaving one clock to another) is not
 * implemented: {@link #getTime()} is the internal time.
 *
 * @see SystemClock
 * @see TestClock
 */
public abstract class Clock {
    private final String name;

    /** @param name the clock's name, as GstObject names it (e.g. "GstSystemClock") */
    protected Clock(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name of this clock. */
    public String getName() {
        return name;
    }

    /**
     * The current time of this clock in nanoseconds; it never decreases.
     * Mirrors gst_clock_get_time() (without calibration: the internal time as is).
     */
    public long getTime() {
        return internalTime();
    }

    /**
     * The smallest step this clock's time can take, in nanoseconds
     * (gst_clock_get_resolution()). 1 unless a subclass knows better.
     */
    public long getResolution() {
        return 1;
    }

    /**
     * Creates an id that fires once, when this clock reaches {@code time}
     * (gst_clock_new_single_shot_id()). A {@link ClockTime#NONE} time is accepted; waiting
     * on it returns {@link ClockReturn#BADTIME}, as in GStreamer.
     */
    public ClockId newSingleShotId(long time) {
        return new ClockId(this, time, ClockTime.NONE);
    }

    /**
     * Creates an id that fires at {@code startTime}, then every {@code interval} ns
     * (gst_clock_new_periodic_id()). Each {@link ClockId#waitFor()} waits for the next one.
     *
     * @throws IllegalArgumentException if {@code startTime} is NONE or {@code interval} is
     *                                  not positive
     */
    public ClockId newPeriodicId(long startTime, long interval) {
        if (!ClockTime.isValid(startTime)) {
            throw new IllegalArgumentException(name + ": periodic id needs a valid start time");
        }
        if (interval <= 0) {
            throw new IllegalArgumentException(name + ": periodic id needs a positive interval, got "
                    + interval);
        }
        return new ClockId(this, startTime, interval);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " " + ClockTime.format(getTime()) + "]";
    }

    // ---- for subclasses ----

    /**
     * The clock's own notion of time in nanoseconds, monotonic
     * (GstClockClass.get_internal_time).
     */
    protected abstract long internalTime();

    /**
     * Blocks the calling thread until this clock reaches {@code target} (GstClockClass.wait).
     *
     * <p>Called by {@link ClockId#waitFor()} with the current thread registered as the id's
     * only waiter, {@code target} valid and the id not unscheduled at the time of the call.
     * The implementation must return {@link ClockReturn#UNSCHEDULED} promptly once
     * {@link ClockId#isUnscheduled()} becomes true; {@link #wakeUp} is called right after
     * that flag is set. Jitter is {@code now - target}, taken when the wait starts.
     */
    protected abstract ClockWaitResult waitUntil(ClockId id, long target);

    /**
     * Wakes {@code waiter}, which is blocked in {@link #waitUntil} on {@code id} (or about to
     * be), because the id was just unscheduled (GstClockClass.unschedule). {@code waiter} is
     * null when nobody is waiting.
     */
    protected abstract void wakeUp(ClockId id, Thread waiter);

    // ---- the shared part of gst_clock_id_wait() / gst_clock_id_unschedule() ----

    final ClockWaitResult waitId(ClockId id) {
        long requested = id.getTime();
        // can't sync on invalid times (checked before anything else, as gst_clock_id_wait does)
        if (!ClockTime.isValid(requested)) {
            return new ClockWaitResult(ClockReturn.BADTIME, 0);
        }
        if (!id.claim(Thread.currentThread())) {
            return new ClockWaitResult(ClockReturn.BUSY, 0);
        }
        ClockWaitResult result;
        try {
            // Checked after claim(): either we see the flag here, or unschedule() sees us as
            // the waiter and wakes us (both sides write their volatile, then read the other's).
            result = id.isUnscheduled()
                    ? new ClockWaitResult(ClockReturn.UNSCHEDULED, 0)
                    : waitUntil(id, requested);
        } finally {
            id.release();
        }
        // GStreamer moves a periodic id on after every wait, whatever the result.
        if (id.isPeriodic()) {
            id.setTime(requested + id.getInterval());
        }
        return result;
    }

    final void unscheduleId(ClockId id) {
        Thread waiter = id.markUnscheduled();
        wakeUp(id, waiter);
    }
}
