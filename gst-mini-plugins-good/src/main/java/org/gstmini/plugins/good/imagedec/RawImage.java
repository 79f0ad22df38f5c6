package org.gstmini.plugins.good.imagedec;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;

/**
 * One decoded picture as raw video: its layout and the bytes of one frame, rows padded to
 * {@link VideoInfo#stride(int)} as {@code video/x-raw} requires. This is what a decoder's
 * {@code handle_frame} produces before {@code gst_video_decoder_finish_frame} pushes it.
 *
 * @param info  format and size (frame rate 0/1; the decoder sets the stream's rate)
 * @param data  {@code info.size()} bytes
 */
public record RawImage(VideoInfo info, byte[] data) {

    /**
     * Packs the pixels of {@code image} into {@code format}, which must be RGB, RGBA or GRAY8.
     * GRAY8 takes the blue sample of each pixel: meant for grey pictures, where R = G = B.
     * Images of type {@code TYPE_INT_ARGB} (what {@link CommonsImaging} makes) are read
     * straight from their pixel array; others through {@code getRGB}.
     *
     * @throws ImageDecodeException if the picture is too large for one buffer
     */
    public static RawImage of(BufferedImage image, VideoFormat format) throws ImageDecodeException {
        return of(argbPixels(image), image.getWidth(), image.getHeight(), format);
    }

    /** Packs {@code argb} (0xAARRGGBB, {@code width * height} of them) into {@code format}; see {@link #of(BufferedImage, VideoFormat)}. */
    public static RawImage of(int[] argb, int width, int height, VideoFormat format) throws ImageDecodeException {
        VideoInfo info = layout(format, width, height);
        int w = info.width();
        int h = info.height();
        byte[] out = new byte[info.size()];
        int stride = info.stride(0);
        for (int y = 0; y < h; y++) {
            int o = y * stride;
            int p = y * w;
            switch (format) {
                case RGB -> {
                    for (int x = 0; x < w; x++, o += 3) {
                        int c = argb[p + x];
                        out[o] = (byte) (c >> 16);
                        out[o + 1] = (byte) (c >> 8);
                        out[o + 2] = (byte) c;
                    }
                }
                case RGBA -> {
                    for (int x = 0; x < w; x++, o += 4) {
                        int c = argb[p + x];
                        out[o] = (byte) (c >> 16);
                        out[o + 1] = (byte) (c >> 8);
                        out[o + 2] = (byte) c;
                        out[o + 3] = (byte) (c >>> 24);
                    }
                }
                case GRAY8 -> {
                    for (int x = 0; x < w; x++) {
                        out[o + x] = (byte) argb[p + x];
                    }
                }
                default -> throw new IllegalArgumentException("RawImage packs RGB, RGBA or GRAY8, not " + format);
            }
        }
        return new RawImage(info, out);
    }

    /** {@link VideoInfo#of}, with "too large" as a decode error instead of an IllegalArgumentException. */
    public static VideoInfo layout(VideoFormat format, int width, int height) throws ImageDecodeException {
        try {
            return VideoInfo.of(format, width, height);
        } catch (IllegalArgumentException e) {
            throw new ImageDecodeException("the image size is not usable (" + e.getMessage() + ")");
        }
    }

    /** The pixels as 0xAARRGGBB, one int per pixel, row after row without padding. */
    static int[] argbPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_ARGB
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == w && image.getRaster().getDataBuffer().getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData(); // no copy
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
