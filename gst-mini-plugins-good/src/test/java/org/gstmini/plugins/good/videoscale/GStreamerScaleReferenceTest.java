package org.gstmini.plugins.good.videoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.GStreamerTool;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * videoscale against the real GStreamer 1.22: the output size chosen for a 320x240 picture with
 * square pixels and various downstream constraints (fixed expectations, recorded from
 * {@code gst-launch-1.0 -v}, and the same pipelines run live when gst-launch-1.0 is installed),
 * and the bytes of nearest-neighbour scaling of the same input frame, for every layout.
 */
class GStreamerScaleReferenceTest {
    private static final String INPUT = "video/x-raw, format=(string)RGB, width=(int)320, height=(int)240, "
            + "framerate=(fraction)30/1, pixel-aspect-ratio=(fraction)1/1";

    /** Largest difference allowed between GStreamer's bilinear output and ours, in code values. */
    private static final int BILINEAR_BOUND = 4;

    @TempDir
    static Path dir;

    /** Downstream constraint | width, height and PAR GStreamer 1.22 chose (see the class comment). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "width=200                                    | 200 | 240 | 8/5",
        "height=120                                   | 320 | 120 | 1/2",
        "width=200,height=100                         | 200 | 100 | 2/3",
        "width=200,height=100,pixel-aspect-ratio=1/1  | 200 | 100 | 1/1",
        "width=200,pixel-aspect-ratio=1/1             | 200 | 150 | 1/1",
        "height=100,pixel-aspect-ratio=1/1            | 133 | 100 | 1/1",
        "pixel-aspect-ratio=4/3                       | 427 | 240 | 4/3",
        "pixel-aspect-ratio=2/1                       | 640 | 240 | 2/1",
        "width=[100,150]                              | 150 | 240 | 32/15",
        "format=RGB                                   | 320 | 240 | 1/1",
    })
    void fixatesAsGStreamer122Did(String downstream, int width, int height, String par) {
        Structure s = ourChoice(downstream);
        assertEquals(width, s.getInt("width"), "width for " + downstream);
        assertEquals(height, s.getInt("height"), "height for " + downstream);
        assertEquals(Fraction.parse(par), s.getFraction("pixel-aspect-ratio"), "PAR for " + downstream);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "width=200", "height=120", "width=200,height=100", "width=200,height=100,pixel-aspect-ratio=1/1",
        "width=200,pixel-aspect-ratio=1/1", "height=100,pixel-aspect-ratio=1/1", "pixel-aspect-ratio=4/3",
        "pixel-aspect-ratio=2/1", "pixel-aspect-ratio=3/5", "width=[100,150]", "height=[50,60]", "width=77",
        "height=333", "width=1000,pixel-aspect-ratio=16/15", "format=RGB",
    })
    void fixatesAsTheInstalledGStreamer(String downstream) throws Exception {
        String log = GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-v", "videotestsrc",
                "num-buffers=1", "!", INPUT.replace(" ", ""), "!", "videoscale", "!", "video/x-raw," + downstream, "!",
                "fakesink");
        String marker = "fakesink0.GstPad:sink: caps = ";
        String line = log.lines().filter(l -> l.contains(marker)).findFirst().orElse(null);
        assertNotNull(line, "no caps line from gst-launch-1.0:\n" + log);
        Structure theirs = Caps.parse(line.substring(line.indexOf(marker) + marker.length())).structure(0);
        Structure ours = ourChoice(downstream);
        for (String field : new String[] {"width", "height", "pixel-aspect-ratio"}) {
            assertEquals(theirs.get(field), ours.get(field), field + " for " + downstream);
        }
    }

    /** What our videoscale negotiates for {@link #INPUT} when downstream allows {@code downstream}. */
    private static Structure ourChoice(String downstream) {
        try (Harness h = new Harness(new VideoScale())) {
            h.setCapsStr(INPUT, "video/x-raw," + downstream);
            return h.getSinkPad().getCurrentCaps().structure(0);
        }
    }

    /**
     * The same snow frame (noise: every sample differs from its neighbours, so a sample taken
     * from the wrong place shows) scaled with nearest-neighbour by GStreamer and by us gives the
     * same visible bytes (row padding is not compared: GStreamer leaves it undefined).
     */
    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @CsvSource({
        "GRAY8, 64, 48, 40, 30", "GRAY8, 64, 48, 100, 70", "GRAY8, 50, 31, 173, 9",
        "RGB, 64, 48, 40, 30", "RGB, 50, 30, 100, 70", "BGR, 33, 17, 64, 48",
        "RGBA, 64, 48, 100, 70", "BGRA, 64, 48, 40, 30", "ARGB, 20, 10, 7, 5", "BGRx, 64, 48, 100, 70",
        "xRGB, 64, 48, 40, 30", "GRAY16_LE, 64, 48, 100, 70",
        "I420, 64, 48, 40, 30", "I420, 64, 48, 100, 70", "I420, 40, 30, 64, 48",
        "NV12, 64, 48, 40, 30", "NV12, 64, 48, 100, 70",
        "YUY2, 64, 48, 40, 30", "YUY2, 64, 48, 100, 70",
    })
    void nearestNeighbourGivesGStreamersBytes(VideoFormat format, int inW, int inH, int outW, int outH)
            throws Exception {
        assertEquals(0, maxDifference(VideoScaleMethod.NEAREST_NEIGHBOUR, format, inW, inH, outW, outH));
    }

