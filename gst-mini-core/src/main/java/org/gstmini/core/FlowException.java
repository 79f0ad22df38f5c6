package org.gstmini.core;

import java.util.Objects;

/**
 * Carries a non-OK {@link FlowReturn} out of a call that returns data, such as
 * {@link Pad#pullRange}: GStreamer returns the flow value and the buffer through an out
 * parameter; Java returns the buffer and throws this for the other outcomes.
 */
public final class FlowException extends Exception {
    private final FlowReturn flow;

    public FlowException(FlowReturn flow, String message) {
        super(message);
        this.flow = Objects.requireNonNull(flow, "flow");
        if (flow == FlowReturn.OK) {
            throw new IllegalArgumentException("FlowException needs a non-OK flow return");
        }
    }

    /** Why no data came: EOS, FLUSHING, ERROR, ... */
    public FlowReturn flow() {
        return flow;
    }
}
