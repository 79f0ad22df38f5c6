package org.gstmini.plugins.good.videoconvert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;
import org.gstmini.plugins.good.coreelements.CoreElementsPlugin;
import org.gstmini.plugins.good.videotestsrc.VideoTestSrcPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** videoconvert as an element: negotiation, passthrough, known colours, alpha, bad input. */
class VideoConvertTest {
    private static final String RAW = "video/x-raw, width=(int)4, height=(int)2, framerate=(fraction)30/1, "
            + "pixel-aspect-ratio=(fraction)1/1, ";

    private static Caps caps(String fields) {
        return Caps.parse(RAW + fields);
    }

    /** Pushes one frame of {@code in} caps through, with downstream allowing {@code allowed}; returns [output caps, buffer]. */
    private static Object[] convert(String in, String allowed, byte[] frame, VideoConvert vc) {
        try (Harness h = new Harness(vc)) {
            h.setCaps(caps(in), Caps.parse(allowed));
            Buffer out = h.pushAndPull(Buffer.wrap(frame));
            return new Object[] {h.getSinkPad().getCurrentCaps(), out};
        }
    }

    @Test
    void sameCapsOnBothSidesIsPassthroughOfTheVeryBuffer() {
        try (Harness h = new Harness(new VideoConvert())) {
            h.setCaps(caps("format=(string)I420"), Caps.parse("video/x-raw"));
            Buffer in = Buffer.wrap(new byte[VideoInfo.fromCaps(caps("format=I420")).size()]);
            assertSame(in, h.pushAndPull(in));
        }
    }

