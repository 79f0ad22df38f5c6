package org.gstmini.core.clock;

import org.gstmini.core.ClockTime;

/**
 * A request to be woken at a certain time of a {@link Clock}: a "clock id".
 *
 * <p>Mirrors GstClockID / GstClockEntry (gst/gstclock.c). Get one from
 * {@link Clock#newSingleShotId(long)} or {@link Clock#newPeriodicId(long, long)}, then call
 * {@link #waitFor()} from the thread that must wait. Another thread may call
 * {@link #unschedule()} at any time — that is how a flush or a state change gets a sink out
 * of its clock wait:
 *
 * <pre>{@code
 * ClockId id = clock.newSingleShotId(baseTime + runningTime);
 * this.currentId = id;                 // so that a flush can find it
 * ClockWaitResult r = id.waitFor();   // blocks the streaming thread
 * switch (r.ret()) {
 *     case OK -> render(buffer);       // on time
 *     case EARLY -> render(buffer);    // already late by r.jitter() ns
 *     case UNSCHEDULED -> { }          // flushing: drop it and return
 *     default -> error();
 * }
 * }</pre>
 *
 * <p>An unscheduled id stays unscheduled: every later wait on it returns
 * {@link ClockReturn#UNSCHEDULED} at once, exactly like GStreamer's entry status.
 * Ids are cheap; make a new one for each wait.
 */
public final class ClockId {
    private final Clock clock;
    private final long interval;
    /** The time the next wait targets; advanced by {@code interval} after each periodic wait. */
    private volatile long time;
    /** Set once by unschedule(); never cleared (GST_CLOCK_UNSCHEDULED is a final status). */
    private volatile boolean unscheduled;
    /** The thread currently blocked in waitFor(), so unschedule() can wake it; null if none. */
    private volatile Thread waiter;

    ClockId(Clock clock, long time, long interval) {
        this.clock = clock;
        this.time = time;
        this.interval = interval;
    }

    /** The clock this id belongs to (GST_CLOCK_ENTRY_CLOCK). */
    public Clock getClock() {
        return clock;
    }

    /**
     * The time the next wait on this id targets (gst_clock_id_get_time()). For a periodic
     * id this moves forward by {@link #getInterval()} after every wait.
     */
    public long getTime() {
        return time;
    }

    /** The period of a periodic id, or {@link ClockTime#NONE} for a single-shot id. */
    public long getInterval() {
        return interval;
    }

    /** Whether this id fires repeatedly (GST_CLOCK_ENTRY_PERIODIC). */
    public boolean isPeriodic() {
        return interval != ClockTime.NONE;
    }

    /** Whether {@link #unschedule()} has been called on this id. */
    public boolean isUnscheduled() {
        return unscheduled;
    }

    /** Whether this id was created by {@code other} (gst_clock_id_uses_clock()). */
    public boolean usesClock(Clock other) {
        return clock == other;
    }

    /**
     * Blocks until the clock reaches this id's time, then returns {@link ClockReturn#OK};
     * mirrors gst_clock_id_wait(), gst/gstclock.c.
     *
     * <p>Returns at once with {@link ClockReturn#EARLY} if the time has already passed,
     * {@link ClockReturn#BADTIME} if the id's time is {@link ClockTime#NONE},
     * {@link ClockReturn#UNSCHEDULED} if the id is (or becomes, while waiting)
     * unscheduled, and {@link ClockReturn#BUSY} if another thread is already waiting on it.
     * The jitter of the result is {@code clockTimeAtCall - idTime}. For a periodic id each
     * call waits for the next period.
     */
    public ClockWaitResult waitFor() {
        return clock.waitId(this);
    }

    /**
     * Cancels this id (gst_clock_id_unschedule()): a thread blocked in {@link #waitFor()}
     * returns {@link ClockReturn#UNSCHEDULED} immediately, and so does every later wait.
     * Safe to call from any thread, any number of times.
     */
    public void unschedule() {
        clock.unscheduleId(this);
    }

    @Override
    public String toString() {
        return "ClockId[" + clock.getName() + " @" + ClockTime.format(time)
                + (isPeriodic() ? " every " + ClockTime.format(interval) : "")
                + (unscheduled ? " unscheduled" : "") + "]";
    }

    // ---- state shared with Clock (package-private) ----

    void setTime(long newTime) {
        time = newTime;
    }

    /** Marks the id unscheduled and returns the thread waiting on it, if any. */
    Thread markUnscheduled() {
        unscheduled = true;          // volatile write first ...
        return waiter;               // ... then read: pairs with claim()'s write-then-read
    }

    /** Registers the current thread as the waiter; false if another thread already is. */
    boolean claim(Thread t) {
        synchronized (this) {
            if (waiter != null) {
                return false;
            }
            waiter = t;              // volatile write; the caller re-reads 'unscheduled' after
            return true;
        }
    }

    void release() {
        waiter = null;
    }
}
