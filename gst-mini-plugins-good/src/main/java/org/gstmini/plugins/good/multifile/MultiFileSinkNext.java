package org.gstmini.plugins.good.multifile;

import org.gstmini.core.Property;

/**
 * When {@link MultiFileSink} starts a new file: the values of its {@code next-file} property.
 * Mirrors {@code GstMultiFileSinkNext} (gst/multifile/gstmultifilesink.h), with GStreamer's
 * nicks and numbers ({@code next-file=key-frame} or {@code next-file=2}).
 */
public enum MultiFileSinkNext implements Property.EnumValue {
    /** New file for each buffer: every buffer is one complete file (images, raw frames). */
    BUFFER("buffer", 0, "New file for each buffer"),
    /** New file after each discontinuity: a buffer flagged DISCONT starts the next file. */
    DISCONT("discont", 1, "New file after each discontinuity"),
    /**
     * New file at each key frame (useful for MPEG-TS segmenting): a buffer without DELTA_UNIT
     * starts the next file once {@code min-keyframe-distance} has passed since the last split.
     */
    KEY_FRAME("key-frame", 2, "New file at each key frame (Useful for MPEG-TS segmenting)"),
    /** New file after a force key unit event ({@code GstForceKeyUnit}, sent by an encoder or muxer). */
    KEY_UNIT_EVENT("key-unit-event", 3, "New file after a force key unit event"),
    /** New file when the configured maximum file size would be exceeded with the next buffer. */
    MAX_SIZE("max-size", 4, "New file when the configured maximum file size would be exceeded with the next buffer "
            + "or buffer list"),
    /** New file when the configured maximum file duration would be exceeded with the next buffer. */
    MAX_DURATION("max-duration", 5, "New file when the configured maximum file duration would be exceeded with the "
            + "next buffer or buffer list");

    private final String nick;
    private final int value;
    private final String description;

    MultiFileSinkNext(String nick, int value, String description) {
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
