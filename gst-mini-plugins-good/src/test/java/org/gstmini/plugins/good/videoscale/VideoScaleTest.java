package org.gstmini.plugins.good.videoscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * videoscale through the Harness: GStreamer's metadata and defaults, caps transformation,
 * passthrough, exact nearest-neighbour results on frames small enough to check by hand (one per
 * kind of layout), bilinear on gradients within a stated bound, and black borders.
 */
class VideoScaleTest {

    // ---------------------------------------------------------------- helpers

    /** Scales {@code frame} given as {@code inCaps} to what {@code outCaps} allow and returns the output bytes. */
    private static byte[] scale(String inCaps, String outCaps, byte[] frame, VideoScaleMethod method,
            boolean borders) {
        VideoScale vs = new VideoScale();
        vs.set(VideoScale.METHOD, method);
        vs.set(VideoScale.ADD_BORDERS, borders);
        try (Harness h = new Harness(vs)) {
            h.setCapsStr(inCaps, outCaps);
            Buffer out = h.pushAndPull(Buffer.wrap(frame));
            assertNotNull(out, "no output buffer");
            byte[] bytes = new byte[out.size()];
            out.payload().get(0, bytes);
            return bytes;
        }
    }

    private static byte[] nearest(String inCaps, String outCaps, byte[] frame) {
        return scale(inCaps, outCaps, frame, VideoScaleMethod.NEAREST_NEIGHBOUR, true);
    }

    private static String caps(VideoFormat format, int w, int h) {
        return "video/x-raw, format=(string)" + format + ", width=(int)" + w + ", height=(int)" + h
                + ", framerate=(fraction)30/1, pixel-aspect-ratio=(fraction)1/1";
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A frame of {@code info}'s layout whose plane-0 samples (1 byte each) are {@code f(x, y)}. */
    private static byte[] grey(VideoInfo info, IntBinaryOperator f) {
        byte[] frame = new byte[info.size()];
        for (int y = 0; y < info.height(); y++) {
            for (int x = 0; x < info.width(); x++) {
                frame[y * info.stride(0) + x] = (byte) f.applyAsInt(x, y);
            }
        }
        return frame;
    }

    // ---------------------------------------------------------------- element

    @Test
    void registeredWithGStreamersMetadataAndDefaults() {
        Element e = ElementFactory.make("videoscale");
        assertInstanceOf(VideoScale.class, e);
        assertEquals("Video scaler", e.getFactory().getLongName());
        assertEquals("Filter/Converter/Video/Scaler", e.getFactory().getKlass());
        assertEquals("Resizes video", e.getFactory().getDescription());
        assertEquals(Rank.MARGINAL, e.getFactory().getRank());
        assertEquals(VideoScaleMethod.BILINEAR, e.getProperty("method"));
        assertEquals(true, e.getProperty("add-borders"));
        e.setPropertyFromString("method", "nearest-neighbour");
        assertEquals(VideoScaleMethod.NEAREST_NEIGHBOUR, e.getProperty("method"));
        e.setPropertyFromString("method", "1");
        assertEquals(VideoScaleMethod.BILINEAR, e.getProperty("method"));
        assertThrows(IllegalArgumentException.class, () -> e.setPropertyFromString("method", "lanczos"),
                "methods gst-mini does not implement are not offered");
    }

    @Test
    void transformCapsOpensSizeAndAspectRatioAndKeepsTheRest() {
        VideoScale vs = new VideoScale();
        Caps in = Caps.parse(caps(VideoFormat.I420, 320, 240) + ", colorimetry=(string)bt601");
        Caps out = vs.transformCaps(PadDirection.SINK, in, null);
        assertEquals(Caps.parse("video/x-raw, format=(string)I420, width=(int)[ 1, 2147483647 ], "
                + "height=(int)[ 1, 2147483647 ], framerate=(fraction)30/1, "
                + "pixel-aspect-ratio=(fraction)[ 1/2147483647, 2147483647/1 ], colorimetry=(string)bt601"), out);
        Caps noPar = vs.transformCaps(PadDirection.SRC, Caps.parse("video/x-raw, format=(string)RGB, width=(int)8, "
                + "height=(int)8; video/x-raw, format=(string)RGB, width=(int)16, height=(int)16"), null);
        assertEquals(Caps.parse("video/x-raw, format=(string)RGB, width=(int)[ 1, 2147483647 ], "
                + "height=(int)[ 1, 2147483647 ]"), noPar, "no PAR added; the second structure is covered by the first");
        Caps filtered = vs.transformCaps(PadDirection.SINK, in, Caps.parse("video/x-raw, width=(int)100"));
        assertEquals(100, filtered.structure(0).getInt("width"));
        assertEquals("I420", filtered.structure(0).getString("format"));
    }

    @Test
    void sameCapsOnBothSidesIsPassthroughOfTheVeryBuffer() {
        try (Harness h = new Harness(new VideoScale())) {
            h.setSrcCapsStr(caps(VideoFormat.RGB, 4, 4));
            Buffer in = Buffer.wrap(new byte[VideoInfo.of(VideoFormat.RGB, 4, 4).size()]);
            assertSame(in, h.pushAndPull(in));
            assertEquals(Caps.parse(caps(VideoFormat.RGB, 4, 4)), h.getSinkPad().getCurrentCaps());
        }
    }

    // ---------------------------------------------------------------- nearest-neighbour, by hand

    @Test
    void nearestDoublesEveryGray8Pixel() {
        // 2x2 -> 4x4; rows are 4 bytes long (a multiple of 4) on both sides.
        byte[] out = nearest(caps(VideoFormat.GRAY8, 2, 2), caps(VideoFormat.GRAY8, 4, 4),
                bytes(1, 2, 0, 0, 3, 4, 0, 0));
        assertArrayEquals(bytes(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4), out);
    }

    @Test
    void nearestShrinkingTakesTheSampleUnderEachOutputCentre() {
        // 4 -> 2: output centres at input 1.0 and 3.0 -> samples 1 and 3.
        assertArrayEquals(bytes(20, 40, 0, 0), nearest(caps(VideoFormat.GRAY8, 4, 1),
                "video/x-raw, width=(int)2, height=(int)1", bytes(10, 20, 30, 40)));
        // RGB 3 -> 2: centres at 0.75 and 2.25 -> pixels 0 and 2, all three bytes of each.
        byte[] out = nearest(caps(VideoFormat.RGB, 3, 1), "video/x-raw, width=(int)2, height=(int)1",
                bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0));
        assertArrayEquals(bytes(1, 2, 3, 7, 8, 9, 0, 0), out, "row padded to 8 bytes");
    }

