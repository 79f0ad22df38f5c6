package org.gstmini.plugins.good.videotestsrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.gstmini.core.caps.Fraction;
import org.gstmini.plugins.good.videotestsrc.RawVideoLayout.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The painter alone: frame layouts and exact pixel values, without any element or thread. */
class VideoTestSrcPainterTest {
    private static final Fraction FPS = new Fraction(30, 1);

    static VideoTestSrcPainter.Options options(VideoTestSrcPattern pattern) {
        return new VideoTestSrcPainter.Options(pattern, 0xffffffffL, 0xff000000L, VideoTestSrcAnimationMode.FRAMES,
                VideoTestSrcMotion.WAVY, false, 0, false, VideoTestSrcPainter.ZonePlate.NONE);
    }

    static byte[] paint(VideoTestSrcPattern pattern, Format format, int w, int h) {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(format, w, h, FPS));
        return p.paint(options(pattern), 0, 0, 0);
    }

    private static int u8(byte b) {
        return b & 0xff;
    }

    @ParameterizedTest(name = "{0} {1}x{2} is {3} bytes")
    @CsvSource({
        "RGB, 320, 240, 230400", "RGBA, 320, 240, 307200", "BGRx, 320, 240, 307200",
        "GRAY8, 320, 240, 76800", "I420, 320, 240, 115200",
        // odd sizes: rows padded to 4 bytes, I420 with a padding Y row and ceil(w/2) x ceil(h/2) chroma
        "RGB, 63, 47, 9024", "RGBA, 63, 47, 11844", "BGRx, 63, 47, 11844", "GRAY8, 63, 47, 3008",
        "I420, 63, 47, 4608", "RGB, 1, 1, 4", "RGB, 5, 3, 48", "I420, 1, 1, 16", "I420, 5, 3, 48"})
    void frameSizeAndPaintedLength(Format format, int w, int h, int size) {
        assertEquals(size, RawVideoLayout.of(format, w, h, FPS).size());
        assertEquals(size, paint(VideoTestSrcPattern.SMPTE, format, w, h).length);
    }

    @Test
    void i420PlaneLayout() {
        RawVideoLayout l = RawVideoLayout.of(Format.I420, 63, 47, FPS);
        assertArrayEquals(new int[] {64, 32, 32}, l.strides());
        assertArrayEquals(new int[] {0, 64 * 48, 64 * 48 + 32 * 24}, l.offsets());
    }

    @Test
    void hugeFramesAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawVideoLayout.of(Format.RGBA, 100_000, 100_000, FPS));
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} in RGB is {1},{2},{3}")
    @CsvSource({"WHITE, 255, 255, 255", "BLACK, 0, 0, 0", "RED, 255, 0, 0", "GREEN, 0, 255, 0",
        "BLUE, 0, 0, 255", "SOLID_COLOR, 255, 255, 255"})
    void solidColoursInRgb(VideoTestSrcPattern pattern, int r, int g, int b) {
        byte[] f = paint(pattern, Format.RGB, 63, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 63; x++) {
                int o = y * 192 + 3 * x;
                assertEquals(r, u8(f[o]));
                assertEquals(g, u8(f[o + 1]));
                assertEquals(b, u8(f[o + 2]));
            }
            for (int pad = 189; pad < 192; pad++) {
                assertEquals(0, f[y * 192 + pad], "row padding stays zero");
            }
        }
    }

    @ParameterizedTest(name = "{0} in GRAY8 is Y={1}")
    @CsvSource({"WHITE, 235", "BLACK, 16", "RED, 81", "GREEN, 145", "BLUE, 41"})
    void solidColoursInGray8AreLimitedRangeLuma(VideoTestSrcPattern pattern, int y) {
        byte[] f = paint(pattern, Format.GRAY8, 7, 3);
        for (int row = 0; row < 3; row++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(y, u8(f[row * 8 + x]));
            }
        }
    }

    @ParameterizedTest(name = "{0} in I420 is Y={1} U={2} V={3}")
    @CsvSource({"WHITE, 235, 128, 128", "BLACK, 16, 128, 128", "RED, 81, 90, 240", "GREEN, 145, 54, 34",
        "BLUE, 41, 240, 110"})
    void solidColoursInI420AreBt601LimitedRange(VideoTestSrcPattern pattern, int y, int u, int v) {
        RawVideoLayout l = RawVideoLayout.of(Format.I420, 9, 7, FPS);
        byte[] f = paint(pattern, Format.I420, 9, 7);
        for (int row = 0; row < 7; row++) {
            for (int x = 0; x < 9; x++) {
                assertEquals(y, u8(f[row * l.strides()[0] + x]));
            }
        }
        for (int row = 0; row < 4; row++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(u, u8(f[l.offsets()[1] + row * l.strides()[1] + x]));
                assertEquals(v, u8(f[l.offsets()[2] + row * l.strides()[2] + x]));
            }
        }
    }

    @Test
    void foregroundColourIsConvertedForYuv() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.I420, 4, 4, FPS));
        assertEquals(0xffeb8080, p.packArgb(0xffffffffL)); // Y 235, U 128, V 128
        assertEquals(0xff108080, p.packArgb(0xff000000L)); // Y 16
        assertEquals(0x80515af0, p.packArgb(0x80ff0000L)); // red keeps its alpha
    }

    @Test
    void smpteBarsInRgb() {
        int w = 70; // 210 bytes of pixels per row, stride 212
        byte[] f = paint(VideoTestSrcPattern.SMPTE, Format.RGB, w, 60);
        int[][] expected = {{255, 255, 255}, {255, 255, 0}, {0, 255, 255}, {0, 255, 0}, {255, 0, 255},
            {255, 0, 0}, {0, 0, 255}};
        for (int bar = 0; bar < 7; bar++) {
            int x = bar * 10 + 5;
            int o = 3 * x; // row 0
            assertArrayEquals(expected[bar], new int[] {u8(f[o]), u8(f[o + 1]), u8(f[o + 2])}, "bar " + bar);
        }
        // Second band (rows 40..44): blue, black, magenta, black, cyan, black, white.
        int[][] reversed = {{0, 0, 255}, {0, 0, 0}, {255, 0, 255}, {0, 0, 0}, {0, 255, 255}, {0, 0, 0},
            {255, 255, 255}};
        for (int bar = 0; bar < 7; bar++) {
            int o = 42 * 212 + 3 * (bar * 10 + 5);
            assertArrayEquals(reversed[bar], new int[] {u8(f[o]), u8(f[o + 1]), u8(f[o + 2])}, "band 2 bar " + bar);
        }
    }

    @Test
    void smpteBarsInI420Luma() {
        byte[] f = paint(VideoTestSrcPattern.SMPTE, Format.I420, 70, 60);
        int[] y = {235, 210, 170, 145, 106, 81, 41};
        for (int bar = 0; bar < 7; bar++) {
            assertEquals(y[bar], u8(f[bar * 10 + 5]), "bar " + bar);
        }
    }

    @Test
    void smpte75Bars() {
        byte[] f = paint(VideoTestSrcPattern.SMPTE75, Format.RGB, 70, 4);
        assertEquals(191, u8(f[15]), "75% white");
        int yellow = 3 * 15;
        assertEquals(191, u8(f[yellow]));
        assertEquals(191, u8(f[yellow + 1]));
        assertEquals(0, u8(f[yellow + 2]), "75% yellow has no blue");
    }

    @Test
    void checkersAlternateRedAndGreen() {
        byte[] f = paint(VideoTestSrcPattern.CHECKERS_2, Format.RGB, 8, 4); // stride 24
        assertEquals(255, u8(f[0]));     // (0,0) red
        assertEquals(0, u8(f[6]));       // (2,0) green: R = 0
        assertEquals(255, u8(f[7]));
        assertEquals(0, u8(f[2 * 24]));  // (0,2) green
    }

    @Test
    void gradientRunsFromBackgroundToForeground() {
        byte[] f = paint(VideoTestSrcPattern.GRADIENT, Format.GRAY8, 4, 256);
        assertEquals(16, u8(f[0]));
        assertEquals(234, u8(f[255 * 4]));
        for (int y = 1; y < 256; y++) {
            assertTrue(u8(f[y * 4]) >= u8(f[(y - 1) * 4]), "monotonic at row " + y);
        }
    }

    @Test
    void ballMovesFromFrameToFrame() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.RGB, 160, 120, FPS));
        VideoTestSrcPainter.Options o = options(VideoTestSrcPattern.BALL);
        byte[] f0 = p.paint(o, 0, 0, 0);
        byte[] f1 = p.paint(o, 1, 1, 33_333_333);
        byte[] again = p.paint(o, 0, 0, 0);
        assertFalse(Arrays.equals(f0, f1));
        assertArrayEquals(f0, again, "the frame count alone decides the picture");
    }

    @Test
    void ballFollowsRunningTimeWhenAsked() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.RGB, 160, 120, FPS));
        VideoTestSrcPainter.Options o = new VideoTestSrcPainter.Options(VideoTestSrcPattern.BALL, 0xffffffffL,
                0xff000000L, VideoTestSrcAnimationMode.RUNNING_TIME, VideoTestSrcMotion.SWEEP, false, 0, false,
                VideoTestSrcPainter.ZonePlate.NONE);
        assertArrayEquals(p.paint(o, 0, 0, 500_000_000), p.paint(o, 7, 7, 500_000_000));
        assertFalse(Arrays.equals(p.paint(o, 0, 0, 0), p.paint(o, 0, 0, 250_000_000)));
    }

    @Test
    void snowIsNoiseThatChangesEveryFrame() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.GRAY8, 32, 32, FPS));
        byte[] f0 = p.paint(options(VideoTestSrcPattern.SNOW), 0, 0, 0);
        byte[] f1 = p.paint(options(VideoTestSrcPattern.SNOW), 1, 1, 0);
        assertFalse(Arrays.equals(f0, f1));
        long distinct = java.util.stream.IntStream.range(0, f0.length).map(i -> f0[i]).distinct().count();
        assertTrue(distinct > 100, "noise covers the range, got " + distinct + " values");
    }

    @Test
    void blinkAlternatesBackgroundAndForeground() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.GRAY8, 4, 4, FPS));
        assertEquals(16, u8(p.paint(options(VideoTestSrcPattern.BLINK), 0, 0, 0)[0]));
        assertEquals(235, u8(p.paint(options(VideoTestSrcPattern.BLINK), 1, 1, 0)[0]));
    }

    @Test
    void horizontalSpeedScrollsLeft() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.GRAY8, 16, 1, FPS));
        VideoTestSrcPainter.Options o = new VideoTestSrcPainter.Options(VideoTestSrcPattern.CHECKERS_4, 0xffffffffL,
                0xff000000L, VideoTestSrcAnimationMode.FRAMES, VideoTestSrcMotion.WAVY, false, 2, false,
                VideoTestSrcPainter.ZonePlate.NONE);
        byte[] f0 = p.paint(o, 0, 0, 0);
        byte[] f1 = p.paint(o, 1, 1, 0);
        for (int x = 0; x < 16; x++) {
            assertEquals(f0[(x + 2) % 16], f1[x], "pixel " + x);
        }
    }

    @Test
    void frameNumberOverlayMakesEveryFrameDifferent() {
        VideoTestSrcPainter p = new VideoTestSrcPainter();
        p.configure(RawVideoLayout.of(Format.RGB, 120, 60, FPS));
        VideoTestSrcPainter.Options o = new VideoTestSrcPainter.Options(VideoTestSrcPattern.SMPTE100, 0xffffffffL,
                0xff000000L, VideoTestSrcAnimationMode.FRAMES, VideoTestSrcMotion.WAVY, false, 0, true,
                VideoTestSrcPainter.ZonePlate.NONE);
        byte[] f7 = p.paint(o, 7, 7, 0);
        byte[] f8 = p.paint(o, 8, 8, 0);
        assertFalse(Arrays.equals(f7, f8));
        // Scale 1 (60 / 60): box from (1,1), 5x7 for one digit; "8" lights its (1,1) font pixel's
        // neighbours, "7" does not light font pixel (0,1) (left column, second row).
        int stride = 360;
        int x = 1 + 1 + 0;
        int y = 1 + 1 + 1;
        assertEquals(0, u8(f7[y * stride + 3 * x]), "7: left column of row 2 is dark");
        assertEquals(255, u8(f8[y * stride + 3 * x]), "8: left column of row 2 is lit");
        assertEquals(0, u8(f8[1 * stride + 3 * 1]), "box margin in background colour");
        // Away from the box, the bars are untouched.
        assertEquals(255, u8(f7[50 * stride + 3 * 5]));
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}
