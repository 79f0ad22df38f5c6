package org.gstmini.plugins.good.videoscale;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.base.video.VideoColorRange;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;

/**
 * Scales one raw video frame into a rectangle of another of the same format, and paints the
 * rest black. Mirrors what {@code gst_video_converter_frame} does for videoscale
 * (gst-libs/gst/video/video-converter.c with {@code dest-x/y/width/height} and
 * {@code fill-border}), using the sample positions of {@code gst_video_resampler_init}
 * (video-resampler.c).
 *
 * <h2>Channels</h2>
 * A frame is cut into <em>channels</em>: every sample of one component, wherever it sits. Each
 * channel is scaled on its own, from its own input size to its own output size, so subsampled
 * chroma is scaled as chroma (never stretched from the luma size):
 *
 * <pre>
 *   RGB, BGRx, ARGB ...  one channel per byte of the pixel (pixel stride 3 or 4)
 *   GRAY8, GRAY16_LE     one channel (GRAY16: 2-byte little-endian samples)
 *   I420                 Y plane; U and V planes at half width and half height (rounded up)
 *   NV12                 Y plane; U and V interleaved in plane 1 (stride 2), half size
 *   YUY2                 Y0 U Y1 V: Y every 2 bytes at full width, U and V every 4 bytes at half width
 * </pre>
 *
 * <h2>Where an output sample looks</h2>
 * Output sample {@code j} of {@code out} covers the input position
 * {@code x = (j + 0.5) * in / out} (its centre, in input pixels), clamped to the picture:
 * <ul>
 *   <li><b>nearest-neighbour</b> copies input sample {@code floor(x)}, computed in double
 *       exactly as GStreamer does, so the chosen samples are the same;</li>
 *   <li><b>bilinear</b> mixes samples {@code floor(x - 0.5)} and the next one, weighted by the
 *       distance ({@code x - 0.5} is the same position measured between sample centres), and
 *       so on in both directions. Weights are 12-bit fixed point; the result is within 1 of
 *       exact bilinear interpolation. Like GStreamer's two-tap "bilinear", it does not average
 *       more than 2x2 samples when shrinking a lot.</li>
 * </ul>
 * Nearest-neighbour gives GStreamer's bytes exactly, in every format (see
 * GStreamerScaleReferenceTest). Bilinear is within a few code values of GStreamer's generic
 * resampler (RGB, BGR, GRAY16_LE, YUY2); for GRAY8, the 4-byte RGB formats and the planes of
 * I420 and NV12, GStreamer 1.22 takes a faster path that steps {@code (in - 1) / (out - 1)}
 * from the first sample to the last (corner-aligned), so there the two differ slightly in
 * position, not in kind.
 *
 * <h2>Borders</h2>
 * With a destination rectangle smaller than the frame, the rest of each channel is filled with
 * black of the format: R = G = B = 0, alpha (and the x byte) 255, Y = 16 (limited range) or 0
 * (full range), U = V = 128, grey 0. The chroma rectangle is the luma rectangle divided by the
 * subsampling, rounded up ({@code GST_VIDEO_SUB_SCALE}).
 *
 * <p>A FrameScaler is immutable and computes its sample tables once, for one pair of frame
 * layouts, method and rectangle.
 */
final class FrameScaler {
    /** Bits of the bilinear weights: a weight of 1.0 is {@code 1 << WEIGHT_BITS}. */
    private static final int WEIGHT_BITS = 12;
    private static final int ONE = 1 << WEIGHT_BITS;

    /** A rectangle in output pixels. */
    record Rect(int x, int y, int width, int height) {
    }

    /**
     * One component of a frame: the bytes at {@code offset(plane) + row * stride(plane) + offset
     * + column * pixelStride}, of {@code bytes} bytes each, at 1/2^wSub x 1/2^hSub of the frame
     * size; {@code black} is its value in a black pixel.
     */
    record Channel(int plane, int offset, int pixelStride, int bytes, int wSub, int hSub, int black) {
        int width(VideoInfo info) {
            return subScale(info.width(), wSub);
        }

        int height(VideoInfo info) {
            return subScale(info.height(), hSub);
        }
    }

    private final VideoInfo in;
    private final VideoInfo out;
    private final List<ChannelPlan> plans = new ArrayList<>();

