package org.gstmini.plugins.good.videotestsrc;

import java.util.Locale;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;

/**
 * Where the bytes of one raw video frame go: planes, strides and the total size, computed the
 * way GStreamer's {@code gst_video_info_set_format} does for the formats videotestsrc offers
 * here. Every row starts on a 4-byte boundary ({@code GST_ROUND_UP_4}):
 *
 * <pre>
 *   RGB    one plane, 3 bytes per pixel R,G,B    stride = roundUp4(3 * width)
 *   RGBA   one plane, 4 bytes per pixel R,G,B,A  stride = 4 * width
 *   BGRx   one plane, 4 bytes per pixel B,G,R,x  stride = 4 * width (x is written as 0xff)
 *   GRAY8  one plane, 1 byte per pixel           stride = roundUp4(width)
 *   I420   Y plane   stride roundUp4(width),           roundUp2(height) rows
 *          U plane   stride roundUp4(roundUp2(width)/2), roundUp2(height)/2 rows
 *          V plane   like U, right after it
 * </pre>
 *
 * For I420 each chroma sample covers 2x2 pixels, so a frame of odd size has a last chroma
 * column (row) for a single pixel column (row), and the Y plane has one padding row.
 *
 * @param format   the pixel format
 * @param width    pixels per row
 * @param height   rows
 * @param framerate frames per second ({@code 0/1} means a single still frame)
 * @param strides  bytes per row of each plane
 * @param offsets  where each plane starts
 * @param size     bytes of the whole frame
 */
record RawVideoLayout(Format format, int width, int height, Fraction framerate, int[] strides, int[] offsets, int size) {

    /** The raw formats videotestsrc paints, named as in caps. */
    enum Format {
        RGB(false), RGBA(false), BGRx(false), GRAY8(true), I420(true);

        private final boolean yuv;

        Format(boolean yuv) {
            this.yuv = yuv;
        }

        /** Whether pixels are painted as Y'CbCr (limited range) rather than R'G'B'; GRAY8 keeps just Y'. */
        boolean isYuv() {
            return yuv;
        }

        /** The caps name, e.g. "BGRx". */
        String capsName() {
            return name();
        }

        /** The format named in caps, or null if videotestsrc does not offer it. */
        static Format fromCaps(String name) {
            for (Format f : values()) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * Reads fixed {@code video/x-raw} caps ({@code gst_video_info_from_caps}).
     *
     * @throws IllegalArgumentException naming what is wrong: not raw video, an unknown format,
     *     a missing or non-positive size, or a frame too big for one Java array
     */
    static RawVideoLayout fromCaps(Structure s) {
        if (!s.hasName("video/x-raw")) {
            throw new IllegalArgumentException("not raw video: " + s.name());
        }
        for (String field : new String[] {"format", "width", "height", "framerate"}) {
            if (!s.has(field)) {
                throw new IllegalArgumentException("caps without " + field + ": " + s);
            }
        }
        Format f = Format.fromCaps(s.getString("format"));
        if (f == null) {
            throw new IllegalArgumentException("unsupported format " + s.getString("format"));
        }
        Fraction fps = s.getFraction("framerate");
        if (fps.numerator() < 0 || fps.denominator() <= 0) {
            throw new IllegalArgumentException("invalid framerate " + fps);
        }
        return of(f, s.getInt("width"), s.getInt("height"), fps);
    }

    /** The layout of a frame of this format and size. */
    static RawVideoLayout of(Format format, int width, int height, Fraction framerate) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid size " + width + "x" + height);
        }
        long[] strides;
        long[] offsets;
        long size;
        switch (format) {
            case RGB -> {
                strides = new long[] {roundUp4(3L * width)};
                offsets = new long[] {0};
                size = strides[0] * height;
            }
            case RGBA, BGRx -> {
                strides = new long[] {4L * width};
                offsets = new long[] {0};
                size = strides[0] * height;
            }
            case GRAY8 -> {
                strides = new long[] {roundUp4(width)};
                offsets = new long[] {0};
                size = strides[0] * height;
            }
            case I420 -> {
                long chromaStride = roundUp4(((long) width + 1) / 2);
                long chromaRows = ((long) height + 1) / 2;
                strides = new long[] {roundUp4(width), chromaStride, chromaStride};
                long u = strides[0] * (chromaRows * 2);
                long v = u + chromaStride * chromaRows;
                offsets = new long[] {0, u, v};
                size = v + chromaStride * chromaRows;
            }
            default -> throw new IllegalArgumentException(String.valueOf(format));
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %dx%d %s frame needs %d bytes, more than one buffer can hold", width, height, format, size));
        }
        int[] s = new int[strides.length];
        int[] o = new int[offsets.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) strides[i];
            o[i] = (int) offsets[i];
        }
        return new RawVideoLayout(format, width, height, framerate, s, o, (int) size);
    }

    private static long roundUp4(long n) {
        return (n + 3) & ~3L;
    }

    /** Number of planes: 3 for I420, else 1. */
    int planes() {
        return strides.length;
    }

    @Override
    public String toString() {
        return format + " " + width + "x" + height + " @ " + framerate + ", " + size + " bytes";
    }
}