    @Test
    void nearestOnFourBytePixelsMovesWholePixels() {
        byte[] in = bytes(1, 2, 3, 4, 5, 6, 7, 8);
        for (VideoFormat f : new VideoFormat[] {VideoFormat.RGBA, VideoFormat.BGRA, VideoFormat.ARGB,
                VideoFormat.BGRx, VideoFormat.xRGB}) {
            assertArrayEquals(bytes(1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 5, 6, 7, 8),
                    nearest(caps(f, 2, 1), "video/x-raw, width=(int)4, height=(int)1", in), f.toString());
        }
    }

    @Test
    void nearestScalesI420ChromaPlanesWithTheirOwnSize() {
        // 4x2: Y plane 4x2 (stride 4), U and V 2x1 (stride 4 each) -> 2x2: Y 2x2, U and V 1x1.
        byte[] in = bytes(
                10, 11, 12, 13, 20, 21, 22, 23,   // Y
                100, 101, 0, 0,                   // U
                200, 201, 0, 0);                  // V
        byte[] out = nearest(caps(VideoFormat.I420, 4, 2), "video/x-raw, width=(int)2, height=(int)2", in);
        // Y: columns 1 and 3; chroma 2 -> 1: centre at 1.0 -> sample 1.
        assertArrayEquals(bytes(11, 13, 0, 0, 21, 23, 0, 0, 101, 0, 0, 0, 201, 0, 0, 0), out);
    }

    @Test
    void nearestScalesNv12InterleavedChromaAsTwoChannels() {
        // 2x2 -> 4x4: Y duplicated; the one U,V pair becomes 2x2 pairs.
        byte[] in = bytes(1, 2, 0, 0, 3, 4, 0, 0, 100, 200, 0, 0);
        byte[] out = nearest(caps(VideoFormat.NV12, 2, 2), "video/x-raw, width=(int)4, height=(int)4", in);
        assertArrayEquals(bytes(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4,
                100, 200, 100, 200, 100, 200, 100, 200), out);
    }

