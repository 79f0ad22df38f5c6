package org.gstmini.core;

/**
 * How a pad is scheduled. Mirrors {@code GstPadMode}.
 *
 * <p>In PUSH mode the upstream element owns the thread and calls {@link Pad#push}; in PULL
 * mode the downstream element owns the thread and asks for data with {@link Pad#pullRange}.
 */
public enum PadMode {
    /** Not active: the pad is flushing and refuses data. */
    NONE,
    PUSH,
    PULL
}
