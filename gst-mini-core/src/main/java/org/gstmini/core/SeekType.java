package org.gstmini.core;

/**
 * How a seek's start or stop value is to be interpreted.
 *
 * <p>Mirrors GstSeekType (gst/gstevent.h).
 */
public enum SeekType {
    /** Leave this value unchanged (GST_SEEK_TYPE_NONE). */
    NONE,
    /** The value is absolute (GST_SEEK_TYPE_SET). */
    SET,
    /** The value is relative to the end of the stream, i.e. the duration (GST_SEEK_TYPE_END). */
    END
}
