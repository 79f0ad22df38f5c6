package org.gstmini.base.video;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gstmini.core.caps.Caps;

/**
 * The raw video formats gst-mini knows, named exactly as in {@code video/x-raw} caps
 * ({@code GstVideoFormat}, gst-libs/gst/video/video-format.h). Byte order is the order in
 * memory, as in GStreamer: {@code RGBA} is the bytes R, G, B, A; {@code BGRx} is B, G, R and
 * one unused byte.
 *
 * <pre>
 *   packed RGB   RGB BGR (3 bytes)   RGBA BGRA ARGB BGRx xRGB (4 bytes)   one plane
 *   grey         GRAY8 (1 byte)   GRAY16_LE (2 bytes, little endian)      one plane
 *   packed YUV   YUY2: Y0 U Y1 V  - two pixels share one U and one V      one plane
 *   planar YUV   I420: Y plane, then U, then V, each chroma sample 2x2 pixels
 *   semi-planar  NV12: Y plane, then one plane of interleaved U,V pairs, 2x2 pixels
 * </pre>
 *
 * What a format's pixels mean is described here once ({@link #componentOffset},
 * {@link #pixelStride}), so converters and sinks do not each keep their own table.
 */
public enum VideoFormat {
    RGB(Family.RGB, 1, 3, 0, 1, 2, -1),
    BGR(Family.RGB, 1, 3, 2, 1, 0, -1),
    RGBA(Family.RGB, 1, 4, 0, 1, 2, 3),
    BGRA(Family.RGB, 1, 4, 2, 1, 0, 3),
    ARGB(Family.RGB, 1, 4, 1, 2, 3, 0),
    BGRx(Family.RGB, 1, 4, 2, 1, 0, -1),
    xRGB(Family.RGB, 1, 4, 1, 2, 3, -1),
    GRAY8(Family.GRAY, 1, 1, -1, -1, -1, -1),
    GRAY16_LE(Family.GRAY, 1, 2, -1, -1, -1, -1),
    I420(Family.YUV, 3, 1, -1, -1, -1, -1),
    NV12(Family.YUV, 2, 1, -1, -1, -1, -1),
    YUY2(Family.YUV, 1, 2, -1, -1, -1, -1);

    /** How pixel values are expressed. */
    public enum Family {
        /** R'G'B' components (full range, 0..255). */
        RGB,
        /** Only luma; treated as full range grey, R = G = B = Y. */
        GRAY,
        /** Y'CbCr: luma and two colour-difference components (BT.601 here). */
        YUV
    }

    /** The colour components of a packed RGB pixel. */
    public enum Component { R, G, B, A }

    private final Family family;
    private final int planes;
    private final int pixelStride;
    private final int[] componentOffsets;

    VideoFormat(Family family, int planes, int pixelStride, int r, int g, int b, int a) {
        this.family = family;
        this.planes = planes;
        this.pixelStride = pixelStride;
        this.componentOffsets = new int[] {r, g, b, a};
    }

    /** The caps name, as written in {@code format=...} ({@code gst_video_format_to_string}). */
    public String capsName() {
        return name();
    }

    /** The format with this caps name, or null if gst-mini does not know it ({@code gst_video_format_from_string}). */
    public static VideoFormat fromCapsName(String name) {
        for (VideoFormat f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    public Family family() {
        return family;
    }

    /** RGB family ({@code GST_VIDEO_FORMAT_INFO_IS_RGB}). */
    public boolean isRgb() {
        return family == Family.RGB;
    }

    /** YUV family ({@code GST_VIDEO_FORMAT_INFO_IS_YUV}). */
    public boolean isYuv() {
        return family == Family.YUV;
    }

    /** Grey family ({@code GST_VIDEO_FORMAT_INFO_IS_GRAY}). */
    public boolean isGray() {
        return family == Family.GRAY;
    }

    /** Whether pixels carry an alpha byte ({@code GST_VIDEO_FORMAT_INFO_HAS_ALPHA}); the x in BGRx does not count. */
    public boolean hasAlpha() {
        return componentOffsets[Component.A.ordinal()] >= 0;
    }

    /** Number of planes: 3 for I420, 2 for NV12, else 1 ({@code GST_VIDEO_FORMAT_INFO_N_PLANES}). */
    public int planes() {
        return planes;
    }

    /**
     * Bytes from one pixel to the next in the first plane ({@code GST_VIDEO_FORMAT_INFO_PSTRIDE}
     * of component 0): 3 for RGB/BGR, 4 for the 4-byte RGB formats, 1 for GRAY8 and the Y plane
     * of I420/NV12, 2 for GRAY16_LE and for the Y samples of YUY2.
     */
    public int pixelStride() {
        return pixelStride;
    }

    /**
     * Where a colour component sits inside a packed RGB pixel, in bytes from the pixel's start;
     * -1 if this format has no such component (A in RGB or BGRx, or any component of a grey
     * or YUV format). For ARGB, {@code componentOffset(R) == 1}.
     */
    public int componentOffset(Component c) {
        return componentOffsets[c.ordinal()];
    }

    /**
     * The caps list {@code "{ RGB, BGR, ... }"} for these formats, in this order.
     */
    public static String capsList(VideoFormat... formats) {
        return Arrays.stream(formats).map(VideoFormat::capsName).collect(Collectors.joining(", ", "{ ", " }"));
    }

    /**
     * Template caps for raw video in any of these formats, any size and any frame rate, like
     * GStreamer's {@code GST_VIDEO_CAPS_MAKE(formats)}.
     */
    public static Caps templateCaps(VideoFormat... formats) {
        String format = formats.length == 1 ? formats[0].capsName() : capsList(formats);
        return Caps.parse("video/x-raw, format=(string)" + format + ", width=(int)[ 1, 2147483647 ], "
                + "height=(int)[ 1, 2147483647 ], framerate=(fraction)[ 0/1, 2147483647/1 ]");
    }
}
