package org.gstmini.core;

/**
 * The unit a value (a position, a duration, a segment) is expressed in.
 *
 * <p>Mirrors GstFormat (gst/gstformat.h).
 */
public enum Format {
    /** Undefined format (GST_FORMAT_UNDEFINED). */
    @Property.Nick(value = 0, nick = "undefined", description = "GST_FORMAT_UNDEFINED")
    UNDEFINED,
    /** The element's default unit: samples for audio, frames for video (GST_FORMAT_DEFAULT). */
    @Property.Nick(value = 1, nick = "default", description = "GST_FORMAT_DEFAULT")
    DEFAULT,
    /** Bytes (GST_FORMAT_BYTES). */
    @Property.Nick(value = 2, nick = "bytes", description = "GST_FORMAT_BYTES")
    BYTES,
    /** Time in nanoseconds (GST_FORMAT_TIME). */
    @Property.Nick(value = 3, nick = "time", description = "GST_FORMAT_TIME")
    TIME,
    /** Buffers (GST_FORMAT_BUFFERS). */
    @Property.Nick(value = 4, nick = "buffers", description = "GST_FORMAT_BUFFERS")
    BUFFERS,
    /** Percent, 0 to {@code 1_000_000} (GST_FORMAT_PERCENT, see GST_FORMAT_PERCENT_MAX). */
    @Property.Nick(value = 5, nick = "percent", description = "GST_FORMAT_PERCENT")
    PERCENT;

    /** The GStreamer nickname of this format, e.g. "time" (gst_format_get_name()). */
    public String nick() {
        return Property.nickOf(this);
    }
}
