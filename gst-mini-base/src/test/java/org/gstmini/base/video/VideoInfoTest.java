package org.gstmini.base.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.check.GStreamerTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link VideoInfo} against GStreamer's {@code gst_video_info_set_format}: strides, plane offsets
 * and frame sizes of all formats at odd and even sizes. The fixed values below were checked
 * against GStreamer 1.22 (the buffer sizes printed by
 * {@code gst-launch-1.0 -v videotestsrc num-buffers=1 ! video/x-raw,format=F,width=W,height=H ! fakesink silent=false});
 * when {@code gst-launch-1.0} is installed, the tests also ask it again, and read its frames
 * through VideoInfo's strides and offsets to show they point at the right bytes.
 */
class VideoInfoTest {
    @TempDir
    static Path dir;

    // ---------------------------------------------------------------- layout: fixed values

    @ParameterizedTest(name = "{0} {1}x{2}: strides {3}, offsets {4}, {5} bytes")
    @CsvSource(delimiter = '|', value = {
        "RGB       | 33 | 17 | 100       | 0         | 1700",
        "BGR       | 33 | 17 | 100       | 0         | 1700",
        "RGBA      | 33 | 17 | 132       | 0         | 2244",
        "BGRA      | 33 | 17 | 132       | 0         | 2244",
        "ARGB      | 33 | 17 | 132       | 0         | 2244",
        "BGRx      | 33 | 17 | 132       | 0         | 2244",
        "xRGB      | 33 | 17 | 132       | 0         | 2244",
        "GRAY8     | 33 | 17 | 36        | 0         | 612",
        "GRAY16_LE | 33 | 17 | 68        | 0         | 1156",
        "YUY2      | 33 | 17 | 68        | 0         | 1156",
        "I420      | 33 | 17 | 36 20 20  | 0 648 828 | 1008",
        "NV12      | 33 | 17 | 36 36     | 0 648     | 972",
        "RGB       | 1  | 1  | 4         | 0         | 4",
        "GRAY8     | 1  | 1  | 4         | 0         | 4",
        "YUY2      | 1  | 1  | 4         | 0         | 4",
        "I420      | 1  | 1  | 4 4 4     | 0 8 12    | 16",
        "NV12      | 1  | 1  | 4 4       | 0 8       | 12",
        "RGB       | 7  | 3  | 24        | 0         | 72",
        "RGBA      | 7  | 3  | 28        | 0         | 84",
        "GRAY8     | 7  | 3  | 8         | 0         | 24",
        "GRAY16_LE | 7  | 3  | 16        | 0         | 48",
        "I420      | 7  | 3  | 8 4 4     | 0 32 40   | 48",
        "NV12      | 7  | 3  | 8 8       | 0 32      | 48",
        "I420      | 320 | 240 | 320 160 160 | 0 76800 96000 | 115200",
        "NV12      | 320 | 240 | 320 320 | 0 76800   | 115200",
    })
    void stridesOffsetsAndSizeAsGStreamer(VideoFormat format, int width, int height, String strides, String offsets,
            int size) {
        VideoInfo info = VideoInfo.of(format, width, height);
        assertArrayEquals(ints(strides), info.strides(), "strides");
        assertArrayEquals(ints(offsets), info.offsets(), "offsets");
        assertEquals(size, info.size(), "size");
        assertEquals(format.planes(), info.planes());
    }

    @Test
    void chromaPlanesHaveHalfTheRowsRoundedUp() {
        VideoInfo info = VideoInfo.of(VideoFormat.I420, 33, 17);
        assertEquals(17, info.planeHeight(0));
        assertEquals(9, info.planeHeight(1));
        assertEquals(9, info.planeHeight(2));
    }

    @Test
    void theArraysAreCopies() {
        VideoInfo info = VideoInfo.of(VideoFormat.I420, 8, 8);
        info.strides()[0] = 99;
        info.offsets()[1] = 99;
        assertEquals(8, info.stride(0));
        assertEquals(64, info.offset(1));
    }

    // ---------------------------------------------------------------- layout: the real GStreamer

