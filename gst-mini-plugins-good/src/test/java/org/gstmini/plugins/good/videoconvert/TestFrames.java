package org.gstmini.plugins.good.videoconvert;

import org.gstmini.base.video.VideoColorRange;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoFormat.Component;
import org.gstmini.base.video.VideoInfo;

/**
 * Test helpers written independently of {@link Lines} and {@link ColorMatrix}: they address
 * pixels only through {@link VideoInfo}'s strides and offsets and {@link VideoFormat}'s
 * component offsets, and compute BT.601 in double precision straight from the formulas, so the
 * tests do not check the converter against itself.
 */
final class TestFrames {
    static final double KR = 0.299;
    static final double KB = 0.114;
    static final double KG = 1 - KR - KB;

    private TestFrames() {
    }

    /** Byte index of component {@code c} of pixel (x, y) in a packed RGB-family frame. */
    static int rgbIndex(VideoInfo info, int x, int y, Component c) {
        return info.offset(0) + y * info.stride(0) + x * info.format().pixelStride()
                + info.format().componentOffset(c);
    }

    /** Byte index of the luma of pixel (x, y) (GRAY8 value, GRAY16_LE high byte, Y of I420/NV12/YUY2). */
    static int lumaIndex(VideoInfo info, int x, int y) {
        int row = info.offset(0) + y * info.stride(0);
        return switch (info.format()) {
            case GRAY16_LE -> row + 2 * x + 1;
            case YUY2 -> row + 2 * x;
            default -> row + x;
        };
    }

    /** Byte index of the U (comp 0) or V (comp 1) sample covering pixel (x, y) of a YUV format. */
    static int chromaIndex(VideoInfo info, int x, int y, int comp) {
        return switch (info.format()) {
            case I420 -> info.offset(1 + comp) + (y / 2) * info.stride(1 + comp) + x / 2;
            case NV12 -> info.offset(1) + (y / 2) * info.stride(1) + 2 * (x / 2) + comp;
            case YUY2 -> info.offset(0) + y * info.stride(0) + 4 * (x / 2) + 1 + 2 * comp;
            default -> throw new IllegalArgumentException(info.format() + " has no chroma");
        };
    }

    /** Exact BT.601 Y'CbCr code values (not rounded) of an 8-bit R'G'B' colour. */
    static double[] yuv(int r, int g, int b, VideoColorRange range) {
        double y = (KR * r + KG * g + KB * b) / 255;
        double pb = (b / 255.0 - y) / (2 * (1 - KB));
        double pr = (r / 255.0 - y) / (2 * (1 - KR));
        boolean full = range == VideoColorRange.FULL;
        return new double[] {
            full ? 255 * y : 16 + 219 * y,
            128 + (full ? 255 : 224) * pb,
            128 + (full ? 255 : 224) * pr,
        };
    }

    /** Exact BT.601 R'G'B' (not rounded, not clamped) of Y'CbCr code values. */
    static double[] rgb(int yc, int u, int v, VideoColorRange range) {
        boolean full = range == VideoColorRange.FULL;
        double y = full ? yc / 255.0 : (yc - 16) / 219.0;
        double pb = (u - 128) / (full ? 255.0 : 224.0);
        double pr = (v - 128) / (full ? 255.0 : 224.0);
        double r = y + 2 * (1 - KR) * pr;
        double b = y + 2 * (1 - KB) * pb;
        double g = (y - KR * r - KB * b) / KG;
        return new double[] {255 * r, 255 * g, 255 * b};
    }

    /** {@code v} rounded and clamped to a byte. */
    static int toByte(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
