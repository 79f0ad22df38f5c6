package org.gstmini.plugins.good.videotestsrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.check.GStreamerTool;
import org.gstmini.plugins.good.videotestsrc.RawVideoLayout.Format;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paints the same frames as the real GStreamer videotestsrc, byte for byte. Runs
 * {@code gst-launch-1.0} when it is installed (GStreamer 1.22 was used to write this), else
 * skips. The size 63x47 is odd on purpose: it checks row padding and the I420 chroma edges.
 */
class GStreamerReferenceTest {
    private static final int W = 63;
    private static final int H = 47;
    private static final int FRAMES = 4;

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "pattern=smpte | RGB", "pattern=smpte | RGBA", "pattern=smpte | BGRx", "pattern=smpte | GRAY8",
        "pattern=smpte | I420",
        "pattern=snow | I420", "pattern=snow | RGB",
        "pattern=ball | RGB", "pattern=ball | I420", "pattern=ball | GRAY8",
        "pattern=ball motion=hsweep | RGB",
        "pattern=ball foreground-color=0xff20c040 background-color=0xff102030 | I420",
        "pattern=smpte75 | I420", "pattern=smpte100 | RGB", "pattern=checkers-1 | I420",
        "pattern=checkers-8 horizontal-speed=-3 | RGB", "pattern=circular | I420", "pattern=gamut | I420",
        "pattern=gradient | GRAY8", "pattern=colors | RGB", "pattern=colors | I420", "pattern=bar | RGBA",
        "pattern=blink foreground-color=0xffff8000 | I420", "pattern=solid-color foreground-color=0x80ff0000 | RGBA",
        "pattern=zone-plate kx=3 ky=5 kt=7 kxt=2 kyt=1 kxy=4 kx2=20 ky2=30 kt2=3 k0=11 xoffset=3 yoffset=-2 | I420",
        "pattern=chroma-zone-plate kx2=40 ky2=40 kt=3 | RGB",
        "pattern=pinwheel | GRAY8", "pattern=spokes | RGB",
    })
    void sameBytesAsGStreamer(String props, Format format) throws Exception {
        Path ref = dir.resolve(props.replaceAll("[^a-z0-9]+", "_") + "-" + format + ".raw");
        List<String> args = new ArrayList<>(List.of("-q", "videotestsrc", "num-buffers=" + FRAMES));
        args.addAll(List.of(props.trim().split("\\s+")));
        args.addAll(List.of("!", "video/x-raw,format=" + format + ",width=" + W + ",height=" + H + ",framerate=30/1",
                "!", "filesink", "location=" + ref));
        GStreamerTool.launchOrSkip(Assumptions::assumeTrue, Duration.ofMinutes(2), args.toArray(String[]::new));
        byte[] expected = Files.readAllBytes(ref);

        VideoTestSrc src = new VideoTestSrc();
        for (String kv : props.trim().split("\\s+")) {
            String[] parts = kv.split("=", 2);
            src.setPropertyFromString(parts[0], parts[1]);
        }
        VideoTestSrcPainter painter = new VideoTestSrcPainter();
        RawVideoLayout layout = RawVideoLayout.of(format, W, H, new Fraction(30, 1));
        painter.configure(layout);
        assertEquals(FRAMES * layout.size(), expected.length, "frame size");
        VideoTestSrcPainter.Options o = src.paintOptions();
        for (int n = 0; n < FRAMES; n++) {
            byte[] mine = painter.paint(o, n, n, n * 33_333_333L);
            for (int i = 0; i < mine.length; i++) {
                if (!isPixel(layout, i)) {
                    continue; // row padding: GStreamer leaves whatever was in memory
                }
                int theirs = expected[n * layout.size() + i] & 0xff;
                if ((mine[i] & 0xff) != theirs) {
                    fail("frame " + n + ", byte " + i + ": gst-mini " + (mine[i] & 0xff) + ", GStreamer " + theirs);
                }
            }
        }
    }

    /** Whether byte i of a frame belongs to a pixel, not to the padding at a row's end. */
    static boolean isPixel(RawVideoLayout l, int i) {
        int plane = 0;
        for (int p = 1; p < l.planes(); p++) {
            if (i >= l.offsets()[p]) {
                plane = p;
            }
        }
        int rel = i - l.offsets()[plane];
        int row = rel / l.strides()[plane];
        int col = rel % l.strides()[plane];
        int w = l.width();
        int h = l.height();
        return switch (l.format()) {
            case RGB -> col < 3 * w;
            case RGBA, BGRx -> col < 4 * w;
            case GRAY8 -> col < w;
            case I420 -> plane == 0 ? col < w && row < h : col < (w + 1) / 2;
        };
    }
}
