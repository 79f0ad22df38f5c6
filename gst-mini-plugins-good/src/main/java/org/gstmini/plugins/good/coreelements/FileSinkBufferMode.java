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
public enum FileSinkBufferMode {
    /**
     * Default buffering: incoming buffers are kept (not copied) until more than
     * {@code buffer-size} bytes wait, then written with one gathering write.
     */
    @Property.Nick(value = -1, nick = "default", description = "Default buffering")
    DEFAULT,
    /** Fully buffered: bytes are copied into a {@code buffer-size} buffer, written when it is full. */
    @Property.Nick(value = 0, nick = "full", description = "Fully buffered")
    FULL,
    /** Line buffered: deprecated in GStreamer and the same as {@link #FULL}. */
    @Property.Nick(value = 1, nick = "line", description = "Line buffered (deprecated, like full)")
    LINE,
    /** Unbuffered: every buffer is written to the file as it arrives. */
    @Property.Nick(value = 2, nick = "unbuffered", description = "Unbuffered")
    UNBUFFERED
}
