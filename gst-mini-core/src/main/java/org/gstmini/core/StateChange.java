package org.gstmini.core;

/**
 * One step between two adjacent states, handed to {@link Element#changeState}.
 * Mirrors {@code GstStateChange} (gst/gstelement.h): a state change from NULL to PLAYING is
 * performed as three transitions, in order, and PLAYING to NULL as three going down.
 */
public enum StateChange {
    NULL_TO_READY(State.NULL, State.READY),
    READY_TO_PAUSED(State.READY, State.PAUSED),
    PAUSED_TO_PLAYING(State.PAUSED, State.PLAYING),
    PLAYING_TO_PAUSED(State.PLAYING, State.PAUSED),
    PAUSED_TO_READY(State.PAUSED, State.READY),
    READY_TO_NULL(State.READY, State.NULL),
    /** The same state again: elements are told so they can, e.g., re-post messages. */
    NULL_TO_NULL(State.NULL, State.NULL),
    READY_TO_READY(State.READY, State.READY),
    PAUSED_TO_PAUSED(State.PAUSED, State.PAUSED),
    PLAYING_TO_PLAYING(State.PLAYING, State.PLAYING);

    private final State current;
    private final State next;

    StateChange(State current, State next) {
        this.current = current;
        this.next = next;
    }

    public State current() {
        return current;
    }

    public State next() {
        return next;
    }

    /** True for the three steps that go up (towards PLAYING). */
    public boolean isUpward() {
        return next.ordinal() > current.ordinal();
    }

    /** The transition between two adjacent (or equal) states ({@code GST_STATE_TRANSITION}). */
    public static StateChange between(State current, State next) {
        for (StateChange t : values()) {
            if (t.current == current && t.next == next) {
                return t;
            }
        }
        throw new IllegalArgumentException("no single state change from " + current + " to " + next
                + ": states must be adjacent");
    }

    @Override
    public String toString() {
        return current.nick() + "->" + next.nick();
    }
}