    @ParameterizedTest(name = "{0}")
    @EnumSource(VideoFormat.class)
    void sizeAsGStreamerReportsIt(VideoFormat format) throws Exception {
        for (int[] wh : new int[][] {{33, 17}, {1, 1}, {7, 3}, {63, 47}, {5, 9}, {2, 2}}) {
            String log = GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-v",
                    "videotestsrc", "num-buffers=1", "!", caps(format, wh[0], wh[1]), "!", "fakesink", "silent=false");
            Matcher m = Pattern.compile("\\(fakesink0:sink\\) \\((\\d+) bytes").matcher(log);
            assertTrue(m.find(), "no buffer size in gst-launch-1.0's output:\n" + log);
            assertEquals(Integer.parseInt(m.group(1)), VideoInfo.of(format, wh[0], wh[1]).size(),
                    format + " " + wh[0] + "x" + wh[1]);
        }
    }

    /**
     * GStreamer's videotestsrc paints the same SMPTE bars in every RGB format: reading each
     * frame's R, G and B through VideoInfo's stride and {@link VideoFormat#componentOffset} must
     * give the same picture, at an odd size whose rows are padded.
     */
    @Test
    void rgbFormatsReadThroughTheLayoutGiveGStreamersPicture() throws Exception {
        byte[] reference = paint(VideoFormat.RGB);
        VideoInfo ri = VideoInfo.of(VideoFormat.RGB, W, H);
        for (VideoFormat f : VideoFormat.values()) {
            if (!f.isRgb()) {
                continue;
            }
            byte[] frame = paint(f);
            VideoInfo info = VideoInfo.of(f, W, H);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (VideoFormat.Component c : List.of(VideoFormat.Component.R, VideoFormat.Component.G,
                            VideoFormat.Component.B)) {
                        assertEquals(reference[pixel(ri, x, y) + VideoFormat.RGB.componentOffset(c)],
                                frame[pixel(info, x, y) + f.componentOffset(c)], f + " " + c + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    /**
     * The same for the YUV formats: I420 and NV12 carry the same 4:2:0 samples in different
     * planes, YUY2 the same luma (and, in the top rows, the same chroma) in one packed plane.
     */
    @Test
    void yuvFormatsReadThroughTheLayoutGiveGStreamersPicture() throws Exception {
        VideoInfo i420 = VideoInfo.of(VideoFormat.I420, W, H);
        VideoInfo nv12 = VideoInfo.of(VideoFormat.NV12, W, H);
        VideoInfo yuy2 = VideoInfo.of(VideoFormat.YUY2, W, H);
        byte[] a = paint(VideoFormat.I420);
        byte[] b = paint(VideoFormat.NV12);
        byte[] c = paint(VideoFormat.YUY2);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                String at = " at " + x + "," + y;
                byte luma = a[i420.offset(0) + y * i420.stride(0) + x];
                assertEquals(luma, b[nv12.offset(0) + y * nv12.stride(0) + x], "NV12 Y" + at);
                assertEquals(luma, c[yuy2.offset(0) + y * yuy2.stride(0) + 2 * x], "YUY2 Y" + at);
                int nvChroma = nv12.offset(1) + (y / 2) * nv12.stride(1) + 2 * (x / 2);
                int pair = yuy2.offset(0) + y * yuy2.stride(0) + 4 * (x / 2);
                for (int k = 0; k < 2; k++) {
                    byte chroma = a[i420.offset(1 + k) + (y / 2) * i420.stride(1 + k) + x / 2];
                    assertEquals(chroma, b[nvChroma + k], "NV12 " + (k == 0 ? "U" : "V") + at);
                    if (y == 0) {
                        assertEquals(chroma, c[pair + 1 + 2 * k], "YUY2 " + (k == 0 ? "U" : "V") + at);
                    }
                }
            }
        }
    }

    private static final int W = 33;
    private static final int H = 17;

    private static byte[] paint(VideoFormat f) throws Exception {
        Path file = dir.resolve(f + ".raw");
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-q", "videotestsrc",
                "pattern=smpte", "num-buffers=1", "!", caps(f, W, H), "!", "filesink", "location=" + file);
        byte[] frame = Files.readAllBytes(file);
        assertEquals(VideoInfo.of(f, W, H).size(), frame.length, f + " frame size");
        return frame;
    }

    private static int pixel(VideoInfo info, int x, int y) {
        return info.offset(0) + y * info.stride(0) + x * info.format().pixelStride();
    }

    private static String caps(VideoFormat f, int w, int h) {
        return String.format(Locale.ROOT, "video/x-raw,format=%s,width=%d,height=%d", f.capsName(), w, h);
    }

    // ---------------------------------------------------------------- caps

    @ParameterizedTest(name = "{0}")
    @EnumSource(VideoFormat.class)
    void capsRoundTrip(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, 33, 17).withFramerate(new Fraction(30000, 1001))
                .withPixelAspectRatio(new Fraction(16, 15));
        assertEquals(info, VideoInfo.fromCaps(info.toCaps()));
        assertTrue(info.toCaps().isFixed());
        if (format.isYuv()) {
            VideoInfo full = info.withColorRange(VideoColorRange.FULL);
            assertEquals(full, VideoInfo.fromCaps(full.toCaps()));
            assertNotEquals(info, full);
        }
    }

    @Test
    void readsCapsWithDefaults() {
        VideoInfo info = VideoInfo.fromCaps(Caps.parse("video/x-raw, format=(string)NV12, width=(int)33, height=(int)17"));
        assertEquals(VideoFormat.NV12, info.format());
        assertEquals(Fraction.ZERO, info.framerate());
        assertEquals(new Fraction(1, 1), info.pixelAspectRatio());
        assertEquals(VideoColorRange.LIMITED, info.colorRange());
        assertEquals(-1, info.frameDurationNanos());
        VideoInfo rgb = VideoInfo.fromCaps(Caps.parse("video/x-raw, format=(string)RGB, width=(int)2, height=(int)2, "
                + "framerate=(fraction)30/1, colorimetry=(string)sRGB"));
        assertEquals(VideoColorRange.FULL, rgb.colorRange());
        assertEquals(33_333_333, rgb.frameDurationNanos());
    }

    @ParameterizedTest(name = "colorimetry={0} -> {1}")
    @CsvSource({"bt601, LIMITED", "bt709, LIMITED", "1:4:0:0, FULL", "2:4:5:4, LIMITED", "1:3:5:1, FULL"})
    void colorimetryGivesTheRange(String colorimetry, VideoColorRange range) {
        VideoInfo info = VideoInfo.fromCaps(Caps.parse("video/x-raw, format=(string)I420, width=(int)2, height=(int)2, "
                + "colorimetry=(string)" + colorimetry));
        assertEquals(range, info.colorRange());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "video/x-raw, format=(string){ RGB, I420 }, width=(int)2, height=(int)2 | fixed",
        "ANY | fixed",
        "EMPTY | fixed",
        "audio/x-raw, format=(string)S16LE, width=(int)2, height=(int)2 | not raw video",
        "video/x-raw, format=(string)AYUV, width=(int)2, height=(int)2 | unsupported video format AYUV",
        "video/x-raw, width=(int)2, height=(int)2 | without format",
        "video/x-raw, format=(string)RGB, height=(int)2 | without width",
        "video/x-raw, format=(string)RGB, width=(int)0, height=(int)2 | invalid video size",
        "video/x-raw, format=(string)RGB, width=(int)2, height=(int)-4 | invalid video size",
        "video/x-raw, format=(string)RGBA, width=(int)65536, height=(int)65536 | more than one buffer can hold",
        "video/x-raw, format=(string)RGB, width=(int)2, height=(int)2, framerate=(fraction)-1/1 | invalid framerate",
        "video/x-raw, format=(string)RGB, width=(int)2, height=(int)2, pixel-aspect-ratio=(fraction)0/1 | invalid pixel-aspect-ratio",
    })
    void badCapsAreRefusedWithAReason(String caps, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoInfo.fromCaps(Caps.parse(caps)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rgbAndGreyAreAlwaysFullRange() {
        assertThrows(IllegalArgumentException.class,
                () -> VideoInfo.of(VideoFormat.RGB, 2, 2).withColorRange(VideoColorRange.LIMITED));
        assertEquals(VideoColorRange.FULL, VideoInfo.of(VideoFormat.GRAY8, 2, 2).colorRange());
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
