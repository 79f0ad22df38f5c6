package org.gstmini.plugins.good.videoconvert;

import java.util.Arrays;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoFormat.Component;
import org.gstmini.base.video.VideoInfo;

/**
 * Reads rows of a frame into "unpacked" lines and writes them back, for every
 * {@link VideoFormat}. Mirrors the {@code unpack_func} / {@code pack_func} of
 * {@code GstVideoFormatInfo} (gst-libs/gst/video/video-format.c: {@code unpack_I420},
 * {@code pack_NV12}, ...), which GstVideoConverter calls once per line.
 *
 * <p>An unpacked line holds the same 4 values per pixel as GStreamer's 8-bit ARGB / AYUV
 * lines, each 0..255, but one array per component ({@code line[k][x]}), so that the colour
 * matrix runs over plain int arrays the JIT can vectorise:
 * <pre>
 *   line[0]  line[1]  line[2]  line[3]
 *   A        R        G        B        RGB family (A = 255 without alpha; the x byte is ignored)
 *   A        Y        U        V        YUV family
 *   A        Y        128      128      GREY (GRAY16_LE keeps its high byte: Y = v16 &gt;&gt; 8)
 * </pre>
 *
 * <h2>Chroma</h2>
 * Unpacking replicates: every pixel of a 2x2 block (I420, NV12) or 2x1 pair (YUY2) gets the
 * block's U and V (nearest neighbour; GStreamer's default chroma-resampler interpolates linearly
 * instead). Packing averages: a block's U and V are the rounded mean over the pixels of the
 * block that exist (at an odd width or height the last block holds 2 or 1 pixels). So a frame
 * whose chroma is constant over each block survives a round trip through I420 unchanged apart
 * from the colour matrix's rounding.
 *
 * <p>Lines are processed two rows at a time ({@code y} even), the smallest unit that contains
 * whole chroma blocks of every format; for a frame of odd height the last pair has one row.
 */
final class Lines {
    private Lines() {
    }

    /**
     * Unpacks row {@code y} of the frame {@code src} (laid out as {@code info}) into {@code line}.
     */
    static void unpack(VideoInfo info, byte[] src, int y, int[][] line) {
        int w = info.width();
        VideoFormat f = info.format();
        int row = info.offset(0) + y * info.stride(0);
        switch (f) {
            case GRAY8, GRAY16_LE -> {
                gather(src, f == VideoFormat.GRAY8 ? row : row + 1, f.pixelStride(), line[1], w);
                Arrays.fill(line[2], 0, w, 128);
                Arrays.fill(line[3], 0, w, 128);
            }
            case I420 -> {
                gather(src, row, 1, line[1], w);
                gatherReplicated(src, info.offset(1) + (y / 2) * info.stride(1), 1, line[2], w);
                gatherReplicated(src, info.offset(2) + (y / 2) * info.stride(2), 1, line[3], w);
            }
            case NV12 -> {
                int uv = info.offset(1) + (y / 2) * info.stride(1);
                gather(src, row, 1, line[1], w);
                gatherReplicated(src, uv, 2, line[2], w);
                gatherReplicated(src, uv + 1, 2, line[3], w);
            }
            case YUY2 -> {
                gather(src, row, 2, line[1], w);
                gatherReplicated(src, row + 1, 4, line[2], w);
                gatherReplicated(src, row + 3, 4, line[3], w);
            }
            default -> {
                int ps = f.pixelStride();
                gather(src, row + f.componentOffset(Component.R), ps, line[1], w);
                gather(src, row + f.componentOffset(Component.G), ps, line[2], w);
                gather(src, row + f.componentOffset(Component.B), ps, line[3], w);
                if (f.hasAlpha()) {
                    gather(src, row + f.componentOffset(Component.A), ps, line[0], w);
                    return;
                }
            }
        }
        Arrays.fill(line[0], 0, w, 255);
    }

