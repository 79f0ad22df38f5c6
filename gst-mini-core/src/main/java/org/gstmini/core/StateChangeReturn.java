package org.gstmini.core;

/**
 * What a state change did. Mirrors {@code GstStateChangeReturn} (gst/gstelement.h).
 */
public enum StateChangeReturn {
    /** The state change failed; an ERROR message usually says why. */
    FAILURE,
    /** The state change succeeded. */
    SUCCESS,
    /**
     * The state change will complete later: a sink going to PAUSED waits for its first buffer
     * (preroll). {@link Element#getState(long)} waits for the end.
     */
    ASYNC,
    /**
     * The state change succeeded but the element cannot produce data in PAUSED: a live source.
     * Sinks then cannot preroll, and a bin holding a live source reports this too.
     */
    NO_PREROLL
}
