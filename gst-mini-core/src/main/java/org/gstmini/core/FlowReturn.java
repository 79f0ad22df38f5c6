package org.gstmini.core;

/**
 * The result of pushing a buffer: it travels back up the call stack to the element that
 * pushed, which decides what to do (keep going, pause its task, post an error).
 *
 * <p>Mirrors {@code GstFlowReturn} (gst/gstpad.h). The numeric values are GStreamer's: every
 * value below {@link #OK} is a reason to stop, and the ones below {@link #EOS} are errors.
 */
public enum FlowReturn {
    /** Data passing was ok. */
    OK(0, "ok"),
    /** The pad is not linked: nobody downstream wanted the buffer. */
    NOT_LINKED(-1, "not-linked"),
    /** The pad is flushing (a seek or a state change to READY is under way). */
    FLUSHING(-2, "flushing"),
    /** The element downstream is at end-of-stream and wants no more data. */
    EOS(-3, "eos"),
    /** Caps could not be agreed, or data came without caps. */
    NOT_NEGOTIATED(-4, "not-negotiated"),
    /** Some error occurred; the element that returns it has posted an ERROR message. */
    ERROR(-5, "error"),
    /** The operation is not supported by this pad or element. */
    NOT_SUPPORTED(-6, "not-supported");

    private final int value;
    private final String nick;

    FlowReturn(int value, String nick) {
        this.value = value;
        this.nick = nick;
    }

    /** GStreamer's numeric value ({@code GST_FLOW_OK} is 0, errors are negative). */
    public int value() {
        return value;
    }

    /** The short name GStreamer prints, as {@code gst_flow_get_name()} does: "not-linked". */
    public String nick() {
        return nick;
    }

    /**
     * Whether a source must stop and post an ERROR for this return: NOT_LINKED and every value
     * below EOS, as gstbasesrc.c decides in its loop.
     */
    public boolean isFatal() {
        return this == NOT_LINKED || value < EOS.value;
    }
}
