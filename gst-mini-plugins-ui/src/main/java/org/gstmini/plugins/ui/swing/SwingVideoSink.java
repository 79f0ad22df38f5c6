package org.gstmini.plugins.ui.swing;

import java.awt.AWTError;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.gstmini.base.BaseSink;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows raw RGB video in a Swing window, or in a component the application places itself.
 * GStreamer's equivalents are {@code ximagesink} and {@code glimagesink} (a window of their own)
 * and {@code gtksink} (a widget to embed); this element follows them, built on {@link BaseSink}
 * as {@code GstVideoSink} is:
 *
 * <pre>
 * gst-launch videotestsrc ! swingvideosink
 * gst-launch videotestsrc pattern=ball ! video/x-raw,width=640,height=360 ! swingvideosink title="Ball"
 * </pre>
 *
 * <h2>What runs where</h2>
 * <pre>
 *   application thread   NULL→READY  start(): check for a display, open the window (invokeLater)
 *   streaming thread     setCaps     VideoInfo; size and show the window          (invokeLater)
 *                        preroll/render  frame → new image → VideoPanel.show → repaint()
 *   event thread (EDT)   paints the newest image; window closed → ERROR on the bus
 *   application thread   READY→NULL  stop(): dispose the window                  (invokeLater)
 * </pre>
 *
 * The streaming thread never waits for the event thread: it only queues work with
 * {@link SwingUtilities#invokeLater} and {@link VideoPanel#repaint()}, so a busy or stalled UI
 * can cost frames but never blocks the pipeline, and a state change never waits for Swing
 * either. The window itself is touched only on the event thread. BaseSink's {@code sync=true}
 * decides <em>when</em> {@link #render} runs: each frame is handed over at its presentation
 * time, and a frame late by more than {@code max-lateness} is dropped. As in
 * {@code GstVideoSink} ({@code gst_video_sink_init}), a video sink defaults to
 * {@code max-lateness=5 ms}, {@code qos=true} and a 15 ms {@code processing-deadline}, and shows
 * the preroll frame in PAUSED.
 *
 * <h2>Own window or embedded</h2>
 * By default the sink opens its own window, sized to the video at the first caps (as
 * ximagesink's {@code gst_x_image_sink_setcaps} creates its window) and titled by
 * {@link #TITLE title}. An application that wants the video inside its own UI reads
 * {@link #WIDGET widget} <em>before</em> the sink reaches READY and adds that component to its
 * layout; the sink then opens no window, as gtksink. With
 * {@link #FORCE_ASPECT_RATIO force-aspect-ratio} (the default) a resized window or component
 * keeps the picture's display aspect ratio and paints black bars; see {@link VideoPanel}.
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>No display (a headless JVM: {@code java.awt.headless=true}, or {@code DISPLAY} not
 *   set, or an X server that cannot be reached): NULL→READY fails with RESOURCE_WRITE "Could
 *   not initialise Swing output" and the reason, as ximagesink's "Could not initialise X
 *   output", so that autovideosink can try the next sink.</li>
 *   <li>The user closes the window: RESOURCE_NOT_FOUND "Output window was closed", exactly as
 *   ximagesink and xvimagesink post it, so gst-launch stops the pipeline and exits. Frames that
 *   still arrive are dropped.</li>
 * </ul>
 *
 * <p>Not implemented: {@code GstVideoOverlay} (a foreign window handle), navigation events,
 * {@code show-preroll-frame=false}, and scaling other than bilinear.
 */
public final class SwingVideoSink extends BaseSink {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.swingvideosink");

    /** The formats a {@code TYPE_INT_RGB} image is painted from, BGRx first: it is that image's own memory order. */
    static final VideoFormat[] FORMATS = {VideoFormat.BGRx, VideoFormat.BGRA, VideoFormat.xRGB, VideoFormat.ARGB,
        VideoFormat.RGB, VideoFormat.BGR, VideoFormat.RGBA};

    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.parse("video/x-raw, format=(string)"
            + VideoFormat.capsList(FORMATS) + ", width=(int)[ 1, 2147483647 ], height=(int)[ 1, 2147483647 ], "
            + "framerate=(fraction)[ 0/1, 2147483647/1 ]"));

    public static final ElementFactory FACTORY = ElementFactory.builder("swingvideosink", SwingVideoSink::new)
            .longName("Swing video sink").klass("Sink/Video")
            .description("A video sink that paints into a Swing window or component")
            .author("gst-mini").rank(Rank.SECONDARY).padTemplate(SINK_TEMPLATE).build();

    /** The window title; null means "gst-mini: " and the element's name. */
    public static final Property<String> TITLE = Property.ofString("title",
            "The title of the video window (null: gst-mini: and the element's name)", null)
            .mutableIn(Property.Mutability.PLAYING);
    /** ximagesink/glimagesink's {@code force-aspect-ratio}: keep the display aspect ratio, with black bars. */
    public static final Property<Boolean> FORCE_ASPECT_RATIO = Property.ofBoolean("force-aspect-ratio",
            "When enabled, scaling will respect original aspect ratio", true)
            .mutableIn(Property.Mutability.PLAYING);
    /** gtksink's {@code widget}: the component to embed; read it before READY and the sink opens no window. */
    public static final Property<JComponent> WIDGET = Property.readOnly("widget",
            "The Swing component to place in the application's window (read it before READY: then no own window)",
            JComponent.class, null);

    /** {@code gst_video_sink_init}: a video frame later than this is not worth showing. */
    private static final long VIDEO_SINK_MAX_LATENESS = 5 * ClockTime.MSECOND;
    /** {@code DEFAULT_PROCESSING_DEADLINE} of gstvideosink.c. */
    private static final long VIDEO_SINK_PROCESSING_DEADLINE = 15 * ClockTime.MSECOND;

    // Settings, and whether the application took the widget: guarded by lock.
    private final Object lock = new Object();
    private VideoPanel panel;
    private boolean embedded;
    private boolean started;

    // Streaming state: written in setCaps, read in render (streaming thread) and by the EDT.
    private volatile VideoInfo info;
    private volatile Dimension displaySize;
    /** Set on the EDT when the user closes the window; frames are dropped from then on. */
    private volatile boolean windowClosed;

    /** The sink's own window. Event thread only: every access is inside invokeLater. */
    private JFrame window;

    public SwingVideoSink() {
        super(SINK_TEMPLATE);
        installProperty(TITLE, FORCE_ASPECT_RATIO, WIDGET);
        set(MAX_LATENESS, VIDEO_SINK_MAX_LATENESS);
        set(QOS, true);
        set(PROCESSING_DEADLINE, VIDEO_SINK_PROCESSING_DEADLINE);
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == WIDGET) {
            synchronized (lock) {
                if (!started) {
                    embedded = true; // gtksink: whoever takes the widget before READY shows it
                }
                return panel();
            }
        }
        return super.readProperty(property);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == FORCE_ASPECT_RATIO) {
            synchronized (lock) {
                panel().setForceAspectRatio((Boolean) value);
            }
        } else if (property == TITLE) {
            SwingUtilities.invokeLater(() -> {
                if (window != null) {
                    window.setTitle(windowTitle());
                }
            });
        }
    }

    /** The component, made on first use (lock held). Building an unshown component off the EDT is safe. */
    private VideoPanel panel() {
        if (panel == null) {
            panel = new VideoPanel();
            panel.setForceAspectRatio(get(FORCE_ASPECT_RATIO));
        }
        return panel;
    }

    private String windowTitle() {
        String title = get(TITLE);
        return title != null ? title : "gst-mini: " + getName();
    }

    // ---------------------------------------------------------------- BaseSink hooks

    /**
     * NULL→READY: make sure there is a display, then open the window unless the application
     * embeds the widget ({@code gst_x_image_sink_change_state} opening the X display).
     */
    @Override
    protected boolean start() {
        String noDisplay = displayProblem();
        if (noDisplay != null) {
            postError(ErrorCode.RESOURCE_WRITE, "Could not initialise Swing output",
                    noDisplay + " - run with a display (set DISPLAY, or start Xvfb) or use another video sink");
            return false;
        }
        synchronized (lock) {
            started = true;
            windowClosed = false;
            if (!embedded) {
                VideoPanel p = panel();
                SwingUtilities.invokeLater(() -> openWindow(p));
            }
        }
        return true;
    }

    /** READY→NULL: dispose of the window. The picture of an embedded widget stays where the application put it. */
    @Override
    protected boolean stop() {
        synchronized (lock) {
            started = false;
        }
        info = null;
        displaySize = null;
        SwingUtilities.invokeLater(this::closeWindow);
        return true;
    }

    /** Reads the negotiated format; the window is sized to the picture at the first caps. */
    @Override
    protected boolean setCaps(Caps caps) {
        VideoInfo vi;
        try {
            vi = VideoInfo.fromCaps(caps);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: refused caps {}: {}", getName(), caps, e.getMessage());
            return false;
        }
        if (!vi.format().isRgb()) {
            LOG.warn("{}: refused caps {}: only {} can be painted", getName(), caps, VideoFormat.capsList(FORMATS));
            return false;
        }
        Dimension size = displaySize(vi);
        info = vi;
        displaySize = size;
        VideoPanel p;
        synchronized (lock) {
            p = panel();
        }
        SwingUtilities.invokeLater(() -> showWindow(p, size));
        return true;
    }

    /** {@code gst_video_sink_show_preroll_frame}: in PAUSED the first picture is shown at once. */
    @Override
    protected FlowReturn preroll(Buffer buffer) {
        return render(buffer);
    }

    /** {@code gst_x_image_sink_show_frame}: copy the frame into an image and let the event thread paint it. */
    @Override
    protected FlowReturn render(Buffer buffer) {
        VideoInfo vi = info;
        Dimension size = displaySize;
        if (vi == null || size == null) {
            postError(ErrorCode.CORE_NEGOTIATION, null, "received a buffer before caps were set");
            return FlowReturn.NOT_NEGOTIATED;
        }
        if (windowClosed) {
            return FlowReturn.OK; // the ERROR is on the bus; the application is stopping us
        }
        BufferedImage image;
        try {
            image = FrameImage.of(vi, buffer.payload());
        } catch (IllegalArgumentException e) {
            postError(ErrorCode.STREAM_FAILED, "Could not map video frame", e.getMessage());
            return FlowReturn.ERROR;
        }
        VideoPanel p;
        synchronized (lock) {
            p = panel();
        }
        p.show(new VideoPanel.Frame(image, size.width, size.height));
        return FlowReturn.OK;
    }

    // ---------------------------------------------------------------- the window (event thread)

    private void openWindow(VideoPanel p) {
        JFrame w = new JFrame(windowTitle());
        w.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        w.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onWindowClosing(w);
            }
        });
        w.getContentPane().add(p);
        window = w;
    }

    /** Sizes the window to the first picture and shows it; later caps keep the size the user chose. */
    private void showWindow(VideoPanel p, Dimension size) {
        if (window == null || window.isVisible()) {
            return;
        }
        p.setPreferredSize(size);
        window.pack();
        window.setLocationRelativeTo(null);
        window.setVisible(true);
    }

    /** ximagesink's WM_DELETE_WINDOW handling in {@code gst_x_image_sink_handle_xevents}. */
    private void onWindowClosing(JFrame closing) {
        if (closing != window) {
            return;
        }
        windowClosed = true;
        LOG.debug("{}: the user closed the window", getName());
        postError(ErrorCode.RESOURCE_NOT_FOUND, "Output window was closed", null);
        closeWindow();
    }

    private void closeWindow() {
        if (window != null) {
            window.dispose();
            window.getContentPane().removeAll(); // the panel may be shown again by the next start
            window = null;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Why no window can be opened here, or null when there is a display. */
    static String displayProblem() {
        if (GraphicsEnvironment.isHeadless()) {
            return "no display: the JVM runs headless (java.awt.headless=true, or DISPLAY is not set)";
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            return null;
        } catch (AWTError | HeadlessException e) {
            String reason = String.valueOf(e.getMessage());
            return "no display: " + (reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
        }
    }

    /**
     * The picture's size on a screen of square pixels: the height is kept and the width
     * stretched by the pixel aspect ratio, as ximagesink does when the height divides evenly.
     */
    static Dimension displaySize(VideoInfo vi) {
        Fraction par = vi.pixelAspectRatio();
        long width = Math.max(1, Math.round((double) vi.width() * par.numerator() / par.denominator()));
        return new Dimension((int) Math.min(width, Integer.MAX_VALUE), vi.height());
    }
}