    /**
     * Bilinear samples the same positions as GStreamer's generic two-tap linear resampler
     * (video-resampler.c) but rounds differently (GStreamer: integer taps of a few bits for 8-bit
     * samples and a rounding after each pass; here: 12-bit weights, one rounding at the end), so
     * on noise, the worst case for rounding, each output sample is within
     * {@value #BILINEAR_BOUND} of GStreamer's (3 seen). Only the formats GStreamer 1.22 scales with that resampler are compared: for
     * GRAY8, the 4-byte RGB formats and the 8-bit planes of I420 and NV12 it takes a fast path
     * (video-scaler.c, a 16.16 accumulator stepping {@code (in - 1) / (out - 1)}) that aligns
     * the first and last samples of a line instead of the sample centres, and differs from its
     * own generic path (and from ours) by up to ~50 code values on noise.
     */
    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @CsvSource({
        "RGB, 50, 30, 100, 70", "RGB, 64, 48, 40, 30", "BGR, 33, 17, 64, 48", "BGR, 64, 48, 17, 13", "GRAY16_LE, 64, 48, 100, 70",
        "GRAY16_LE, 64, 48, 40, 30", "YUY2, 64, 48, 100, 70", "YUY2, 64, 48, 40, 30",
    })
    void bilinearIsCloseToGStreamers(VideoFormat format, int inW, int inH, int outW, int outH) throws Exception {
        int diff = maxDifference(VideoScaleMethod.BILINEAR, format, inW, inH, outW, outH);
        assertTrue(diff <= BILINEAR_BOUND, "largest difference " + diff);
    }

    /** The largest difference between a visible sample of GStreamer's output and ours for the same snow frame. */
    private static int maxDifference(VideoScaleMethod method, VideoFormat format, int inW, int inH, int outW,
            int outH) throws Exception {
        String name = format + "-" + inW + "x" + inH + "-" + outW + "x" + outH + "-" + method;
        Path inFile = dir.resolve(name + "-in.raw");
        Path outFile = dir.resolve(name + "-out.raw");
        String inCaps = "video/x-raw,format=" + format + ",width=" + inW + ",height=" + inH
                + ",framerate=30/1,pixel-aspect-ratio=1/1";
        String outCaps = "video/x-raw,width=" + outW + ",height=" + outH;
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-q", "videotestsrc",
                "num-buffers=1", "pattern=snow", "!", inCaps, "!", "tee", "name=t", "!", "queue", "!", "filesink",
                "location=" + inFile, "t.", "!", "queue", "!", "videoscale", "method=" + Property.nickOf(method), "!",
                outCaps, "!", "filesink", "location=" + outFile);
        byte[] input = Files.readAllBytes(inFile);
        byte[] expected = Files.readAllBytes(outFile);

        byte[] ours;
        VideoScale vs = new VideoScale();
        vs.set(VideoScale.METHOD, method);
        try (Harness h = new Harness(vs)) {
            h.setCapsStr(inCaps, outCaps);
            Buffer out = h.pushAndPull(Buffer.wrap(input));
            ours = new byte[out.size()];
            out.payload().get(0, ours);
        }
        VideoInfo info = VideoInfo.of(format, outW, outH);
        assertEquals(info.size(), expected.length, "GStreamer's frame size");
        int max = 0;
        for (FrameScaler.Channel c : FrameScaler.channels(info)) {
            for (int y = 0; y < c.height(info); y++) {
                for (int x = 0; x < c.width(info); x++) {
                    int pos = info.offset(c.plane()) + y * info.stride(c.plane()) + c.offset() + x * c.pixelStride();
                    int theirs = FrameScaler.read(expected, pos, c.bytes());
                    int mine = FrameScaler.read(ours, pos, c.bytes());
                    if (method == VideoScaleMethod.NEAREST_NEIGHBOUR && theirs != mine) {
                        fail(String.format("%s: plane %d, sample (%d,%d) at byte %d: GStreamer %d, ours %d", name,
                                c.plane(), x, y, c.offset(), theirs, mine));
                    }
                    max = Math.max(max, Math.abs(theirs - mine));
                }
            }
        }
        return max;
    }
}
