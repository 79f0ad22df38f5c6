package org.gstmini.core;

/** Which way data flows through a pad. Mirrors {@code GstPadDirection}. */
public enum PadDirection {
    UNKNOWN,
    /** Data leaves the element through a source pad. */
    SRC,
    /** Data enters the element through a sink pad. */
    SINK;

    /** The direction of the pad this one can link to. */
    public PadDirection opposite() {
        return this == SRC ? SINK : this == SINK ? SRC : UNKNOWN;
    }
}
