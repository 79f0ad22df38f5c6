package org.gstmini.examples.pictures;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gstmini.core.Bus;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.debug.DebugLevels;
import org.gstmini.core.parse.Parse;
import org.gstmini.core.parse.ParseException;

/**
 * Shows a PNG in a window, the seed's picture viewer with real GStreamer:
 * {@code filesrc location=simple.png ! pngdec ! videoconvert ! imagefreeze ! autovideosink}.
 *
 * <pre>
 *   filesrc ──► pngdec ──► videoconvert ──► imagefreeze ──► autovideosink
 *   the file's   one raw     into a format     the one frame,   a window sink if one opens
 *   bytes        RGB frame   the sink takes    again and again  here, else a fakesink
 * </pre>
 *
 * <p>Run it and watch for:
 * <ol>
 *   <li>the pipeline goes to READY first, on its own: that is when {@code autovideosink} tries
 *       the installed video sinks, best rank first, and keeps the first that opens
 *       ({@code swingvideosink} when there is a display);</li>
 *   <li>on a machine without a display no window can open: autovideosink says so with a WARNING
 *       and plays into a {@code fakesink}. The viewer prints the warning and, as nothing would
 *       ever end, asks {@code imagefreeze} for a few frames only ({@code num-buffers}), so the
 *       run ends with EOS;</li>
 *   <li>with a window, {@code imagefreeze} repeats the single decoded frame for as long as the
 *       window is open: a still picture is a video stream of one image. Closing the window makes
 *       the sink post the ERROR "Output window was closed", which here simply means "quit".</li>
 * </ol>
 *
 * <p>Without an argument it shows a sample picture bundled in this jar (copied to a temporary
 * file first, because {@code filesrc} reads files). The application never names a plugin class:
 * the pipeline is built from text by {@link Parse#launch}, and the elements are found in the
 * plugin jars on the module path.
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.pictures.PngViewer [file.png]
 * </pre>
 */
public final class PngViewer {
    /** The launch line; the file's location is set by name, so any path needs no quoting. */
    static final String LAUNCH = "filesrc name=file ! pngdec ! videoconvert ! imagefreeze name=freeze ! autovideosink name=sink";
    /** How many frames to play when autovideosink had to fall back to fakesink. */
    static final int HEADLESS_FRAMES = 3;
    /** The text of the ERROR a video sink posts when its window is closed (as xvimagesink's). */
    static final String WINDOW_CLOSED = "Output window was closed";
    private static final String SAMPLE = "sample.png";

    private PngViewer() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,autodetect:5", before any logger exists
        System.exit(run(args, System.out));
    }

    /** The example, printing to {@code out}; returns the exit code (0 after EOS or a closed window). */
    public static int run(String[] args, PrintStream out) {
        if (args.length > 0) {
            return show(Path.of(args[0]), out);
        }
        Path sample = copySample();
        try {
            out.println("PngViewer: no file given, showing the bundled sample picture");
            return show(sample, out);
        } finally {
            sample.toFile().delete();
        }
    }

    /** Copies the bundled sample into a temporary file, for filesrc. */
    private static Path copySample() {
        try (InputStream in = PngViewer.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the examples jar: rebuild it with mvn package");
            }
            Path tmp = Files.createTempFile("gst-mini-sample-", ".png");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample picture to a temporary file", e);
        }
    }

    private static int show(Path png, PrintStream out) {
        Pipeline pipeline;
        try {
            pipeline = (Pipeline) Parse.launch(LAUNCH);
        } catch (ParseException e) {
            out.println("[main] cannot build " + LAUNCH + ": " + e.getMessage());
            return 1;
        }
        pipeline.getByName("file").setProperty("location", png.toString());
        out.println("[main] pipeline: " + LAUNCH.replace("name=file", "location=" + png));
        Bus bus = pipeline.getBus();
        try {
            // NULL -> READY opens the resources: autovideosink chooses its sink here.
            boolean noWindow = pipeline.setState(State.READY) != StateChangeReturn.FAILURE && fellBackToFakeSink(bus, out);
            if (noWindow) {
                out.println("[main] no window can open here: playing " + HEADLESS_FRAMES + " frames into fakesink, then stopping");
                pipeline.getByName("freeze").setProperty("num-buffers", HEADLESS_FRAMES);
            } else {
                out.println("[main] showing " + png + " until its window is closed");
            }
            StateChangeReturn ret = pipeline.setState(State.PLAYING);
            // A failed state change has posted its ERROR already: look, but do not wait.
            long wait = ret == StateChangeReturn.FAILURE ? 0 : ClockTime.NONE;
            Message m = bus.timedPop(wait, MessageType.EOS, MessageType.ERROR);
            if (m instanceof Message.Error e && e.code() == ErrorCode.RESOURCE_NOT_FOUND
                    && e.text().startsWith(WINDOW_CLOSED)) {
                out.println("[main] the window was closed: bye");
                return 0;
            }
            if (m instanceof Message.Eos) {
                out.println("[main] EOS: done");
                return 0;
            }
            out.println("[main] " + (m == null ? "the pipeline refused to play" : m));
            return 1;
        } finally {
            pipeline.setState(State.NULL);
        }
    }

    /** Prints the WARNINGs posted so far; true if autovideosink ("sink") was among them: no real sink opened. */
    private static boolean fellBackToFakeSink(Bus bus, PrintStream out) {
        boolean fallback = false;
        for (Message m; (m = bus.timedPop(0, MessageType.WARNING)) != null; ) {
            out.println("[main] " + m);
            fallback |= m.source() != null && m.source().getName().equals("sink");
        }
        return fallback;
    }
}
