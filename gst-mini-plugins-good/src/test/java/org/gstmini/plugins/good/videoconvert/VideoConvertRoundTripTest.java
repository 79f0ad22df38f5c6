package org.gstmini.plugins.good.videoconvert;

import static org.gstmini.plugins.good.videoconvert.TestFrames.chromaIndex;
import static org.gstmini.plugins.good.videoconvert.TestFrames.lumaIndex;
import static org.gstmini.plugins.good.videoconvert.TestFrames.rgbIndex;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gstmini.base.video.VideoColorRange;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoFormat.Component;
import org.gstmini.base.video.VideoInfo;

/**
 * Laws of the conversion, over random frames of random (also odd) sizes.
 *
 * <h2>The error bounds, and why</h2>
 * <ul>
 *   <li><b>RGB family ↔ RGB family</b>: exact. Only bytes move; alpha survives when both formats
 *       have it and reads 255 otherwise.</li>
 *   <li><b>RGB → YUV → RGB, full range</b>: at most 1 per component. Rounding Y, U and V to
 *       integers moves them by ≤ 0.5; going back multiplies that by at most 1 + 1.772 / 2
 *       (B from Y and U), so the exact result lies within 1.39 of the original and, rounded, within 1.</li>
 *   <li><b>RGB → YUV → RGB, limited range</b>: at most 2. The same ≤ 0.5 code errors now weigh
 *       255/219 (Y) and 255/224 (chroma) more: B lies within 0.58 + 1.01 = 1.59, rounded ≤ 2.</li>
 *   <li>Chroma subsampling throws colour detail away, so those round trips use frames whose colour
 *       is constant over each 2x2 block (also the partial blocks at odd edges): averaging a block
 *       then gives back its colour, and the bounds above hold for every pixel. For frames without
 *       that structure, {@link #rgbToSubsampledYuvMatchesTheBlockAverageOfTheFormula} checks
 *       against the subsampled truth instead: Y within 1 of the formula per pixel, U and V
 *       within 1 of the mean of the exact per-pixel values of the block.</li>
 *   <li><b>GREY → anything → GREY</b>: exact, except 1 through limited-range YUV (219 luma
 *       levels for 256 grey levels).</li>
 * </ul>
 */
class VideoConvertRoundTripTest {

    @Provide
    Arbitrary<VideoFormat> rgbFormats() {
        return Arbitraries.of(Arrays.stream(VideoFormat.values()).filter(VideoFormat::isRgb).toList());
    }

    @Provide
    Arbitrary<VideoFormat> colourFormats() {
        return Arbitraries.of(Arrays.stream(VideoFormat.values()).filter(f -> !f.isGray()).toList());
    }

    @Provide
    Arbitrary<VideoFormat> yuvFormats() {
        return Arbitraries.of(VideoFormat.I420, VideoFormat.NV12, VideoFormat.YUY2);
    }

