package org.gstmini.core;

/**
 * The four states of an element, and the "no state" marker used for pending states.
 * Mirrors {@code GstState} (gst/gstelement.h).
 *
 * <pre>
 *   NULL     nothing allocated; the initial and final state
 *   READY    resources opened (files, devices), no data flowing
 *   PAUSED   pads active, data may flow; sinks hold the first buffer ("preroll") and wait
 *   PLAYING  the clock runs and sinks render
 * </pre>
 */
public enum State {
    /** No pending state: {@code GST_STATE_VOID_PENDING}. */
    VOID_PENDING,
    NULL,
    READY,
    PAUSED,
    PLAYING;

    /** The next state one step from this one towards {@code target} ({@code GST_STATE_GET_NEXT}). */
    public State nextTowards(State target) {
        if (this == target) {
            return this;
        }
        return values()[ordinal() + (target.ordinal() > ordinal() ? 1 : -1)];
    }

    /** The lowercase name GStreamer prints ({@code gst_element_state_get_name}). */
    public String nick() {
        return this == VOID_PENDING ? "VOID_PENDING" : name();
    }
}
