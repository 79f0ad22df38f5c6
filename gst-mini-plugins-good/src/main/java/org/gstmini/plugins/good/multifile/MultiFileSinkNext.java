package org.gstmini.plugins.good.multifile;

import org.gstmini.core.Property;

/**
 * When {@link MultiFileSink} starts a new file: the values of its {@code next-file} property.
 * Mirrors {@code GstMultiFileSinkNext} (gst/multifile/gstmultifilesink.h), with GStreamer's
 * nicks and numbers ({@code next-file=key-frame} or {@code next-file=2}).
 */
public enum MultiFileSinkNext {
    /** Every buffer is one complete file (images, raw frames). */
    @Property.Nick(value = 0, nick = "buffer", description = "New file for each buffer")
    BUFFER,
    /** A buffer flagged DISCONT starts the next file. */
    @Property.Nick(value = 1, nick = "discont", description = "New file after each discontinuity")
    DISCONT,
    /**
     * A buffer without DELTA_UNIT starts the next file once {@code min-keyframe-distance} has
     * passed since the last split.
     */
    @Property.Nick(value = 2, nick = "key-frame", description = "New file at each key frame (Useful for MPEG-TS segmenting)")
    KEY_FRAME,
    /** A force key unit event ({@code GstForceKeyUnit}, sent by an encoder or muxer) starts the next file. */
    @Property.Nick(value = 3, nick = "key-unit-event", description = "New file after a force key unit event")
    KEY_UNIT_EVENT,
    @Property.Nick(value = 4, nick = "max-size", description = "New file when the configured maximum file size would "
            + "be exceeded with the next buffer or buffer list")
    MAX_SIZE,
    @Property.Nick(value = 5, nick = "max-duration", description = "New file when the configured maximum file duration "
            + "would be exceeded with the next buffer or buffer list")
    MAX_DURATION
}