    FrameScaler(VideoInfo in, VideoInfo out, Rect dest, VideoScaleMethod method) {
        if (in.format() != out.format()) {
            throw new IllegalArgumentException("videoscale does not convert: " + in.format() + " -> " + out.format());
        }
        this.in = in;
        this.out = out;
        boolean full = dest.x() == 0 && dest.y() == 0 && dest.width() == out.width() && dest.height() == out.height();
        for (Channel c : channels(out)) {
            int ow = c.width(out);
            int oh = c.height(out);
            int x = Math.min(subScale(dest.x(), c.wSub()), ow - 1);
            int y = Math.min(subScale(dest.y(), c.hSub()), oh - 1);
            int w = Math.max(1, Math.min(subScale(dest.width(), c.wSub()), ow - x));
            int h = Math.max(1, Math.min(subScale(dest.height(), c.hSub()), oh - y));
            plans.add(new ChannelPlan(c, new Rect(x, y, w, h), !full, method == VideoScaleMethod.BILINEAR,
                    Axis.of(method, c.width(in), w), Axis.of(method, c.height(in), h)));
        }
    }

    /** Scales the frame in {@code src} (laid out as the input info) into {@code dst} (the output info). */
    void scale(byte[] src, byte[] dst) {
        for (ChannelPlan p : plans) {
            if (p.fillBorders) {
                fill(p.channel, dst);
            }
            p.run(src, dst);
        }
    }

    /**
     * The channels of a format, derived from {@link VideoFormat}'s description (planes, pixel
     * stride, component offsets) and, for the YUV layouts it does not spell out, from their
     * definitions (see the class comment).
     */
    static List<Channel> channels(VideoInfo info) {
        VideoFormat f = info.format();
        int yBlack = info.colorRange() == VideoColorRange.LIMITED ? 16 : 0;
        return switch (f) {
            case GRAY8 -> List.of(new Channel(0, 0, 1, 1, 0, 0, 0));
            case GRAY16_LE -> List.of(new Channel(0, 0, 2, 2, 0, 0, 0));
            case I420 -> List.of(new Channel(0, 0, 1, 1, 0, 0, yBlack), new Channel(1, 0, 1, 1, 1, 1, 128),
                    new Channel(2, 0, 1, 1, 1, 1, 128));
            case NV12 -> List.of(new Channel(0, 0, 1, 1, 0, 0, yBlack), new Channel(1, 0, 2, 1, 1, 1, 128),
                    new Channel(1, 1, 2, 1, 1, 1, 128));
            case YUY2 -> List.of(new Channel(0, 0, 2, 1, 0, 0, yBlack), new Channel(0, 1, 4, 1, 1, 0, 128),
                    new Channel(0, 3, 4, 1, 1, 0, 128));
            default -> rgbChannels(f);
        };
    }

    /** One channel per byte of a packed RGB pixel; bytes that are not R, G or B (alpha, x) are 255 in black. */
    private static List<Channel> rgbChannels(VideoFormat f) {
        List<Channel> list = new ArrayList<>();
        for (int b = 0; b < f.pixelStride(); b++) {
            boolean colour = b == f.componentOffset(VideoFormat.Component.R)
                    || b == f.componentOffset(VideoFormat.Component.G)
                    || b == f.componentOffset(VideoFormat.Component.B);
            list.add(new Channel(0, b, f.pixelStride(), 1, 0, 0, colour ? 0 : 255));
        }
        return list;
    }

    private void fill(Channel c, byte[] dst) {
        int w = c.width(out);
        int h = c.height(out);
        for (int y = 0; y < h; y++) {
            int row = out.offset(c.plane()) + y * out.stride(c.plane()) + c.offset();
            for (int x = 0; x < w; x++) {
                write(dst, row + x * c.pixelStride(), c.bytes(), c.black());
            }
        }
    }

    /** {@code ceil(size / 2^sub)}, GStreamer's {@code GST_VIDEO_SUB_SCALE}. */
    private static int subScale(int size, int sub) {
        return -((-size) >> sub);
    }

    /** The sample of {@code bytes} bytes (1, or 2 little-endian) at {@code pos}. */
    static int read(byte[] a, int pos, int bytes) {
        return bytes == 1 ? a[pos] & 0xff : (a[pos] & 0xff) | (a[pos + 1] & 0xff) << 8;
    }

    private static void write(byte[] a, int pos, int bytes, int value) {
        a[pos] = (byte) value;
        if (bytes == 2) {
            a[pos + 1] = (byte) (value >> 8);
        }
    }