    @Test
    void nearestScalesYuy2LumaAtFullAndChromaAtHalfWidth() {
        // Y0 U0 Y1 V0 Y2 U1 Y3 V1, 4x1 -> 2x1: Y samples 1 and 3, chroma 2 -> 1: pair 1.
        byte[] in = bytes(10, 100, 11, 200, 12, 101, 13, 201);
        byte[] out = nearest(caps(VideoFormat.YUY2, 4, 1), "video/x-raw, width=(int)2, height=(int)1", in);
        assertArrayEquals(bytes(11, 101, 13, 201), out);
    }

    @Test
    void nearestKeepsSixteenBitSamplesWhole() {
        byte[] in = bytes(0x34, 0x12, 0xcd, 0xab);
        byte[] out = nearest(caps(VideoFormat.GRAY16_LE, 2, 1), "video/x-raw, width=(int)4, height=(int)1", in);
        assertArrayEquals(bytes(0x34, 0x12, 0x34, 0x12, 0xcd, 0xab, 0xcd, 0xab), out);
    }

    // ---------------------------------------------------------------- bilinear

    /**
     * Bilinear interpolation of a linear ramp is the ramp itself, so each output sample must be
     * the ramp at the position its centre maps to ({@code (j + 0.5) * in / out - 0.5}, clamped
     * to the picture) within 1: the 12-bit weights and the final rounding cost less than one
     * code value.
     */
    @Test
    void bilinearFollowsA2dRampWithinOne() {
        int inW = 40;
        int inH = 30;
        int outW = 57;
        int outH = 23;
        VideoInfo in = VideoInfo.of(VideoFormat.GRAY8, inW, inH);
        VideoInfo out = VideoInfo.of(VideoFormat.GRAY8, outW, outH);
        byte[] result = scale(caps(VideoFormat.GRAY8, inW, inH), "video/x-raw, width=(int)" + outW
                + ", height=(int)" + outH, grey(in, (x, y) -> 3 * x + 4 * y), VideoScaleMethod.BILINEAR, true);
        for (int j = 0; j < outH; j++) {
            double y = position(j, inH, outH);
            for (int i = 0; i < outW; i++) {
                double expected = 3 * position(i, inW, outW) + 4 * y;
                int got = result[j * out.stride(0) + i] & 0xff;
                assertTrue(Math.abs(got - expected) <= 1.0, "(" + i + "," + j + "): " + got + " vs " + expected);
            }
        }
    }

    @Test
    void bilinearOnSixteenBitSamplesStaysWithinOneOfTheRamp() {
        int inW = 16;
        int outW = 45;
        byte[] in = new byte[VideoInfo.of(VideoFormat.GRAY16_LE, inW, 1).size()];
        for (int x = 0; x < inW; x++) {
            int v = 4000 * x + 123;
            in[2 * x] = (byte) v;
            in[2 * x + 1] = (byte) (v >> 8);
        }
        byte[] out = scale(caps(VideoFormat.GRAY16_LE, inW, 1), "video/x-raw, width=(int)" + outW + ", height=(int)1",
                in, VideoScaleMethod.BILINEAR, true);
        for (int i = 0; i < outW; i++) {
            int got = (out[2 * i] & 0xff) | (out[2 * i + 1] & 0xff) << 8;
            double expected = 4000 * position(i, inW, outW) + 123;
            assertTrue(Math.abs(got - expected) <= 1.0, i + ": " + got + " vs " + expected);
        }
    }

    @Test
    void bilinearMixesNeighboursByDistance() {
        // 2 -> 4: positions -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1).
        byte[] out = scale(caps(VideoFormat.GRAY8, 2, 1), "video/x-raw, width=(int)4, height=(int)1",
                bytes(0, 200, 0, 0), VideoScaleMethod.BILINEAR, true);
        assertArrayEquals(bytes(0, 50, 150, 200), out);
    }

    /** Where output sample {@code j} samples the input, between sample centres, as two-tap linear resampling does. */
    private static double position(int j, int in, int out) {
        return Math.min(Math.max((j + 0.5) * in / out - 0.5, 0), in - 1);
    }

    // ---------------------------------------------------------------- borders

    @Test
    void addBordersLetterboxesWithOpaqueBlack() {
        // 4x2 (2:1) into a square 4x4 with square pixels: 1 black row above, 1 below.
        byte[] in = new byte[4 * 2 * 4];
        Arrays.fill(in, (byte) 200);
        byte[] out = nearest(caps(VideoFormat.RGBA, 4, 2), caps(VideoFormat.RGBA, 4, 4), in);
        byte[] black = bytes(0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255);
        assertArrayEquals(black, Arrays.copyOfRange(out, 0, 16));
        byte[] picture = new byte[32];
        Arrays.fill(picture, (byte) 200);
        assertArrayEquals(picture, Arrays.copyOfRange(out, 16, 48));
        assertArrayEquals(black, Arrays.copyOfRange(out, 48, 64));
    }