    @Property(tries = 300)
    void rgbThroughAnyColourFormatAndBackStaysWithinTheBound(@ForAll("rgbFormats") VideoFormat rgb,
            @ForAll("colourFormats") VideoFormat via, @ForAll VideoColorRange range,
            @ForAll @IntRange(min = 1, max = 37) int width, @ForAll @IntRange(min = 1, max = 23) int height,
            @ForAll long seed) {
        VideoInfo a = VideoInfo.of(rgb, width, height);
        VideoInfo b = info(via, width, height, range);
        byte[] src = blockConstantRgbFrame(a, new Random(seed));
        byte[] back = roundTrip(src, a, b);
        int bound = !via.isYuv() ? 0 : range == VideoColorRange.FULL ? 1 : 2;
        boolean alphaKept = rgb.hasAlpha() && via.hasAlpha();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (Component c : new Component[] {Component.R, Component.G, Component.B}) {
                    int i = rgbIndex(a, x, y, c);
                    assertWithin(bound, src[i], back[i], () -> rgb + " -> " + via + " (" + range + ") -> " + rgb);
                }
                if (rgb.hasAlpha()) {
                    int i = rgbIndex(a, x, y, Component.A);
                    int expected = alphaKept ? src[i] & 0xff : 255;
                    assertWithin(0, (byte) expected, back[i], () -> "alpha through " + via);
                }
            }
        }
    }

    @Property(tries = 200)
    void greyThroughAnyFormatAndBackStaysWithinTheBound(@ForAll VideoFormat via, @ForAll VideoColorRange range,
            @ForAll @IntRange(min = 1, max = 37) int width, @ForAll @IntRange(min = 1, max = 23) int height,
            @ForAll long seed) {
        VideoInfo grey = VideoInfo.of(VideoFormat.GRAY8, width, height);
        VideoInfo b = info(via, width, height, range);
        byte[] src = new byte[grey.size()];
        new Random(seed).nextBytes(src);
        byte[] back = roundTrip(src, grey, b);
        int bound = via.isYuv() && range == VideoColorRange.LIMITED ? 1 : 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = lumaIndex(grey, x, y);
                assertWithin(bound, src[i], back[i], () -> "GRAY8 -> " + via + " (" + range + ") -> GRAY8");
            }
        }
    }

    @Property(tries = 200)
    void rgbToSubsampledYuvMatchesTheBlockAverageOfTheFormula(@ForAll("rgbFormats") VideoFormat rgb,
            @ForAll("yuvFormats") VideoFormat yuv, @ForAll VideoColorRange range,
            @ForAll @IntRange(min = 1, max = 37) int width, @ForAll @IntRange(min = 1, max = 23) int height,
            @ForAll long seed) {
        VideoInfo a = VideoInfo.of(rgb, width, height);
        VideoInfo b = info(yuv, width, height, range);
        byte[] src = new byte[a.size()];
        new Random(seed).nextBytes(src);
        byte[] out = new byte[b.size()];
        new FrameConverter(a, b, VideoAlphaMode.COPY, 1).convert(src, out);
        int blockH = yuv == VideoFormat.YUY2 ? 1 : 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] exact = exactYuv(a, src, x, y, range);
                int px = x;
                int py = y;
                assertWithin(1, exact[0], out[lumaIndex(b, x, y)], () -> "Y of (" + px + "," + py + ")");
                if (x % 2 == 0 && y % blockH == 0) {
                    double[] mean = new double[3];
                    int n = 0;
                    for (int by = y; by < Math.min(y + blockH, height); by++) {
                        for (int bx = x; bx < Math.min(x + 2, width); bx++) {
                            double[] e = exactYuv(a, src, bx, by, range);
                            mean[1] += e[1];
                            mean[2] += e[2];
                            n++;
                        }
                    }
                    for (int comp = 0; comp < 2; comp++) {
                        int cc = comp;
                        assertWithin(1, mean[1 + comp] / n, out[chromaIndex(b, x, y, comp)],
                                () -> (cc == 0 ? "U" : "V") + " of the block at (" + px + "," + py + ")");
                    }
                }
            }
        }
    }

    @Property(tries = 200)
    void yuvToRgbMatchesTheFormula(@ForAll("yuvFormats") VideoFormat yuv, @ForAll("rgbFormats") VideoFormat rgb,
            @ForAll VideoColorRange range, @ForAll @IntRange(min = 1, max = 37) int width,
            @ForAll @IntRange(min = 1, max = 23) int height, @ForAll long seed) {
        VideoInfo a = info(yuv, width, height, range);
        VideoInfo b = VideoInfo.of(rgb, width, height);
        byte[] src = new byte[a.size()];
        new Random(seed).nextBytes(src);
        byte[] out = new byte[b.size()];
        new FrameConverter(a, b, VideoAlphaMode.COPY, 1).convert(src, out);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // upsampling replicates: every pixel of a block has the block's U and V
                double[] e = TestFrames.rgb(src[lumaIndex(a, x, y)] & 0xff, src[chromaIndex(a, x, y, 0)] & 0xff,
                        src[chromaIndex(a, x, y, 1)] & 0xff, range);
                Component[] cs = {Component.R, Component.G, Component.B};
                for (int k = 0; k < 3; k++) {
                    int kk = k;
                    assertWithin(1, TestFrames.toByte(e[k]), out[rgbIndex(b, x, y, cs[k])],
                            () -> cs[kk] + " of " + yuv + " " + range + " -> " + rgb);
                }
            }
        }
    }

    /** A frame whose colour and alpha are one random value per 2x2 block. */
    static byte[] blockConstantRgbFrame(VideoInfo info, Random random) {
        byte[] frame = new byte[info.size()];
        random.nextBytes(frame); // row padding and x bytes stay random
        int bw = (info.width() + 1) / 2;
        int[] colours = new int[bw * ((info.height() + 1) / 2)];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt();
        }
        Component[] cs = {Component.A, Component.R, Component.G, Component.B};
        for (int y = 0; y < info.height(); y++) {
            for (int x = 0; x < info.width(); x++) {
                int argb = colours[(y / 2) * bw + x / 2];
                for (int k = 0; k < 4; k++) {
                    if (info.format().componentOffset(cs[k]) >= 0) {
                        frame[rgbIndex(info, x, y, cs[k])] = (byte) (argb >>> (24 - 8 * k));
                    }
                }
            }
        }
        return frame;
    }

    /** The layout of a {@code format} frame, with {@code range} if the format is YUV (others are always full range). */
    private static VideoInfo info(VideoFormat format, int width, int height, VideoColorRange range) {
        VideoInfo info = VideoInfo.of(format, width, height);
        return format.isYuv() ? info.withColorRange(range) : info;
    }

    private static byte[] roundTrip(byte[] src, VideoInfo a, VideoInfo b) {
        byte[] mid = new byte[b.size()];
        new FrameConverter(a, b, VideoAlphaMode.COPY, 1).convert(src, mid);
        byte[] back = new byte[a.size()];
        new FrameConverter(b, a, VideoAlphaMode.COPY, 1).convert(mid, back);
        return back;
    }

    private static double[] exactYuv(VideoInfo rgb, byte[] frame, int x, int y, VideoColorRange range) {
        return TestFrames.yuv(frame[rgbIndex(rgb, x, y, Component.R)] & 0xff,
                frame[rgbIndex(rgb, x, y, Component.G)] & 0xff, frame[rgbIndex(rgb, x, y, Component.B)] & 0xff, range);
    }

    private static void assertWithin(int bound, byte expected, byte actual, Supplier<String> what) {
        assertWithin(bound, expected & 0xff, actual, what);
    }

    private static void assertWithin(int bound, double expected, byte actual, Supplier<String> what) {
        int got = actual & 0xff;
        if (Math.abs(got - expected) > bound) {
            fail(what.get() + ": expected " + expected + " ± " + bound + ", got " + got);
        }
    }
}
