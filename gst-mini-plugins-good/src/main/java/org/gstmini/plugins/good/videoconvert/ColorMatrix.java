package org.gstmini.plugins.good.videoconvert;

import org.gstmini.base.video.VideoColorRange;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;

/**
 * One affine 3x3 matrix (plus offsets) that takes the three colour components of an unpacked
 * pixel from the input's colour space to the output's, in 16.16 fixed point. Mirrors the
 * matrix part of {@code GstVideoConverter} (gst-libs/gst/video/video-converter.c:
 * {@code compute_matrix_to_RGB}, {@code compute_matrix_to_YUV}, {@code color_matrix_YCbCr_to_RGB}),
 * which likewise multiplies the steps into one matrix before touching a pixel.
 *
 * <h2>The formulas (BT.601, {@code GST_VIDEO_COLOR_MATRIX_BT601})</h2>
 * With Kr = 0.299, Kb = 0.114, Kg = 1 - Kr - Kb = 0.587 and R', G', B' in 0..1:
 * <pre>
 *   Y' = Kr R' + Kg G' + Kb B'                      (0..1)
 *   Pb = (B' - Y') / (2 (1 - Kb))                    (-0.5..0.5)
 *   Pr = (R' - Y') / (2 (1 - Kr))                    (-0.5..0.5)
 *
 *   full range     (1:4:0:0)  Y = 255 Y'        U = 128 + 255 Pb   V = 128 + 255 Pr
 *   limited range  (bt601)    Y = 16 + 219 Y'   U = 128 + 224 Pb   V = 128 + 224 Pr
 *   R'G'B' bytes              R = 255 R'        G = 255 G'         B = 255 B'
 * </pre>
 * Each side is an affine map to or from normalised R'G'B'; the conversion is
 * {@code from(out) · to(in)}, computed in double and then rounded to integers scaled by 2^16:
 * <pre>
 *   c'[i] = clamp((m[i][0] c[0] + m[i][1] c[1] + m[i][2] c[2] + o[i] + 2^15) &gt;&gt; 16, 0, 255)
 * </pre>
 * The error of the fixed-point coefficients is below 3 · 255 / 2^17 &lt; 0.006 of a code value, so
 * every result is the exactly rounded value of the formula, ±1 where the exact value lies within
 * that distance of a half.
 *
 * <p>GREY formats are luma only and, as GStreamer's default colorimetry for them says, full range
 * with the BT.601 matrix: GRAY8 → RGB gives R = G = B = Y, and RGB → GRAY8 keeps the full-range Y.
 * No gamma or primaries conversion happens (GStreamer's default {@code gamma-mode=none} and the
 * same primaries on both sides).
 */
final class ColorMatrix {
    /** The colour space of an unpacked line. */
    enum Space {
        /** R', G', B' bytes. */
        RGB,
        /** BT.601 Y'CbCr using all 256 codes; also the space of GREY formats. */
        YUV_FULL,
        /** BT.601 Y'CbCr in the studio range: Y 16..235, Cb/Cr 16..240. */
        YUV_LIMITED;

        /** The space pixels of {@code info} are unpacked into. */
        static Space of(VideoInfo info) {
            VideoFormat f = info.format();
            if (f.isRgb()) {
                return RGB;
            }
            if (f.isGray()) {
                return YUV_FULL;
            }
            return info.colorRange() == VideoColorRange.FULL ? YUV_FULL : YUV_LIMITED;
        }
    }

    private static final double KR = 0.299;
    private static final double KB = 0.114;
    private static final double KG = 1 - KR - KB;
    private static final int SHIFT = 16;
    private static final int ROUND = 1 << (SHIFT - 1);

    /** Row-major 3x3 coefficients and 3 offsets, all scaled by 2^16 (the offsets include the rounding). */
    private final int[] m = new int[9];
    private final int[] o = new int[3];
    private final boolean identity;

