package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/**
 * How {@link FileSink} collects bytes before it writes them: the values of its
 * {@code buffer-mode} property. Mirrors {@code GstFileSinkBufferMode}
 * (plugins/elements/gstfilesink.h), with GStreamer's nicks and numbers, so
 * {@code filesink buffer-mode=full} and {@code filesink buffer-mode=0} both work in gst-launch.
 *
 * <p>Whatever the mode, nothing the sink accepted is lost: the collected bytes are written out
 * before a seek, on EOS, on PAUSED→READY and when the file is closed.
 */
public enum FileSinkBufferMode implements Property.EnumValue {
    /**
     * Default buffering: incoming buffers are kept (not copied) until more than
     * {@code buffer-size} bytes wait, then written with one gathering write.
     */
    DEFAULT("default", -1, "Default buffering"),
    /** Fully buffered: bytes are copied into a {@code buffer-size} buffer, written when it is full. */
    FULL("full", 0, "Fully buffered"),
    /** Line buffered: deprecated in GStreamer and the same as {@link #FULL}. */
    LINE("line", 1, "Line buffered (deprecated, like full)"),
    /** Unbuffered: every buffer is written to the file as it arrives. */
    UNBUFFERED("unbuffered", 2, "Unbuffered");

    private final String nick;
    private final int value;
    private final String description;

    FileSinkBufferMode(String nick, int value, String description) {
        this.nick = nick;
        this.value = value;
        this.description = description;
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public int value() {
        return value;
    }

    /** GStreamer's description of the value, as gst-inspect prints it. */
    @Override
    public String toString() {
        return description;
    }
}
