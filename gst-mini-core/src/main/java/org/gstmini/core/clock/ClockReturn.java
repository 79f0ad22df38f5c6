package org.gstmini.core.clock;

/**
 * The result of waiting on a {@link ClockId}.
 *
 * <p>Mirrors GstClockReturn (gst/gstclock.h).
 */
public enum ClockReturn {
    /** The wait was successful: the clock reached the id's time. */
    OK,
    /** The id's time had already passed when the wait was asked for: nothing was waited. */
    EARLY,
    /** The id was unscheduled ({@link ClockId#unschedule()}) before or during the wait. */
    UNSCHEDULED,
    /** The id is already being waited on by another thread. */
    BUSY,
    /** The id's time is {@link org.gstmini.core.ClockTime#NONE}: there is nothing to wait for. */
    BADTIME,
    /** An error happened while waiting. */
    ERROR,
    /** The operation is not supported by this clock. */
    UNSUPPORTED,
    /** The id was done (used by async waits in GStreamer). */
    DONE
}