    @Test
    void i420BordersAreLimitedRangeBlackInEveryPlane() {
        // 8x4 (2:1) -> 8x8 square pixels: picture rows 2..5; chroma rows 1..2 of 4.
        VideoInfo in = VideoInfo.of(VideoFormat.I420, 8, 4);
        byte[] frame = new byte[in.size()];
        Arrays.fill(frame, (byte) 99);
        VideoInfo outInfo = VideoInfo.of(VideoFormat.I420, 8, 8);
        byte[] out = nearest(caps(VideoFormat.I420, 8, 4), caps(VideoFormat.I420, 8, 8), frame);
        for (int y = 0; y < 8; y++) {
            int expected = y >= 2 && y < 6 ? 99 : 16;
            assertEquals(expected, out[y * outInfo.stride(0)] & 0xff, "Y row " + y);
        }
        for (int plane = 1; plane <= 2; plane++) {
            for (int y = 0; y < 4; y++) {
                int expected = y >= 1 && y < 3 ? 99 : 128;
                assertEquals(expected, out[outInfo.offset(plane) + y * outInfo.stride(plane)] & 0xff,
                        "plane " + plane + " row " + y);
            }
        }
        byte[] full = nearest(caps(VideoFormat.I420, 8, 4) + ", colorimetry=(string)1:4:0:0",
                caps(VideoFormat.I420, 8, 8), frame);
        assertEquals(0, full[0], "full-range black is Y = 0");
    }

    @Test
    void pillarboxIsCentredAndBgrxPaddingIsOpaque() {
        // 2x2 (1:1) into 4x2 with square pixels: one black column left and right.
        byte[] out = nearest(caps(VideoFormat.BGRx, 2, 2), caps(VideoFormat.BGRx, 4, 2),
                bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        assertArrayEquals(bytes(0, 0, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 255,
                0, 0, 0, 255, 9, 10, 11, 12, 13, 14, 15, 16, 0, 0, 0, 255), out);
    }

    @Test
    void withoutBordersThePictureIsStretched() {
        byte[] out = scale(caps(VideoFormat.GRAY8, 4, 2), caps(VideoFormat.GRAY8, 4, 4),
                bytes(1, 2, 3, 4, 5, 6, 7, 8), VideoScaleMethod.NEAREST_NEIGHBOUR, false);
        assertArrayEquals(bytes(1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 5, 6, 7, 8), out);
    }

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void everyFormatScalesToTheOutputFrameSize(VideoFormat format) {
        VideoInfo in = VideoInfo.of(format, 7, 5);
        byte[] frame = new byte[in.size()];
        Arrays.fill(frame, (byte) 77);
        for (VideoScaleMethod m : VideoScaleMethod.values()) {
            byte[] out = scale(caps(format, 7, 5), "video/x-raw, width=(int)12, height=(int)9", frame, m, false);
            VideoInfo outInfo = VideoInfo.of(format, 12, 9);
            assertEquals(outInfo.size(), out.length, format + " " + m);
            // A flat picture stays flat: the first sample of every plane is 77 with either method.
            for (int p = 0; p < outInfo.planes(); p++) {
                assertEquals(77, out[outInfo.offset(p)] & 0xff, format + " " + m + " plane " + p);
            }
        }
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aShortFrameIsAStreamErrorNamingTheSizes() {
        Pipeline p = new Pipeline("short");
        VideoScale vs = new VideoScale();
        p.add(vs);
        try (Harness h = new Harness(vs)) {
            h.setCapsStr(caps(VideoFormat.RGB, 4, 4), "video/x-raw, width=(int)8");
            assertEquals(FlowReturn.ERROR, h.push(Buffer.wrap(ByteBuffer.allocate(10).array())));
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(5), MessageType.ERROR);
            assertNotNull(m, "an ERROR on the bus");
            Message.Error error = (Message.Error) m;
            assertEquals(ErrorCode.STREAM_FORMAT, error.code());
            assertTrue(error.debug().contains("got 10 bytes") && error.debug().contains("needs 48"), error.debug());
        }
    }
}
