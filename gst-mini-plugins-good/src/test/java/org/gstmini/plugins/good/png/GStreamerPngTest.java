package org.gstmini.plugins.good.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.check.GStreamerTool;
import org.gstmini.core.check.Harness;
import org.gstmini.plugins.good.imagedec.DecodePipeline;
import org.gstmini.plugins.good.imagedec.DecodePipeline.Frame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both directions against real GStreamer 1.22 ({@code gst-launch-1.0}; skipped when it is not
 * installed): PNGs written by GStreamer's pngenc (libpng) decode in gst-mini to exactly the raw
 * frame GStreamer encoded, and PNGs written by gst-mini's pngenc decode in GStreamer's pngdec
 * to exactly the frame gst-mini encoded. 16-bit grey is GRAY16_BE in GStreamer and GRAY16_LE in
 * gst-mini (which has no GRAY16_BE): the same samples, bytes swapped. 63x47 makes every row padded.
 */
class GStreamerPngTest {
    private static final int W = 63;
    private static final int H = 47;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"smpte,RGB", "ball background-color=0x40102030,RGBA", "gradient,GRAY8", "snow,GRAY16_BE"})
    void gstreamersPngsDecodeToGstreamersFrames(String pattern, String format) throws Exception {
        Path png = dir.resolve("gst.png");
        Path raw = dir.resolve("gst.raw");
        List<String> cmd = new ArrayList<>(List.of("-q", "videotestsrc", "num-buffers=1"));
        cmd.addAll(List.of(("pattern=" + pattern).split(" ")));
        cmd.addAll(List.of("!", "video/x-raw,format=" + format + ",width=" + W + ",height=" + H, "!", "tee", "name=t",
                "!", "queue", "!", "pngenc", "!", "filesink", "location=" + png,
                "t.", "!", "queue", "!", "filesink", "location=" + raw));
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), cmd.toArray(String[]::new));

        Frame frame = DecodePipeline.run("filesrc location=" + png + " ! pngdec").only();

        // GStreamer's GRAY16_BE frame has GRAY16_LE's layout and the bytes of each sample swapped
        boolean sixteen = format.equals("GRAY16_BE");
        VideoFormat expectedFormat = sixteen ? VideoFormat.GRAY16_LE : VideoFormat.valueOf(format);
        assertEquals(expectedFormat, frame.info().format());
        byte[] gst = Files.readAllBytes(raw);
        if (sixteen) {
            swapBytePairs(gst);
        }
        assertArrayEquals(unpadded(gst, VideoInfo.of(expectedFormat, W, H)), DecodePipeline.unpadded(frame));
    }

    /**
     * 16-bit grey PNGs written by javax.imageio, plain and interlaced (GStreamer's pngenc writes
     * no interlaced ones): GStreamer's pngdec (libpng) gives GRAY16_BE, gst-mini's GRAY16_LE with
     * the same samples.
     */
    @ParameterizedTest(name = "interlaced={0}")
    @ValueSource(booleans = {false, true})
    void sixteenBitGreyDecodesToGstreamersSamples(boolean interlaced) throws Exception {
        Path png = Files.write(dir.resolve("grey16.png"), PngImages.GRAY16.make(W, H, interlaced, 16).png());
        Path raw = dir.resolve("gst.raw");
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-q", "filesrc",
                "location=" + png, "!", "pngdec", "!", "video/x-raw,format=GRAY16_BE", "!", "filesink",
                "location=" + raw);
        byte[] gst = Files.readAllBytes(raw);
        swapBytePairs(gst);

        Frame frame = DecodePipeline.run("filesrc location=" + png + " ! pngdec").only();

        assertEquals(VideoFormat.GRAY16_LE, frame.info().format());
        assertArrayEquals(unpadded(gst, frame.info()), DecodePipeline.unpadded(frame));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RGB,RGB", "RGBA,RGBA", "GRAY8,GRAY8", "GRAY16_LE,GRAY16_BE"})
    void ourPngsDecodeInGstreamerToOurFrames(VideoFormat format, String gstFormat) throws Exception {
        VideoInfo info = VideoInfo.of(format, W, H);
        byte[] frame = new byte[info.size()];
        new Random(format.ordinal()).nextBytes(frame);
        Path png = dir.resolve("ours.png");
        Path raw = dir.resolve("ours.raw");
        try (Harness h = new Harness(new PngEnc())) {
            h.setSrcCaps(info.toCaps());
            h.play();
            Files.write(png, h.pushAndPull(Buffer.wrap(frame)).toByteArray());
        }
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), "-q", "filesrc",
                "location=" + png, "!", "pngdec", "!", "video/x-raw,format=" + gstFormat, "!", "filesink",
                "location=" + raw);
        byte[] gst = Files.readAllBytes(raw);
        if (format == VideoFormat.GRAY16_LE) { // GStreamer gives the samples big-endian
            swapBytePairs(gst);
        }
        // GStreamer pads rows as gst-mini does; compare the pixels only
        assertArrayEquals(unpadded(frame, info), unpadded(gst, info));
    }

    /** GRAY16_BE ⇄ GRAY16_LE in place. */
    private static void swapBytePairs(byte[] data) {
        for (int i = 0; i + 1 < data.length; i += 2) {
            byte b = data[i];
            data[i] = data[i + 1];
            data[i + 1] = b;
        }
    }

    /** The rows of a frame laid out as {@code info}, without the padding. */
    private static byte[] unpadded(byte[] frame, VideoInfo info) {
        return DecodePipeline.unpadded(new Frame(info.toCaps(), frame, 0, 0));
    }
}
