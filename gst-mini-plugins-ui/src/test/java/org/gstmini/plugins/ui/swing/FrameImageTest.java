package org.gstmini.plugins.ui.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every packed RGB format lands on the same picture. The test frames are laid out from the
 * format's name read letter by letter (R, G, B, A, x: GStreamer names the bytes in memory
 * order), not from the table the converter uses, and odd widths give RGB/BGR padded rows.
 */
class FrameImageTest {
    private static final int WIDTH = 5;
    private static final int HEIGHT = 3;

    private static int colour(int x, int y) {
        return (x * 50) << 16 | (y * 100 + 7) << 8 | (255 - x * 13 - y);
    }

    private static ByteBuffer frame(VideoInfo info) {
        byte[] bytes = new byte[info.size()];
        Arrays.fill(bytes, (byte) 0xEE); // row padding and alpha/x bytes: must not matter
        String order = info.format().capsName();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = colour(x, y);
                for (int i = 0; i < order.length(); i++) {
                    int shift = switch (order.charAt(i)) {
                        case 'R' -> 16;
                        case 'G' -> 8;
                        case 'B' -> 0;
                        default -> -1;
                    };
                    if (shift >= 0) {
                        bytes[y * info.stride(0) + x * order.length() + i] = (byte) (rgb >> shift);
                    }
                }
            }
        }
        return ByteBuffer.wrap(bytes);
    }

    @ParameterizedTest
    @EnumSource(value = VideoFormat.class, names = {"RGB", "BGR", "RGBA", "BGRA", "ARGB", "BGRx", "xRGB"})
    void eachRgbFormatGivesTheSameOpaquePicture(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, WIDTH, HEIGHT);
        BufferedImage image = FrameImage.of(info, frame(info));
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertEquals(0xff000000 | colour(x, y), image.getRGB(x, y), format + " at " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = VideoFormat.class, names = {"RGB", "BGRx"})
    void readsFromTheBuffersPositionNotFromZero(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, WIDTH, HEIGHT);
        ByteBuffer shifted = ByteBuffer.allocate(info.size() + 3).position(3);
        shifted.put(frame(info)).position(3);
        assertEquals(0xff000000 | colour(4, 2), FrameImage.of(info, shifted).getRGB(4, 2));
    }

    @ParameterizedTest
    @EnumSource(value = VideoFormat.class, names = {"I420", "GRAY8", "YUY2"})
    void refusesFormatsThatAreNotPackedRgb(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, WIDTH, HEIGHT);
        assertThrows(IllegalArgumentException.class, () -> FrameImage.of(info, ByteBuffer.allocate(info.size())));
    }

    @ParameterizedTest
    @EnumSource(value = VideoFormat.class, names = {"RGB", "ARGB"})
    void refusesAShortFrameNamingBothSizes(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, WIDTH, HEIGHT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameImage.of(info, ByteBuffer.allocate(info.size() - 1)));
        assertEquals("frame of " + (info.size() - 1) + " bytes, but " + format + " 5x3 needs " + info.size(),
                e.getMessage());
    }
}
