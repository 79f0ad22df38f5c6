package org.gstmini.plugins.good.videoconvert;

import org.gstmini.base.video.VideoFormat;

/**
 * How much information converting from one format to another loses, the score videoconvert's
 * fixate uses to choose an output format among those downstream allows. Mirrors
 * {@code score_value} in gst-plugins-base/gst/videoconvertscale/gstvideoconvertscale.c: the
 * same format costs 0; any change costs 1 plus, per property that changes, a small "change"
 * cost and, when the change throws information away, a larger "loss" cost:
 *
 * <pre>
 *   property          change   loss (when lost)
 *   family RGB/YUV/GREY  +2    +128 when the output is GREY (colour dropped)
 *   alpha                +1    +8   when the input had alpha
 *   chroma rows (h_sub)  +1    +32  when the output subsamples vertically more
 *   chroma cols (w_sub)  +1    +16  when the output subsamples horizontally more
 *   bits per component   +1    +4   when the output has fewer bits
 * </pre>
 *
 * So RGBA prefers BGRA (1) over RGB (1+1+8 = 10) over I420 (a YUV family change and chroma
 * losses), and I420 prefers NV12 (1) over YUY2.
 */
final class FormatLoss {
    private static final int FORMAT_CHANGE = 1;
    private static final int COLORSPACE_LOSS = 2;
    private static final int COLOR_LOSS = 128;
    private static final int ALPHA_CHANGE = 1;
    private static final int ALPHA_LOSS = 8;
    private static final int CHROMA_CHANGE = 1;
    private static final int CHROMA_H_LOSS = 32;
    private static final int CHROMA_W_LOSS = 16;
    private static final int DEPTH_CHANGE = 1;
    private static final int DEPTH_LOSS = 4;

    private FormatLoss() {
    }

    /** The loss of converting {@code in} to {@code out}; 0 only when they are the same. */
    static int of(VideoFormat in, VideoFormat out) {
        if (in == out) {
            return 0;
        }
        int loss = FORMAT_CHANGE;
        if (in.family() != out.family()) {
            loss += COLORSPACE_LOSS;
            if (out.isGray()) {
                loss += COLOR_LOSS;
            }
        }
        if (in.hasAlpha() != out.hasAlpha()) {
            loss += ALPHA_CHANGE;
            if (in.hasAlpha()) {
                loss += ALPHA_LOSS;
            }
        }
        if (vSub(in) != vSub(out)) {
            loss += CHROMA_CHANGE;
            if (vSub(in) < vSub(out)) {
                loss += CHROMA_H_LOSS;
            }
        }
        if (hSub(in) != hSub(out)) {
            loss += CHROMA_CHANGE;
            if (hSub(in) < hSub(out)) {
                loss += CHROMA_W_LOSS;
            }
        }
        if (bits(in) != bits(out)) {
            loss += DEPTH_CHANGE;
            if (bits(in) > bits(out)) {
                loss += DEPTH_LOSS;
            }
        }
        return loss;
    }

    /** log2 of the horizontal chroma subsampling ({@code GST_VIDEO_FORMAT_INFO_W_SUB(info, 1)}). */
    private static int hSub(VideoFormat f) {
        return switch (f) {
            case I420, NV12, YUY2 -> 1;
            default -> 0;
        };
    }

    /** log2 of the vertical chroma subsampling ({@code GST_VIDEO_FORMAT_INFO_H_SUB(info, 1)}). */
    private static int vSub(VideoFormat f) {
        return f == VideoFormat.I420 || f == VideoFormat.NV12 ? 1 : 0;
    }

    /** Bits per component ({@code GST_VIDEO_FORMAT_INFO_BITS}). */
    private static int bits(VideoFormat f) {
        return f == VideoFormat.GRAY16_LE ? 16 : 8;
    }
}
