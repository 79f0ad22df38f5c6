package org.gstmini.plugins.ui.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gstmini.base.BaseSink;
import org.gstmini.base.Sample;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * swingvideosink on a real X server: a private Xvfb, a child JVM that shows videotestsrc's
 * SMPTE bars and photographs the window with {@link java.awt.Robot}, and pixel-by-pixel
 * comparisons with the frame videotestsrc makes in this JVM (read straight from its RGB
 * bytes, without the sink's code). Skips when Xvfb is not installed ({@code .ci/run}
 * installs it).
 */
class SwingVideoSinkDisplayTest {
    private static final String SMPTE = "videotestsrc name=src pattern=smpte num-buffers=1 ! video/x-raw,format=";
    private static Process xvfb;
    private static String display;

    @TempDir
    Path dir;

    @BeforeAll
    static void startXvfb() throws IOException {
        try {
            // -displayfd: Xvfb picks a free display number and writes it to stdout once it accepts clients.
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "Xvfb is not installed (apt-get install xvfb): " + e.getMessage());
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        assumeTrue(number != null && number.matches("\\d+"), "Xvfb did not start: " + number);
        display = ":" + number;
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private ChildJvm.Run child(String scenario, String pipeline) throws Exception {
        ChildJvm.Run run = ChildJvm.run(dir, Map.of("DISPLAY", display), List.of(), scenario, dir.toString(), pipeline);
        assertEquals(0, run.exitCode(), run.output());
        return run;
    }

    @Test
    void showsTheFrameKeepsItsAspectRatioAndClosingPostsAnError() throws Exception {
        ChildJvm.Run run = child("window", SMPTE + "BGRx,width=320,height=240");
        assertEquals("smpte in a window", run.get("title"));
        int[] expected = smpteRgb(320, 240);

        BufferedImage window = read("window.png");
        assertEquals(320, window.getWidth(), "the window is sized to the video");
        assertEquals(240, window.getHeight());
        assertPicture(expected, 320, 240, window, 0, 0);

        BufferedImage wide = read("wide.png"); // 640x240: bars 160 px left and right
        assertPicture(expected, 320, 240, wide, 160, 0);
        assertBlack(wide, new Rectangle(0, 0, 160, 240));
        assertBlack(wide, new Rectangle(480, 0, 160, 240));

        BufferedImage tall = read("tall.png"); // 320x480: bars 120 px above and below
        assertPicture(expected, 320, 240, tall, 0, 120);
        assertBlack(tall, new Rectangle(0, 0, 320, 120));
        assertBlack(tall, new Rectangle(0, 360, 320, 120));

        // Closing the window: ximagesink's error, then NULL with nothing left; the child JVM ended by itself.
        assertEquals("RESOURCE_NOT_FOUND", run.get("error.code"));
        assertEquals("Output window was closed", run.get("error.text"));
        assertEquals("sink", run.get("error.source"));
        assertEquals("SUCCESS", run.get("null"));
        assertEquals("0", run.get("windows"));
        assertEquals("[]", run.get("threads"));
    }

    @Test
    void anEmbeddedWidgetShowsTheFrameAndNoWindowOfItsOwn() throws Exception {
        ChildJvm.Run run = child("embed", SMPTE + "RGB,width=322,height=240"); // rows padded to 968 bytes
        assertEquals("1", run.get("windows"), "only the application's frame");
        assertPicture(smpteRgb(322, 240), 322, 240, read("embed.png"), 0, 0);
        assertEquals("SUCCESS", run.get("null"));
        assertEquals("[]", run.get("threads"));
    }

    @Test
    void aFrameIsShownAtItsPresentationTimeNotBefore() throws Exception {
        ChildJvm.Run run = child("sync", "");
        assertEquals("true", run.get("first.waits"), run.output());
        assertEquals("ff0000", run.get("first.prerolled"), "the preroll frame shows before the clock runs");
        assertEquals("true", run.get("first.cranked"));
        assertEquals("true", run.get("second.waits"), "the second frame waits for its time on the clock");
        assertEquals("ff0000", run.get("second.beforeItsTime"), "still the first frame");
        assertEquals("true", run.get("second.cranked"));
        assertEquals("0000ff", run.get("second.atItsTime"));
    }

    /** The frame videotestsrc makes, as 0xRRGGBB from its RGB bytes. */
    private static int[] smpteRgb(int width, int height) {
        Pipeline p = (Pipeline) Parse.launch(
                SMPTE + "RGB,width=" + width + ",height=" + height + " ! fakesink name=sink");
        try {
            p.setState(State.PLAYING);
            Message m = p.getBus().timedPop(20_000_000_000L, MessageType.EOS, MessageType.ERROR);
            assertTrue(m instanceof Message.Eos, "videotestsrc: " + m);
            Sample sample = ((BaseSink) p.getByName("sink")).getLastSample();
            ByteBuffer bytes = sample.buffer().payload();
            int stride = (width * 3 + 3) & ~3;
            int[] rgb = new int[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * stride + x * 3;
                    rgb[y * width + x] = (bytes.get(i) & 0xff) << 16 | (bytes.get(i + 1) & 0xff) << 8
                            | bytes.get(i + 2) & 0xff;
                }
            }
            return rgb;
        } finally {
            p.setState(State.NULL);
        }
    }

    private BufferedImage read(String name) throws IOException {
        return ImageIO.read(dir.resolve(name).toFile());
    }

    private static void assertPicture(int[] expected, int width, int height, BufferedImage shot, int x0, int y0) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int want = expected[y * width + x];
                int got = shot.getRGB(x0 + x, y0 + y) & 0xffffff;
                if (want != got) {
                    throw new AssertionError(String.format("pixel %d,%d of the picture (screen %d,%d): expected %06x, "
                            + "got %06x", x, y, x0 + x, y0 + y, want, got));
                }
            }
        }
    }

    private static void assertBlack(BufferedImage shot, Rectangle r) {
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                assertEquals(0, shot.getRGB(x, y) & 0xffffff, "bar pixel " + x + "," + y);
            }
        }
    }
}
