package org.gstmini.core.clock;

/**
 * What {@link ClockId#waitFor()} returns: the outcome and the jitter.
 *
 * <p>The jitter mirrors the {@code jitter} out-parameter of gst_clock_id_wait()
 * (gst/gstclock.c): it is {@code clockTimeWhenTheWaitWasCalled - idTime}. A positive jitter
 * means the caller was late by that much (and the result is {@link ClockReturn#EARLY});
 * a negative jitter is how long the caller had to wait. It is 0 when the wait did not
 * look at the clock (UNSCHEDULED, BADTIME, BUSY).
 *
 * @param ret    the outcome of the wait
 * @param jitter nanoseconds, {@code now - target} measured when the wait started
 */
public record ClockWaitResult(ClockReturn ret, long jitter) {
    /** Whether the wait ended because the clock reached the id's time ({@link ClockReturn#OK}). */
    public boolean isOk() {
        return ret == ClockReturn.OK;
    }
}
