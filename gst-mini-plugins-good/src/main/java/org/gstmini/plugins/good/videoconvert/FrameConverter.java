package org.gstmini.plugins.good.videoconvert;

import org.gstmini.base.video.VideoInfo;

/**
 * Converts whole frames from one {@link VideoInfo} to another of the same size; mirrors
 * {@code GstVideoConverter} (gst-libs/gst/video/video-converter.c, {@code gst_video_converter_frame})
 * in its plainest shape: per pair of rows
 *
 * <pre>
 *   unpack (Lines.unpack)  →  colour matrix (ColorMatrix)  →  alpha (alpha-mode)  →  pack (Lines.pack)
 *   src rows y, y+1           in space → out space           copy / set / mult       dst rows y, y+1
 *   unpacked0/1               converted0/1 (skipped, and the same arrays, when both spaces are equal)
 * </pre>
 *
 * Chroma upsampling happens in unpack (replication), downsampling in pack (block average); see
 * {@link Lines}. A converter is made once per negotiated caps pair and reused for every frame;
 * it keeps two line buffers, so one converter serves one streaming thread.
 */
final class FrameConverter {
    private final VideoInfo in;
    private final VideoInfo out;
    private final ColorMatrix matrix;
    private final VideoAlphaMode alphaMode;
    /** alpha-value as a byte, 0..255. */
    private final int alphaValue;
    /** Rows y and y+1 as unpacked from the input. */
    private final int[][] unpacked0;
    private final int[][] unpacked1;
    /** The same rows after the colour matrix; their alpha arrays are those of the unpacked rows. */
    private final int[][] converted0;
    private final int[][] converted1;

    /**
     * @param alphaValue the alpha-value property, 0..1
     */
    FrameConverter(VideoInfo in, VideoInfo out, VideoAlphaMode alphaMode, double alphaValue) {
        if (in.width() != out.width() || in.height() != out.height()) {
            throw new IllegalArgumentException("videoconvert does not scale: " + in.width() + "x" + in.height()
                    + " -> " + out.width() + "x" + out.height());
        }
        this.in = in;
        this.out = out;
        this.matrix = ColorMatrix.between(ColorMatrix.Space.of(in), ColorMatrix.Space.of(out));
        this.alphaMode = alphaMode;
        this.alphaValue = (int) Math.round(alphaValue * 255);
        this.unpacked0 = new int[4][in.width()];
        this.unpacked1 = new int[4][in.width()];
        this.converted0 = matrixOutput(unpacked0, matrix);
        this.converted1 = matrixOutput(unpacked1, matrix);
    }

    /** Where the matrix writes a line: new component arrays sharing the unpacked alpha, or the line itself without a matrix. */
    private static int[][] matrixOutput(int[][] unpacked, ColorMatrix matrix) {
        if (matrix.isIdentity()) {
            return unpacked;
        }
        int w = unpacked[0].length;
        return new int[][] {unpacked[0], new int[w], new int[w], new int[w]};
    }

    /** Converts the frame in {@code src} (at least {@code in.size()} bytes) into {@code dst} ({@code out.size()} bytes). */
    void convert(byte[] src, byte[] dst) {
        int w = in.width();
        int h = in.height();
        boolean doAlpha = out.format().hasAlpha() && !(alphaMode == VideoAlphaMode.COPY && in.format().hasAlpha());
        for (int y = 0; y < h; y += 2) {
            boolean two = y + 1 < h;
            Lines.unpack(in, src, y, unpacked0);
            if (two) {
                Lines.unpack(in, src, y + 1, unpacked1);
            }
            if (!matrix.isIdentity()) {
                matrix.apply(unpacked0, converted0, w);
                if (two) {
                    matrix.apply(unpacked1, converted1, w);
                }
            }
            if (doAlpha) {
                applyAlpha(converted0, w);
                if (two) {
                    applyAlpha(converted1, w);
                }
            }
            Lines.pack(out, converted0, two ? converted1 : null, dst, y);
        }
    }

    /**
     * {@code GstVideoAlphaMode}: without alpha in the input every mode writes alpha-value; with
     * it, COPY keeps it, SET replaces it and MULT scales it by alpha-value.
     */
    private void applyAlpha(int[][] line, int width) {
        boolean mult = alphaMode == VideoAlphaMode.MULT && in.format().hasAlpha();
        int[] alpha = line[0];
        for (int x = 0; x < width; x++) {
            alpha[x] = mult ? (alpha[x] * alphaValue + 127) / 255 : alphaValue;
        }
    }
}
