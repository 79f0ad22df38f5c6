package org.gstmini.plugins.ui.swing;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;

/**
 * The part of {@link SwingVideoSinkDisplayTest} that runs in a child JVM, because AWT reads
 * {@code DISPLAY} (and decides whether it is headless) once per JVM. It plays one scenario,
 * writes screenshots as PNG files into the output directory and prints {@code key=value}
 * lines the test checks; it never calls {@code System.exit}, so a JVM that ends shows that
 * no window and no streaming thread was left behind.
 *
 * <pre>
 *   java ... SwingSinkChild headless OUTDIR          NULL→READY without a display
 *   java ... SwingSinkChild window OUTDIR CAPS       own window: screenshot, resize, close
 *   java ... SwingSinkChild embed OUTDIR CAPS        the widget inside the application's frame
 *   java ... SwingSinkChild sync OUTDIR              in a Harness: a frame shows at its time, not before
 * </pre>
 */
public final class SwingSinkChild {
    private static final long TIMEOUT_NS = 20_000_000_000L;

    private SwingSinkChild() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        switch (args[0]) {
            case "headless" -> headless();
            case "window" -> window(out, args[2]);
            case "embed" -> embed(out, args[2]);
            case "sync" -> sync();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
        print("threads", Arrays.toString(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(":")).map(Thread::getName).toArray()));
    }

    private static void headless() {
        Pipeline pipeline = (Pipeline) Parse.launch("fakesrc ! swingvideosink name=sink");
        print("ready", pipeline.setState(State.READY));
        printError(pipeline.getBus().timedPop(TIMEOUT_NS, MessageType.ERROR));
        print("null", pipeline.setState(State.NULL));
    }

    private static void window(Path out, String caps) throws Exception {
        Pipeline pipeline = launch(caps + " ! swingvideosink name=sink title=\"smpte in a window\"");
        JComponent widget = (JComponent) pipeline.getByName("sink").getProperty("widget"); // after READY: own window
        JFrame frame = onEdt(() -> (JFrame) SwingUtilities.getWindowAncestor(widget));
        print("title", onEdt(frame::getTitle));
        Robot robot = new Robot();
        screenshot(robot, widget, out.resolve("window.png"));
        resizeContent(frame, widget, 640, 240); // wider: bars left and right
        screenshot(robot, widget, out.resolve("wide.png"));
        resizeContent(frame, widget, 320, 480); // taller: bars above and below
        screenshot(robot, widget, out.resolve("tall.png"));

        SwingUtilities.invokeAndWait(() -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
        printError(pipeline.getBus().timedPop(TIMEOUT_NS, MessageType.ERROR));
        print("null", pipeline.setState(State.NULL));
        SwingUtilities.invokeAndWait(() -> { }); // the sink's own clean-up was queued before this
        print("windows", onEdt(() -> Arrays.stream(Window.getWindows()).filter(Window::isDisplayable).count()));
    }

    private static void embed(Path out, String caps) throws Exception {
        Pipeline pipeline = (Pipeline) Parse.launch(caps + " ! swingvideosink name=sink");
        JComponent widget = (JComponent) pipeline.getByName("sink").getProperty("widget"); // before READY: embedded
        Dimension size = new Dimension(322, 240);
        JFrame app = onEdt(() -> {
            JFrame f = new JFrame("the application");
            widget.setPreferredSize(size);
            f.getContentPane().add(widget);
            f.pack();
            f.setVisible(true);
            return f;
        });
        play(pipeline);
        screenshot(new Robot(), widget, out.resolve("embed.png"));
        print("windows", onEdt(() -> Arrays.stream(Window.getWindows()).filter(Window::isDisplayable).count()));
        print("null", pipeline.setState(State.NULL));
        SwingUtilities.invokeAndWait(app::dispose);
    }

    /**
     * sync=true on a TestClock: the first frame is shown as the preroll frame while it waits
     * for its time; the next one only when the clock is advanced to its timestamp. Prints the colour the widget holds at each step.
     */
    private static void sync() throws Exception {
        try (Harness h = new Harness(new SwingVideoSink(), "sink", null)) {
            h.getElement().setProperty("sync", true); // the Harness turns it off for sinks, as GstHarness
            VideoPanel widget = (VideoPanel) h.getElement().getProperty("widget");
            h.setSrcCapsStr("video/x-raw, format=(string)BGRx, width=(int)4, height=(int)4, framerate=(fraction)1/1");
            Thread first = pushInBackground(h, solidBgrx(0xff0000).withPts(0));
            print("first.waits", h.waitForClockIdWaits(1, 20_000));
            print("first.prerolled", shownColour(widget));
            print("first.cranked", h.crankSingleClockWait());
            first.join();
            Thread second = pushInBackground(h, solidBgrx(0x0000ff).withPts(ClockTime.SECOND));
            print("second.waits", h.waitForClockIdWaits(1, 20_000));
            print("second.beforeItsTime", shownColour(widget));
            print("second.cranked", h.crankSingleClockWait());
            second.join();
            print("second.atItsTime", shownColour(widget));
        }
    }

    private static Thread pushInBackground(Harness h, Buffer buffer) {
        Thread t = new Thread(() -> h.push(buffer), "pusher");
        t.start();
        return t;
    }

    /** A 4x4 BGRx frame of one colour 0xRRGGBB: bytes B, G, R, x per pixel. */
    private static Buffer solidBgrx(int rgb) {
        byte[] bytes = new byte[4 * 4 * 4];
        for (int i = 0; i < bytes.length; i += 4) {
            bytes[i] = (byte) rgb;
            bytes[i + 1] = (byte) (rgb >> 8);
            bytes[i + 2] = (byte) (rgb >> 16);
        }
        return Buffer.wrap(bytes);
    }

    private static String shownColour(VideoPanel widget) {
        VideoPanel.Frame f = widget.latest();
        return f == null ? "none" : String.format("%06x", f.image().getRGB(0, 0) & 0xffffff);
    }

    private static Pipeline launch(String description) {
        Pipeline pipeline = (Pipeline) Parse.launch(description);
        play(pipeline);
        return pipeline;
    }

    /** PLAYING until EOS: the one frame has been rendered. */
    private static void play(Pipeline pipeline) {
        print("playing", pipeline.setState(State.PLAYING));
        Message m = pipeline.getBus().timedPop(TIMEOUT_NS, MessageType.EOS, MessageType.ERROR);
        if (!(m instanceof Message.Eos)) {
            throw new IllegalStateException("expected EOS, got " + m);
        }
    }

    private static void resizeContent(JFrame frame, JComponent content, int width, int height) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            frame.setSize(frame.getWidth() - content.getWidth() + width, frame.getHeight() - content.getHeight() + height);
            frame.validate();
        });
    }

    /**
     * Captures the component's pixels from the X server once they stop changing: painting
     * and the server's handling of it are asynchronous, so this waits for a condition, never
     * for a time.
     */
    private static void screenshot(Robot robot, JComponent component, Path file) throws Exception {
        BufferedImage previous = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            robot.waitForIdle();
            Toolkit.getDefaultToolkit().sync();
            Rectangle bounds = onEdt(() -> {
                Point p = component.getLocationOnScreen();
                return new Rectangle(p.x, p.y, component.getWidth(), component.getHeight());
            });
            BufferedImage shot = robot.createScreenCapture(bounds);
            if (previous != null && samePixels(previous, shot) && !allBlack(shot)) {
                write(shot, file);
                return;
            }
            previous = shot;
            robot.delay(50);
        }
        throw new IllegalStateException("the window never showed a steady picture");
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        return Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    private static boolean allBlack(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .allMatch(p -> (p & 0xffffff) == 0);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void printError(Message m) {
        if (m instanceof Message.Error e) {
            print("error.code", e.code());
            print("error.text", e.text());
            print("error.debug", e.debug());
            print("error.source", e.source().getName());
        } else {
            print("error", "none: " + m);
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    private interface EdtCall<T> {
        T call() throws Exception;
    }

    private static <T> T onEdt(EdtCall<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return result.get();
    }
}
