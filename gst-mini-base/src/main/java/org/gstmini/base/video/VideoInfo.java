package org.gstmini.base.video;

import java.util.Arrays;
import java.util.Locale;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;

/**
 * Everything needed to find a pixel in a raw video buffer: format, size, and where each plane
 * starts and how long its rows are; plus the frame rate, pixel aspect ratio and colour range
 * that travel with it in caps. Mirrors {@code GstVideoInfo}
 * (gst-libs/gst/video/video-info.c): {@link #fromCaps} is {@code gst_video_info_from_caps},
 * {@link #toCaps} is {@code gst_video_info_to_caps}, and {@link #of} computes strides and
 * offsets as {@code gst_video_info_set_format} does, every row starting on a 4-byte boundary:
 *
 * <pre>
 *   RGB, BGR            stride = roundUp4(3 * width)
 *   RGBA ... xRGB       stride = 4 * width
 *   GRAY8               stride = roundUp4(width)
 *   GRAY16_LE, YUY2     stride = roundUp4(2 * width)
 *   I420    Y: stride roundUp4(width), roundUp2(height) rows
 *           U, V: stride roundUp4(roundUp2(width) / 2), roundUp2(height) / 2 rows each
 *   NV12    Y: stride roundUp4(width), roundUp2(height) rows
 *           UV: same stride as Y, roundUp2(height) / 2 rows
 * </pre>
 *
 * The pixel at (x, y) of a packed format starts at
 * {@code offset(0) + y * stride(0) + x * format().pixelStride()}. A VideoInfo is immutable.
 *
 * @param format            the pixel format
 * @param width             pixels per row
 * @param height            rows
 * @param framerate         frames per second; {@code 0/1} means "a still picture, no rate"
 * @param pixelAspectRatio  width of a pixel over its height; 1/1 for square pixels
 * @param colorRange        the Y'CbCr code range (for RGB and grey always {@link VideoColorRange#FULL})
 * @param strides           bytes per row of each plane
 * @param offsets           where each plane starts in the buffer
 * @param size              bytes of one whole frame
 */