    /**
     * The sample positions along one axis, as {@code resampler_calculate_taps} computes them:
     * for output sample j the first input sample {@code index[j]}, and for bilinear the weight
     * of the next one, {@code weight[j]} (0 for nearest).
     */
    private record Axis(int[] index, int[] next, int[] weight) {
        static Axis of(VideoScaleMethod method, int inSize, int outSize) {
            int[] index = new int[outSize];
            int[] next = new int[outSize];
            int[] weight = new int[outSize];
            // Two taps need two input samples; one input sample leaves only nearest.
            boolean linear = method == VideoScaleMethod.BILINEAR && inSize > 1;
            double corr = linear ? 0.5 : 0.0;
            for (int j = 0; j < outSize; j++) {
                double centre = (0.5 + j) / outSize; // centre of output sample j, as a fraction of the line
                double x = Math.min(Math.max(centre * inSize - corr, 0), inSize - 1);
                int xi = (int) Math.floor(x);
                index[j] = xi;
                next[j] = Math.min(xi + 1, inSize - 1);
                weight[j] = linear ? (int) Math.round((x - xi) * ONE) : 0;
            }
            return new Axis(index, next, weight);
        }
    }

    /**
     * One channel's output rectangle and sample tables. Bilinear runs in two passes, as
     * {@code gst_video_scaler_2d} does: each input row needed is first resampled horizontally
     * (kept unrounded, with 12 fraction bits), then two such rows are mixed vertically. An
     * input row is resampled once even when several output rows use it (upscaling).
     */
    private final class ChannelPlan {
        final Channel channel;
        final Rect rect;
        final boolean fillBorders;
        final boolean linear;
        final Axis xs;
        final Axis ys;

        ChannelPlan(Channel channel, Rect rect, boolean fillBorders, boolean linear, Axis xs, Axis ys) {
            this.channel = channel;
            this.rect = rect;
            this.fillBorders = fillBorders;
            this.linear = linear;
            this.xs = xs;
            this.ys = ys;
        }

        void run(byte[] src, byte[] dst) {
            Channel c = channel;
            int ps = c.pixelStride();
            int bytes = c.bytes();
            int inBase = in.offset(c.plane()) + c.offset();
            int inStride = in.stride(c.plane());
            int outBase = out.offset(c.plane()) + c.offset() + rect.x() * ps;
            int outStride = out.stride(c.plane());
            int[] upper = new int[rect.width()];
            int[] lower = new int[rect.width()];
            int upperRow = -1;
            int lowerRow = -1;
            for (int j = 0; j < rect.height(); j++) {
                int o = outBase + (rect.y() + j) * outStride;
                int y0 = ys.index()[j];
                if (!linear) {
                    int row = inBase + y0 * inStride;
                    for (int i = 0; i < rect.width(); i++, o += ps) {
                        write(dst, o, bytes, read(src, row + xs.index()[i] * ps, bytes));
                    }
                    continue;
                }
                int y1 = ys.next()[j];
                int wy = ys.weight()[j];
                if (upperRow != y0) {
                    if (lowerRow == y0) { // moving down by one row: the lower row becomes the upper one
                        int[] t = upper;
                        upper = lower;
                        lower = t;
                        lowerRow = upperRow;
                    } else {
                        horizontal(src, inBase + y0 * inStride, upper);
                    }
                    upperRow = y0;
                }
                if (wy != 0 && lowerRow != y1) {
                    horizontal(src, inBase + y1 * inStride, lower);
                    lowerRow = y1;
                }
                for (int i = 0; i < rect.width(); i++, o += ps) {
                    long v = (long) upper[i] * (ONE - wy) + (wy == 0 ? 0 : (long) lower[i] * wy);
                    write(dst, o, bytes, (int) ((v + (1L << (2 * WEIGHT_BITS - 1))) >> (2 * WEIGHT_BITS)));
                }
            }
        }

        /** One input row resampled to the output width, with {@link #WEIGHT_BITS} fraction bits. */
        private void horizontal(byte[] src, int row, int[] line) {
            int ps = channel.pixelStride();
            int bytes = channel.bytes();
            for (int i = 0; i < line.length; i++) {
                int wx = xs.weight()[i];
                int v = read(src, row + xs.index()[i] * ps, bytes) * (ONE - wx);
                line[i] = wx == 0 ? v : v + read(src, row + xs.next()[i] * ps, bytes) * wx;
            }
        }
    }
}
