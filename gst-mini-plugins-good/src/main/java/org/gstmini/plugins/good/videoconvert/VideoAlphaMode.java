package org.gstmini.plugins.good.videoconvert;

import org.gstmini.core.Property;

/**
 * What videoconvert writes into the alpha channel of its output: the values of its
 * {@code alpha-mode} property. Mirrors {@code GstVideoAlphaMode}
 * (gst-libs/gst/video/video-converter.h), with GStreamer's nicks and numbers. Only formats with
 * alpha (RGBA, BGRA, ARGB) are affected; the value used is the {@code alpha-value} property.
 */
public enum VideoAlphaMode {
    /** Keep the input's alpha; an input without alpha gets alpha-value. */
    @Property.Nick(value = 0, nick = "copy", description = "GST_VIDEO_ALPHA_MODE_COPY")
    COPY,
    /** Every pixel gets alpha-value. */
    @Property.Nick(value = 1, nick = "set", description = "GST_VIDEO_ALPHA_MODE_SET")
    SET,
    /** The input's alpha times alpha-value; an input without alpha gets alpha-value. */
    @Property.Nick(value = 2, nick = "mult", description = "GST_VIDEO_ALPHA_MODE_MULT")
    MULT
}