public record VideoInfo(VideoFormat format, int width, int height, Fraction framerate, Fraction pixelAspectRatio,
        VideoColorRange colorRange, int[] strides, int[] offsets, int size) {

    /** The media type of raw video caps. */
    public static final String MEDIA_TYPE = "video/x-raw";

    public VideoInfo {
        strides = strides.clone();
        offsets = offsets.clone();
    }

    /**
     * The layout of a frame of this format and size, with frame rate 0/1, square pixels and
     * the format's usual range (limited for YUV, full otherwise).
     *
     * @throws IllegalArgumentException if the size is not positive or the frame would not fit
     *     in one Java array
     */
    public static VideoInfo of(VideoFormat format, int width, int height) {
        if (format == null) {
            throw new IllegalArgumentException("no video format given");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid video size " + width + "x" + height);
        }
        long w = width;
        long h = height;
        long[] strides;
        long[] offsets;
        long size;
        switch (format) {
            case RGB, BGR -> strides = new long[] {roundUp4(3 * w)};
            case RGBA, BGRA, ARGB, BGRx, xRGB -> strides = new long[] {4 * w};
            case GRAY8 -> strides = new long[] {roundUp4(w)};
            case GRAY16_LE, YUY2 -> strides = new long[] {roundUp4(2 * w)};
            case I420 -> {
                long chroma = roundUp4(roundUp2(w) / 2);
                strides = new long[] {roundUp4(w), chroma, chroma};
            }
            case NV12 -> strides = new long[] {roundUp4(w), roundUp4(w)};
            default -> throw new IllegalArgumentException("no layout for " + format);
        }
        switch (format) {
            case I420 -> {
                long u = strides[0] * roundUp2(h);
                long v = u + strides[1] * (roundUp2(h) / 2);
                offsets = new long[] {0, u, v};
                size = v + strides[2] * (roundUp2(h) / 2);
            }
            case NV12 -> {
                long uv = strides[0] * roundUp2(h);
                offsets = new long[] {0, uv};
                size = uv + strides[1] * (roundUp2(h) / 2);
            }
            default -> {
                offsets = new long[] {0};
                size = strides[0] * h;
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %dx%d %s frame needs %d bytes, more than one buffer can hold", width, height, format, size));
        }
        return new VideoInfo(format, width, height, Fraction.ZERO, new Fraction(1, 1),
                format.isYuv() ? VideoColorRange.LIMITED : VideoColorRange.FULL, toInts(strides), toInts(offsets),
                (int) size);
    }

    /**
     * Reads fixed {@code video/x-raw} caps. {@code framerate} defaults to 0/1,
     * {@code pixel-aspect-ratio} to 1/1, and the range comes from {@code colorimetry}
     * (see {@link VideoColorRange}) or, if absent, from the format's family.
     *
     * @throws IllegalArgumentException naming what is wrong: not fixed, not raw video, an
     *     unknown format, a missing or bad size, frame rate or aspect ratio
     */
    public static VideoInfo fromCaps(Caps caps) {
        if (caps == null || caps.isAny() || caps.isEmpty() || !caps.isFixed()) {
            throw new IllegalArgumentException("raw video caps must be fixed, got " + caps);
        }
        return fromStructure(caps.structure(0));
    }

    /** Reads one fixed {@code video/x-raw} structure; see {@link #fromCaps}. */
    public static VideoInfo fromStructure(Structure s) {
        if (!s.hasName(MEDIA_TYPE)) {
            throw new IllegalArgumentException("not raw video (" + MEDIA_TYPE + "): " + s.name());
        }
        for (String field : new String[] {"format", "width", "height"}) {
            if (!s.has(field)) {
                throw new IllegalArgumentException("raw video caps without " + field + ": " + s);
            }
        }
        VideoFormat format = VideoFormat.fromCapsName(s.getString("format"));
        if (format == null) {
            throw new IllegalArgumentException("unsupported video format " + s.getString("format")
                    + "; gst-mini knows " + VideoFormat.capsList(VideoFormat.values()));
        }
        VideoInfo info = of(format, s.getInt("width"), s.getInt("height"));
        if (s.has("framerate")) {
            info = info.withFramerate(s.getFraction("framerate"));
        }
        if (s.has("pixel-aspect-ratio")) {
            info = info.withPixelAspectRatio(s.getFraction("pixel-aspect-ratio"));
        }
        if (s.has("colorimetry") && format.isYuv()) {
            info = info.withColorRange(rangeOf(s.getString("colorimetry"), info.colorRange()));
        }
        return info;
    }

    /**
     * These values as fixed caps. YUV formats carry {@code colorimetry}: {@code bt601} for the
     * limited range, {@code 1:4:0:0} (full range, BT.601 matrix) for the full range.
     */
    public Caps toCaps() {
        Structure s = Structure.of(MEDIA_TYPE).with("format", format.capsName()).with("width", width)
                .with("height", height).with("framerate", framerate).with("pixel-aspect-ratio", pixelAspectRatio);
        if (format.isYuv()) {
            s = s.with("colorimetry", colorRange == VideoColorRange.LIMITED ? "bt601" : "1:4:0:0");
        }
        return Caps.of(s);
    }

    public VideoInfo withFramerate(Fraction rate) {
        if (rate.numerator() < 0 || rate.denominator() <= 0) {
            throw new IllegalArgumentException("invalid framerate " + rate);
        }
        return new VideoInfo(format, width, height, rate, pixelAspectRatio, colorRange, strides, offsets, size);
    }

    public VideoInfo withPixelAspectRatio(Fraction par) {
        if (par.numerator() <= 0 || par.denominator() <= 0) {
            throw new IllegalArgumentException("invalid pixel-aspect-ratio " + par);
        }
        return new VideoInfo(format, width, height, framerate, par, colorRange, strides, offsets, size);
    }

    /** The same frame with another colour range; only YUV formats have a choice. */
    public VideoInfo withColorRange(VideoColorRange range) {
        if (!format.isYuv() && range != VideoColorRange.FULL) {
            throw new IllegalArgumentException(format + " is always full range");
        }
        return new VideoInfo(format, width, height, framerate, pixelAspectRatio, range, strides, offsets, size);
    }

    /** Bytes per row of plane {@code plane}. */
    public int stride(int plane) {
        return strides[plane];
    }

    /** Where plane {@code plane} starts. */
    public int offset(int plane) {
        return offsets[plane];
    }

    /** Number of planes of the format. */
    public int planes() {
        return strides.length;
    }

    /** Rows of plane {@code plane}: the height, or half of it rounded up for the chroma planes of I420/NV12. */
    public int planeHeight(int plane) {
        return plane > 0 ? (height + 1) / 2 : height;
    }

    /** Frame duration in ns ({@code 10^9 * den / num}), or -1 for a frame rate of 0. */
    public long frameDurationNanos() {
        if (framerate.numerator() == 0) {
            return -1;
        }
        return Math.multiplyExact(1_000_000_000L, (long) framerate.denominator()) / framerate.numerator();
    }

    /** The stride array (a copy). */
    @Override
    public int[] strides() {
        return strides.clone();
    }

    /** The offset array (a copy). */
    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoInfo v && v.format == format && v.width == width && v.height == height
                && v.framerate.equals(framerate) && v.pixelAspectRatio.equals(pixelAspectRatio)
                && v.colorRange == colorRange;
    }

    @Override
    public int hashCode() {
        return ((format.hashCode() * 31 + width) * 31 + height) * 31 + framerate.hashCode();
    }

    @Override
    public String toString() {
        return format + " " + width + "x" + height + " @ " + framerate + " par " + pixelAspectRatio + " "
                + colorRange.name().toLowerCase(Locale.ROOT) + " range, strides " + Arrays.toString(strides)
                + ", offsets " + Arrays.toString(offsets) + ", " + size + " bytes";
    }

    /** The range a colorimetry string names: "1:..." full, "2:..." limited, known names limited. */
    private static VideoColorRange rangeOf(String colorimetry, VideoColorRange fallback) {
        if (colorimetry.startsWith("1:")) {
            return VideoColorRange.FULL;
        }
        if (colorimetry.startsWith("2:") || colorimetry.startsWith("bt") || colorimetry.equals("smpte240m")) {
            return VideoColorRange.LIMITED;
        }
        return fallback;
    }

    private static long roundUp4(long n) {
        return (n + 3) & ~3L;
    }

    private static long roundUp2(long n) {
        return (n + 1) & ~1L;
    }

    private static int[] toInts(long[] values) {
        return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
    }
}
