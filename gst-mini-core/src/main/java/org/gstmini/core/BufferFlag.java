package org.gstmini.core;

/**
 * Flags that say something about a buffer's place in the stream.
 * Mirrors {@code GstBufferFlags} (gst/gstbuffer.h).
 */
public enum BufferFlag {
    /** The buffer follows a gap or a drop: there is a discontinuity before it. */
    DISCONT,
    /** The buffer cannot be decoded on its own (not a key frame). */
    DELTA_UNIT,
    /** The buffer holds no real data, only marks time that passes (silence, no picture). */
    GAP,
    /** The buffer holds codec or stream headers. */
    HEADER,
    /** The buffer's data is known to be damaged. */
    CORRUPTED,
    /** The buffer may be dropped when the element is late. */
    DROPPABLE,
    /** Format-specific marker: for video, the last buffer of a frame. */
    MARKER;

    final int bit = 1 << ordinal();
}
