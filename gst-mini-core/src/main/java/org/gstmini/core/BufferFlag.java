package org.gstmini.core;

/**
 * Flags that say something about a buffer's place in the stream.
 * Mirrors {@code GstBufferFlags} (gst/gstbuffer.h).
 */
public enum BufferFlag {
    /** The buffer follows a gap or a drop: there is a discontinuity before it. */
    DISCONT(1 << 6),
    /** The buffer cannot be decoded on its own (not a key frame). */
    DELTA_UNIT(1 << 13),
    /** The buffer holds no real data, only marks time that passes (silence, no picture). */
    GAP(1 << 11),
    /** The buffer holds codec or stream headers. */
    HEADER(1 << 10),
    /** The buffer's data is known to be damaged. */
    CORRUPTED(1 << 8),
    /** The buffer may be dropped when the element is late. */
    DROPPABLE(1 << 12),
    /** Format-specific marker: for video, the last buffer of a frame. */
    MARKER(1 << 9);

    /** The bit in {@link Buffer}'s own flag word. */
    final int bit = 1 << ordinal();
    private final int gstValue;

    BufferFlag(int gstValue) {
        this.gstValue = gstValue;
    }

    /** GStreamer's numeric value of the flag ({@code GST_BUFFER_FLAG_DISCONT} is {@code 1 << 6}), as debug output prints it. */
    public int value() {
        return gstValue;
    }

    /** The lowercase name GStreamer prints, e.g. "delta-unit". */
    public String nick() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
