package org.gstmini.plugins.ui.swing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoFormat.Component;
import org.gstmini.base.video.VideoInfo;

/**
 * Turns one raw RGB-family video frame into a {@link BufferedImage} Java2D can draw. This is
 * the sink's share of GStreamer's {@code gst_video_frame_map} + {@code gst_video_frame_copy}
 * into an {@code XImage} (ximagesink's {@code gst_x_image_sink_show_frame}, which copies the
 * buffer into its own XImage unless it allocated the buffer itself).
 *
 * <p>Where a component of a pixel lives comes from {@link VideoFormat#componentOffset} and
 * {@link VideoInfo#stride}, so one loop serves all seven formats:
 *
 * <pre>
 *   frame bytes   row y starts at offset(0) + y * stride(0)      (RGB/BGR rows are padded to 4 bytes)
 *                 pixel x starts pixelStride * x bytes further     (3 or 4)
 *                 R, G, B at componentOffset(R/G/B) inside the pixel
 *   image ints    0x00RRGGBB, TYPE_INT_RGB, width * height, no padding
 * </pre>
 *
 * Alpha is ignored, as in glimagesink's default {@code ignore-alpha=true}: the picture is
 * shown opaque, not blended with whatever is behind the window.
 */
final class FrameImage {
    private FrameImage() {
    }

    /**
     * A new opaque image holding the frame. A fresh image per frame is deliberate: the
     * streaming thread owns it until it hands it to the event thread, which may still be
     * painting the previous one; nothing is shared, so nothing needs a lock.
     *
     * @throws IllegalArgumentException if the buffer is smaller than {@code info.size()} or the
     *     format is not packed RGB
     */
    static BufferedImage of(VideoInfo info, ByteBuffer frame) {
        VideoFormat format = info.format();
        if (!format.isRgb()) {
            throw new IllegalArgumentException("cannot paint " + format + ": only packed RGB formats");
        }
        if (frame.remaining() < info.size()) {
            throw new IllegalArgumentException("frame of " + frame.remaining() + " bytes, but " + info.format() + " "
                    + info.width() + "x" + info.height() + " needs " + info.size());
        }
        int width = info.width();
        int height = info.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int base = frame.position() + info.offset(0);
        int stride = info.stride(0);
        int pixelStride = format.pixelStride();
        int r = format.componentOffset(Component.R);
        int g = format.componentOffset(Component.G);
        int b = format.componentOffset(Component.B);
        int i = 0;
        for (int y = 0; y < height; y++) {
            int p = base + y * stride;
            for (int x = 0; x < width; x++, p += pixelStride) {
                out[i++] = (frame.get(p + r) & 0xff) << 16 | (frame.get(p + g) & 0xff) << 8 | frame.get(p + b) & 0xff;
            }
        }
        return image;
    }
}
