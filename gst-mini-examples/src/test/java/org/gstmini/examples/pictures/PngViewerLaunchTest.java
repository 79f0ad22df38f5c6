package org.gstmini.examples.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture viewer as a user runs it, each time in a child JVM on the packaged jars. On a
 * machine without a display (no {@code DISPLAY}, {@code java.awt.headless=true}): the seed's line
 * {@code filesrc ! pngdec ! videoconvert ! imagefreeze ! autovideosink} through
 * {@code bin/gst-launch}, and {@link PngViewer} through {@code java -m}. There autovideosink
 * cannot open a window sink, says so with a WARNING and plays into a fakesink; {@code num-buffers}
 * on imagefreeze lets the stream end, so both exit 0 after EOS. On a private X server
 * ({@code xvfb-run}; skipped without it): PngViewer shows its window, and closing the window
 * ends it with 0.
 *
 * <p>Failsafe runs it after {@code package}, with {@code gstmini.examples.modules} naming the
 * directory of packaged jars (the module path of {@code bin/gst-launch}); without it, or before
 * the first package, the test skips and says why.
 */
class PngViewerLaunchTest {
    private static final String WARNING = "Failed to find a usable video sink, using a fakesink instead";

    private static Path modules;
    private static Path root;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findThePackagedJars() throws IOException {
        String dir = System.getProperty("gstmini.examples.modules");
        Assumptions.assumeTrue(dir != null, "gstmini.examples.modules is not set: failsafe sets it (mvn verify)");
        modules = Path.of(dir).toAbsolutePath();
        root = modules.getParent().getParent().getParent(); // <root>/gst-mini-examples/target/modules
        try (var jars = Files.list(modules)) {
            Assumptions.assumeTrue(jars.anyMatch(p -> p.getFileName().toString().startsWith("gst-mini-examples-")),
                    modules + " holds no gst-mini-examples jar: run mvn -DskipTests package first");
        }
    }

    /** The exit code and the whole output of a headless child process. */
    private record Run(int code, String output) {
    }

    /** Runs {@code command} without a display (xvfb-run gives its child one of its own). */
    private Run headless(List<String> command) throws Exception {
        Path log = tmp.resolve("output.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("GST_MINI_DEBUG");
        pb.environment().remove("GST_MINI_TRACERS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS", "-Djava.awt.headless=true");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) { // a hang guard, not a timing assertion
            p.destroyForcibly().waitFor();
            throw new AssertionError("still running after 60 s: " + command + "\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Path sample() throws IOException {
        Path png = tmp.resolve("simple.png");
        try (InputStream in = PngViewer.class.getResourceAsStream("sample.png")) {
            assertTrue(in != null, "sample.png is not a resource of the examples module");
            Files.copy(in, png);
        }
        return png;
    }

    @Test
    void theSeedsLaunchLinePlaysIntoFakesinkWithAWarning() throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/gst-launch").toString(),
                "filesrc", "location=" + sample(), "!", "pngdec", "!", "videoconvert", "!",
                "imagefreeze", "num-buffers=3", "!", "autovideosink"));
        Run r = headless(command);
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("WARNING: from element /Pipeline:pipeline0/AutoVideoSink:autovideosink0: "
                + WARNING), r.output());
        assertTrue(r.output().contains("Got EOS from element \"pipeline0\"."), r.output());
    }

    @Test
    void pngViewerShowsTheBundledSampleAndStopsAfterAFewFramesWithoutADisplay() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Run r = headless(List.of(java.toString(), "-Djava.awt.headless=true", "-p", modules.toString(),
                "-m", "org.gstmini.examples/org.gstmini.examples.pictures.PngViewer"));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("showing the bundled sample picture"), r.output());
        assertTrue(r.output().contains(WARNING), r.output());
        assertTrue(r.output().contains("[main] no window can open here: playing " + PngViewer.HEADLESS_FRAMES
                + " frames into fakesink, then stopping"), r.output());
        assertTrue(r.output().contains("[main] EOS: done"), r.output());
    }

    @Test
    void closingTheWindowEndsPngViewerWithZero() throws Exception {
        Path xvfbRun = Path.of("/usr/bin/xvfb-run");
        Assumptions.assumeTrue(Files.isExecutable(xvfbRun), "xvfb-run (package xvfb) is not installed: no X server"
                + " to open the window on");
        Path closer = tmp.resolve("CloseTheWindow.java");
        try (InputStream in = PngViewerLaunchTest.class.getResourceAsStream("CloseTheWindow.java")) {
            assertTrue(in != null, "CloseTheWindow.java is not a test resource");
            Files.copy(in, closer);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Run r = headless(List.of(xvfbRun.toString(), "-a", java.toString(), "-p", modules.toString(),
                "--add-modules", "ALL-MODULE-PATH", closer.toString()));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("[main] showing "), r.output());
        assertTrue(r.output().contains("closing the window"), r.output());
        assertTrue(r.output().contains("[main] the window was closed: bye"), r.output());
        assertTrue(r.output().contains("PngViewer returned 0"), r.output());
    }
}