    @ParameterizedTest(name = "{0} with downstream {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "RGBA | { RGB, BGRA, I420 }       | BGRA",
        "RGBA | { I420, RGB }             | RGB",
        "I420 | { YUY2, NV12, RGB }       | NV12",
        "I420 | { RGB, YUY2 }             | YUY2",
        "RGB  | { GRAY8, I420 }           | I420",
        "RGB  | { GRAY8, RGBA }           | RGBA",
        "GRAY8 | { RGB, GRAY16_LE, I420 } | GRAY16_LE",
        "NV12 | NV12                      | NV12",
    })
    void fixatesTheFormatThatLosesLeast(String in, String allowed, String expected) {
        VideoConvert vc = new VideoConvert();
        Caps incaps = caps("format=(string)" + in);
        Caps other = vc.transformCaps(PadDirection.SINK, incaps, null)
                .intersect(Caps.parse("video/x-raw, format=(string)" + allowed), Caps.IntersectMode.FIRST);
        Caps fixed = vc.fixateCaps(PadDirection.SINK, incaps, other);
        assertTrue(fixed.isFixed(), fixed.toString());
        Structure s = fixed.structure(0);
        assertEquals(expected, s.getString("format"));
        assertEquals(4, s.getInt("width"));
        assertEquals(2, s.getInt("height"));
        assertEquals("30/1", s.getFraction("framerate").toString());
    }

    @Test
    void transformCapsDropsFormatColorimetryAndChromaSiteOnly() {
        Caps out = new VideoConvert().transformCaps(PadDirection.SINK,
                caps("format=(string)I420, colorimetry=(string)bt601, chroma-site=(string)mpeg2"), null);
        Structure s = out.structure(0);
        assertFalse(s.has("format"));
        assertFalse(s.has("colorimetry"));
        assertFalse(s.has("chroma-site"));
        assertEquals(4, s.getInt("width"));
        assertEquals("1/1", s.getFraction("pixel-aspect-ratio").toString());
    }

    @Test
    void yuvToYuvKeepsTheInputRangeAndRgbToYuvGetsBt601() {
        VideoConvert vc = new VideoConvert();
        Caps full = caps("format=(string)I420, colorimetry=(string)1:4:0:0");
        Caps nv12 = Caps.parse("video/x-raw, format=(string)NV12");
        Caps other = vc.transformCaps(PadDirection.SINK, full, null).intersect(nv12, Caps.IntersectMode.FIRST);
        assertEquals("1:4:0:0", vc.fixateCaps(PadDirection.SINK, full, other).structure(0).getString("colorimetry"));
        Caps rgb = caps("format=(string)RGB");
        other = vc.transformCaps(PadDirection.SINK, rgb, null).intersect(nv12, Caps.IntersectMode.FIRST);
        assertEquals("bt601", vc.fixateCaps(PadDirection.SINK, rgb, other).structure(0).getString("colorimetry"));
    }

    /** Textbook BT.601 values: white, black, red, green and blue in limited and full range. */
    @ParameterizedTest(name = "RGB {0},{1},{2} -> {4} Y,U,V {5},{6},{7}")
    @CsvSource({
        "255, 255, 255, bt601, I420, 235, 128, 128",
        "0, 0, 0, bt601, I420, 16, 128, 128",
        "255, 0, 0, bt601, I420, 81, 90, 240",
        "0, 255, 0, bt601, NV12, 145, 54, 34",
        "0, 0, 255, bt601, YUY2, 41, 240, 110",
        "255, 255, 255, 1:4:0:0, I420, 255, 128, 128",
        "0, 0, 0, 1:4:0:0, NV12, 0, 128, 128",
        "255, 0, 0, 1:4:0:0, YUY2, 76, 85, 255",
    })
    void knownColours(int r, int g, int b, String colorimetry, String format, int y, int u, int v) {
        byte[] frame = new byte[VideoInfo.fromCaps(caps("format=RGB")).size()];
        for (int i = 0; i < frame.length; i += 3) {
            frame[i] = (byte) r;
            frame[i + 1] = (byte) g;
            frame[i + 2] = (byte) b;
        }
        Object[] res = convert("format=(string)RGB",
                "video/x-raw, format=(string)" + format + ", colorimetry=(string)" + colorimetry, frame,
                new VideoConvert());
        VideoInfo info = VideoInfo.fromCaps((Caps) res[0]);
        byte[] out = ((Buffer) res[1]).toByteArray();
        assertEquals(info.size(), out.length);
        for (int py = 0; py < 2; py++) {
            for (int px = 0; px < 4; px++) {
                assertEquals(y, out[TestFrames.lumaIndex(info, px, py)] & 0xff, "Y");
                assertEquals(u, out[TestFrames.chromaIndex(info, px, py, 0)] & 0xff, "U");
                assertEquals(v, out[TestFrames.chromaIndex(info, px, py, 1)] & 0xff, "V");
            }
        }
    }

    @ParameterizedTest(name = "alpha-mode={0} alpha-value={1}, input alpha {2} -> {3}")
    @CsvSource({
        "copy, 0.5, 200, 200",
        "set, 0.5, 200, 128",
        "mult, 0.5, 200, 100",
        "copy, 1.0, 7, 7",
    })
    void alphaModes(String mode, double value, int inAlpha, int outAlpha) {
        VideoConvert vc = new VideoConvert();
        vc.setPropertyFromString("alpha-mode", mode);
        vc.set(VideoConvert.ALPHA_VALUE, value);
        byte[] frame = new byte[4 * 4 * 2];
        for (int i = 0; i < frame.length; i += 4) {
            frame[i + 3] = (byte) inAlpha; // RGBA
        }
        Object[] res = convert("format=(string)RGBA", "video/x-raw, format=(string)ARGB", frame, vc);
        byte[] out = ((Buffer) res[1]).toByteArray();
        for (int i = 0; i < out.length; i += 4) {
            assertEquals(outAlpha, out[i] & 0xff, "alpha of ARGB pixel " + i / 4);
        }
    }

    @Test
    void anInputWithoutAlphaGetsAlphaValue() {
        VideoConvert vc = new VideoConvert();
        vc.set(VideoConvert.ALPHA_VALUE, 0.25);
        Object[] res = convert("format=(string)GRAY8", "video/x-raw, format=(string)BGRA", new byte[4 * 2], vc);
        byte[] out = ((Buffer) res[1]).toByteArray();
        byte[] expected = new byte[out.length];
        for (int i = 0; i < expected.length; i += 4) {
            expected[i + 3] = (byte) 64;
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void convertsInARealPipelineToEos() {
        Registry r = Registry.get();
        if (r.findFactory("fakesink") == null) {
            r.registerStatic(new CoreElementsPlugin());
        }
        if (r.findFactory("videotestsrc") == null) {
            r.registerStatic(new VideoTestSrcPlugin());
        }
        if (r.findFactory("videoconvert") == null) {
            r.registerStatic(new VideoConvertPlugin());
        }
        Pipeline p = (Pipeline) Parse.launch("videotestsrc num-buffers=3 ! video/x-raw,format=I420,width=33,height=17 "
                + "! videoconvert ! video/x-raw,format=BGRA ! fakesink name=sink");
        try {
            p.setState(State.PLAYING);
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(30), MessageType.EOS, MessageType.ERROR);
            assertNotNull(m, "EOS within the hang guard");
            assertEquals(MessageType.EOS, m.type(), m.toString());
            Structure stats = (Structure) p.getByName("sink").getProperty("stats");
            assertEquals(3, stats.getLong("rendered"));
            Caps negotiated = p.getByName("sink").getStaticPad("sink").getCurrentCaps();
            assertEquals(VideoInfo.of(VideoFormat.BGRA, 33, 17).size(), VideoInfo.fromCaps(negotiated).size());
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void aShortBufferIsAStreamErrorOnTheBusNamingTheElement() throws Exception {
        Pipeline p = new Pipeline();
        VideoConvert vc = new VideoConvert();
        p.add(vc);
        try (Harness h = new Harness(vc)) {
            h.setCaps(caps("format=(string)RGB"), Caps.parse("video/x-raw, format=(string)I420"));
            assertEquals(FlowReturn.ERROR, h.push(Buffer.wrap(new byte[5])));
            Message m = p.getBus().timedPop(TimeUnit.SECONDS.toNanos(10), MessageType.ERROR);
            assertNotNull(m, "an ERROR message");
            Message.Error e = assertInstanceOf(Message.Error.class, m);
            assertEquals(ErrorCode.STREAM_FORMAT, e.code());
            assertTrue(e.debug().contains(vc.getName()) && e.debug().contains("5 bytes"), e.debug());
        }
        p.setState(State.NULL);
        assertEquals(State.NULL, vc.getCurrentState());
    }
}