    /**
     * Packs the rows {@code y} (even) and {@code y + 1} into {@code dst}; {@code line1} is null
     * when row {@code y + 1} does not exist (the last row of an odd height).
     */
    static void pack(VideoInfo info, int[][] line0, int[][] line1, byte[] dst, int y) {
        VideoFormat f = info.format();
        int w = info.width();
        int row = info.offset(0) + y * info.stride(0);
        if (f == VideoFormat.I420 || f == VideoFormat.NV12) {
            scatter(line0[1], dst, row, 1, w);
            if (line1 != null) {
                scatter(line1[1], dst, row + info.stride(0), 1, w);
            }
            int u = info.offset(1) + (y / 2) * info.stride(1);
            boolean nv12 = f == VideoFormat.NV12;
            int v = nv12 ? u + 1 : info.offset(2) + (y / 2) * info.stride(2);
            int step = nv12 ? 2 : 1;
            downsample(line0[2], line1 == null ? null : line1[2], dst, u, step, w);
            downsample(line0[3], line1 == null ? null : line1[3], dst, v, step, w);
            return;
        }
        packRow(info, line0, dst, row);
        if (line1 != null) {
            packRow(info, line1, dst, row + info.stride(0));
        }
    }

    /** One row of a format without vertical subsampling, starting at byte {@code row}. */
    private static void packRow(VideoInfo info, int[][] line, byte[] dst, int row) {
        int w = info.width();
        VideoFormat f = info.format();
        switch (f) {
            case GRAY8 -> scatter(line[1], dst, row, 1, w);
            case GRAY16_LE -> {
                // 8 -> 16 bits by repeating the byte (v * 257), so white stays 0xffff
                scatter(line[1], dst, row, 2, w);
                scatter(line[1], dst, row + 1, 2, w);
            }
            case YUY2 -> {
                scatter(line[1], dst, row, 2, w);
                if (w % 2 == 1) {
                    // the last pixel has no partner: its Y fills the pair, as its chroma covers it alone
                    dst[row + 2 * w] = (byte) line[1][w - 1];
                }
                downsample(line[2], null, dst, row + 1, 4, w);
                downsample(line[3], null, dst, row + 3, 4, w);
            }
            default -> {
                int ps = f.pixelStride();
                scatter(line[1], dst, row + f.componentOffset(Component.R), ps, w);
                scatter(line[2], dst, row + f.componentOffset(Component.G), ps, w);
                scatter(line[3], dst, row + f.componentOffset(Component.B), ps, w);
                if (f.hasAlpha()) {
                    scatter(line[0], dst, row + f.componentOffset(Component.A), ps, w);
                } else if (ps == 4) {
                    // BGRx / xRGB: the padding byte is written as 0xff, like GStreamer's pack functions
                    int pad = f == VideoFormat.BGRx ? 3 : 0;
                    for (int x = 0, p = row + pad; x < w; x++, p += 4) {
                        dst[p] = (byte) 0xff;
                    }
                }
            }
        }
    }

    /** {@code dst[x] = src[start + x * step]} as an unsigned byte, for {@code x < w}. */
    private static void gather(byte[] src, int start, int step, int[] dst, int w) {
        for (int x = 0, p = start; x < w; x++, p += step) {
            dst[x] = src[p] & 0xff;
        }
    }

    /** Chroma upsampling by replication: sample {@code c} (at {@code start + c * step}) goes to pixels 2c and 2c+1. */
    private static void gatherReplicated(byte[] src, int start, int step, int[] dst, int w) {
        for (int x = 0, p = start; x < w; x += 2, p += step) {
            int v = src[p] & 0xff;
            dst[x] = v;
            if (x + 1 < w) {
                dst[x + 1] = v;
            }
        }
    }

    /** {@code dst[start + x * step] = line[x]}, for {@code x < w}. */
    private static void scatter(int[] line, byte[] dst, int start, int step, int w) {
        for (int x = 0, p = start; x < w; x++, p += step) {
            dst[p] = (byte) line[x];
        }
    }

    /**
     * Chroma downsampling by averaging: the sample for pixels 2c, 2c+1 of row {@code c0} and, if
     * not null, of the row below ({@code c1}) is their rounded mean, written at
     * {@code start + c * step}. A block cut by the frame's edge averages the pixels it has.
     */
    private static void downsample(int[] c0, int[] c1, byte[] dst, int start, int step, int w) {
        int x = 0;
        int p = start;
        if (c1 != null) {
            for (; x + 1 < w; x += 2, p += step) {
                dst[p] = (byte) ((c0[x] + c0[x + 1] + c1[x] + c1[x + 1] + 2) >> 2);
            }
            if (x < w) {
                dst[p] = (byte) ((c0[x] + c1[x] + 1) >> 1);
            }
            return;
        }
        for (; x + 1 < w; x += 2, p += step) {
            dst[p] = (byte) ((c0[x] + c0[x + 1] + 1) >> 1);
        }
        if (x < w) {
            dst[p] = (byte) c0[x];
        }
    }
}
