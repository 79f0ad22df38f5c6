package org.gstmini.plugins.good.videoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.Harness;

/** Laws of videoscale over random sizes, formats and pictures. */
class VideoScaleLawsTest {

    private static String input(VideoFormat format, int w, int h, Fraction par) {
        return "video/x-raw, format=(string)" + format + ", width=(int)" + w + ", height=(int)" + h
                + ", framerate=(fraction)25/1, pixel-aspect-ratio=(fraction)" + par;
    }

    /** With square pixels on both sides and only the width fixed downstream, the height keeps the picture's shape. */
    @Property(tries = 200)
    void aFixedWidthGivesTheHeightOfTheSameShape(@ForAll @IntRange(min = 1, max = 2000) int inW,
            @ForAll @IntRange(min = 1, max = 2000) int inH, @ForAll @IntRange(min = 1, max = 4000) int outW) {
        try (Harness h = new Harness(new VideoScale())) {
            h.setCapsStr(input(VideoFormat.I420, inW, inH, Fraction.of(1, 1)),
                    "video/x-raw, width=(int)" + outW + ", pixel-aspect-ratio=(fraction)1/1");
            Structure out = h.getSinkPad().getCurrentCaps().structure(0);
            // Clamped to the template: 1..32767.
            long expected = Math.min(32767, Math.max(1, ((long) outW * inH + inW / 2) / inW));
            assertEquals(outW, out.getInt("width"));
            assertEquals(expected, out.getInt("height"), inW + "x" + inH + " -> width " + outW);
        }
    }

    /** With nothing fixed downstream the output keeps size and PAR, and buffers pass untouched. */
    @Property(tries = 50)
    void unconstrainedIsPassthrough(@ForAll VideoFormat format, @ForAll @IntRange(min = 1, max = 300) int w,
            @ForAll @IntRange(min = 1, max = 300) int h, @ForAll @IntRange(min = 1, max = 20) int parN,
            @ForAll @IntRange(min = 1, max = 20) int parD) {
        String caps = input(format, w, h, Fraction.of(parN, parD));
        try (Harness hs = new Harness(new VideoScale())) {
            hs.setCapsStr(caps, "video/x-raw");
            Buffer in = Buffer.wrap(new byte[VideoInfo.of(format, w, h).size()]);
            assertSame(in, hs.pushAndPull(in));
        }
    }

    /** A flat picture stays the same flat picture, at any size, in every format, with both methods. */
    @Property(tries = 100)
    void aFlatPictureStaysFlat(@ForAll VideoFormat format, @ForAll VideoScaleMethod method,
            @ForAll @IntRange(min = 1, max = 40) int inW, @ForAll @IntRange(min = 1, max = 40) int inH,
            @ForAll @IntRange(min = 1, max = 40) int outW, @ForAll @IntRange(min = 1, max = 40) int outH,
            @ForAll @IntRange(min = 0, max = 255) int value) {
        VideoInfo in = VideoInfo.of(format, inW, inH);
        VideoInfo out = VideoInfo.of(format, outW, outH);
        byte[] frame = new byte[in.size()];
        Arrays.fill(frame, (byte) value);
        VideoScale vs = new VideoScale();
        vs.set(VideoScale.METHOD, method);
        vs.set(VideoScale.ADD_BORDERS, false);
        try (Harness h = new Harness(vs)) {
            h.setCapsStr(input(format, inW, inH, Fraction.of(1, 1)),
                    "video/x-raw, width=(int)" + outW + ", height=(int)" + outH);
            Buffer result = h.pushAndPull(Buffer.wrap(frame));
            byte[] bytes = new byte[result.size()];
            result.payload().get(0, bytes);
            for (FrameScaler.Channel c : FrameScaler.channels(out)) {
                for (int y = 0; y < c.height(out); y++) {
                    for (int x = 0; x < c.width(out); x++) {
                        int pos = out.offset(c.plane()) + y * out.stride(c.plane()) + c.offset() + x * c.pixelStride();
                        assertEquals(value, bytes[pos] & 0xff, format + " " + method + " (" + x + "," + y + ")");
                    }
                }
            }
        }
    }
}
