package org.gstmini.plugins.good.videoscale;

import org.gstmini.core.Property;

/**
 * How videoscale computes an output pixel: the values of its {@code method} property, with the
 * nicks and numbers of GStreamer's {@code GstVideoScaleMethod}
 * (gst-plugins-base/gst/videoconvertscale/gstvideoconvertscale.c). GStreamer has eight more
 * (4-tap, lanczos and the multi-tap kernels); gst-mini implements these two only and does not
 * list the others, so {@code method=lanczos} fails as an unknown value instead of silently
 * doing something else.
 */
public enum VideoScaleMethod {
    /**
     * Each output sample copies the input sample under its centre: input index
     * {@code floor((i + 0.5) * in / out)}, as {@code GST_VIDEO_RESAMPLER_METHOD_NEAREST} with
     * one tap. Blocky, but exact: no value is invented.
     */
    @Property.Nick(value = 0, nick = "nearest-neighbour", description = "Nearest Neighbour")
    NEAREST_NEIGHBOUR,
    /**
     * Each output sample mixes the two nearest input samples in each direction, weighted by
     * distance: {@code GST_VIDEO_RESAMPLER_METHOD_LINEAR} limited to two taps (the default).
     */
    @Property.Nick(value = 1, nick = "bilinear", description = "Bilinear (2-tap)")
    BILINEAR
}