    private ColorMatrix(double[][] affine) {
        boolean id = true;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i * 3 + j] = (int) Math.round(affine[i][j] * (1 << SHIFT));
                id &= Math.abs(affine[i][j] - (i == j ? 1 : 0)) < 1e-9;
            }
            o[i] = (int) Math.round(affine[i][3] * (1 << SHIFT)) + ROUND;
            id &= Math.abs(affine[i][3]) < 1e-9;
        }
        identity = id;
    }

    /** The matrix taking pixels from space {@code in} to space {@code out}. */
    static ColorMatrix between(Space in, Space out) {
        return new ColorMatrix(multiply(fromRgb(out), toRgb(in)));
    }

    /** Whether the matrix changes nothing (same space on both sides): the converter skips it. */
    boolean isIdentity() {
        return identity;
    }

    /**
     * Converts {@code width} pixels of an unpacked line (see {@link Lines}): reads the three
     * components (R,G,B or Y,U,V, each 0..255) from {@code in[1..3]} and writes the converted ones
     * to {@code out[1..3]}, which must be other arrays; alpha ({@code [0]}) is not touched.
     * One loop per output component over separate arrays is what lets the JIT vectorise it
     * (about ten times faster than one loop updating the line in place).
     */
    void apply(int[][] in, int[][] out, int width) {
        for (int i = 0; i < 3; i++) {
            component(in[1], in[2], in[3], out[1 + i], width, m[3 * i], m[3 * i + 1], m[3 * i + 2], o[i]);
        }
    }

    private static void component(int[] c0, int[] c1, int[] c2, int[] dst, int width, int k0, int k1, int k2,
            int offset) {
        for (int x = 0; x < width; x++) {
            dst[x] = clamp((k0 * c0[x] + k1 * c1[x] + k2 * c2[x] + offset) >> SHIFT);
        }
    }

    /**
     * 0..255 without branches: out-of-range values are common (YUV outside the RGB gamut), and
     * mispredicted branches would cost more than the arithmetic.
     */
    private static int clamp(int v) {
        int positive = v & ~(v >> 31);
        return (positive | ((255 - positive) >> 31)) & 0xff;
    }

    /** The affine map from code values of {@code s} to normalised R'G'B' (0..1). */
    private static double[][] toRgb(Space s) {
        if (s == Space.RGB) {
            return scale(1 / 255.0);
        }
        double ys = s == Space.YUV_FULL ? 255 : 219;
        double yo = s == Space.YUV_FULL ? 0 : 16;
        double cs = s == Space.YUV_FULL ? 255 : 224;
        // Y' = (Y - yo) / ys, Pb = (U - 128) / cs, Pr = (V - 128) / cs
        double[][] codesToYpbpr = {
            {1 / ys, 0, 0, -yo / ys},
            {0, 1 / cs, 0, -128 / cs},
            {0, 0, 1 / cs, -128 / cs},
        };
        // R' = Y' + 2(1-Kr) Pr, B' = Y' + 2(1-Kb) Pb, G' = (Y' - Kr R' - Kb B') / Kg
        double[][] ypbprToRgb = {
            {1, 0, 2 * (1 - KR), 0},
            {1, -2 * (1 - KB) * KB / KG, -2 * (1 - KR) * KR / KG, 0},
            {1, 2 * (1 - KB), 0, 0},
        };
        return multiply(ypbprToRgb, codesToYpbpr);
    }

    /** The affine map from normalised R'G'B' to code values of {@code s}. */
    private static double[][] fromRgb(Space s) {
        if (s == Space.RGB) {
            return scale(255);
        }
        double ys = s == Space.YUV_FULL ? 255 : 219;
        double yo = s == Space.YUV_FULL ? 0 : 16;
        double cs = s == Space.YUV_FULL ? 255 : 224;
        double[][] rgbToYpbpr = {
            {KR, KG, KB, 0},
            {-KR / (2 * (1 - KB)), -KG / (2 * (1 - KB)), 0.5, 0},
            {0.5, -KG / (2 * (1 - KR)), -KB / (2 * (1 - KR)), 0},
        };
        double[][] ypbprToCodes = {
            {ys, 0, 0, yo},
            {0, cs, 0, 128},
            {0, 0, cs, 128},
        };
        return multiply(ypbprToCodes, rgbToYpbpr);
    }

    private static double[][] scale(double k) {
        return new double[][] {{k, 0, 0, 0}, {0, k, 0, 0}, {0, 0, k, 0}};
    }

    /** {@code a · b} for affine 3x4 matrices (an implicit last row 0 0 0 1). */
    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double v = j == 3 ? a[i][3] : 0;
                for (int k = 0; k < 3; k++) {
                    v += a[i][k] * b[k][j];
                }
                r[i][j] = v;
            }
        }
        return r;
    }
}
