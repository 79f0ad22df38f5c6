package org.gstmini.plugins.ui.swing;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;

/**
 * The Swing component that shows the video: what {@code swingvideosink}'s {@code widget}
 * property hands to an application, and what the sink's own window holds otherwise. It plays
 * the part of gtksink's {@code GtkGstWidget} (gst-plugins-good/ext/gtk/gtkgstwidget.c).
 *
 * <h2>Two threads, one reference</h2>
 * The streaming thread never waits for Swing. It converts a frame into a new image, stores it
 * in an {@link AtomicReference} and calls {@link #repaint()} (which only queues a request and
 * is safe from any thread). The event thread paints whatever image is newest when it gets
 * there; frames that arrive faster than it paints are simply replaced, never queued:
 *
 * <pre>
 *   streaming thread   render(buf) ─► image ─► latest.set(frame) ─► repaint() ─► return OK
 *                                                   │
 *   event thread (EDT)                   paintComponent ◄─ latest.get() ─── draws, bars around
 * </pre>
 *
 * <h2>Keeping the aspect ratio</h2>
 * With {@code force-aspect-ratio=true} the picture is scaled to the largest rectangle of its
 * display aspect ratio (width × pixel-aspect-ratio : height) that fits, centred, and the rest is
 * painted black: bars left and right in a wide component ("pillarbox"), above and below in a
 * tall one ("letterbox"). {@link #centerRect} is GStreamer's {@code gst_video_center_rect}.
 */
final class VideoPanel extends JComponent {
    private static final long serialVersionUID = 1L;

    /** One frame ready to paint, with the size it should have on a screen of square pixels. */
    record Frame(BufferedImage image, int displayWidth, int displayHeight) {
    }

    private final transient AtomicReference<Frame> latest = new AtomicReference<>();
    private volatile boolean forceAspectRatio = true;

    VideoPanel() {
        setOpaque(true);
        setBackground(Color.BLACK);
        setPreferredSize(new Dimension(320, 240));
    }

    /** Called by the streaming thread: the newest frame replaces the one not yet painted. */
    void show(Frame frame) {
        latest.set(frame);
        repaint();
    }

    void setForceAspectRatio(boolean force) {
        forceAspectRatio = force;
        repaint();
    }

    /** The frame the next paint shows, or null. */
    Frame latest() {
        return latest.get();
    }

    @Override
    protected void paintComponent(Graphics g) {
        int w = getWidth();
        int h = getHeight();
        g.setColor(getBackground());
        g.fillRect(0, 0, w, h);
        Frame frame = latest.get();
        if (frame == null) {
            return;
        }
        Rectangle r = forceAspectRatio ? centerRect(frame.displayWidth(), frame.displayHeight(), w, h)
                : new Rectangle(0, 0, w, h);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(frame.image(), r.x, r.y, r.width, r.height, null);
        } finally {
            g2.dispose();
        }
    }

    /**
     * The largest rectangle with the aspect ratio {@code srcWidth:srcHeight} that fits in
     * {@code dstWidth × dstHeight}, centred in it. Mirrors {@code gst_video_center_rect}
     * (gst-libs/gst/video/gstvideosink.c) with {@code scaling=TRUE}: when the source is
     * relatively wider, the width fills and the height follows, else the other way round.
     */
    static Rectangle centerRect(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        long sw = srcWidth;
        long sh = srcHeight;
        int w;
        int h;
        if (sw * dstHeight > (long) dstWidth * sh) {
            w = dstWidth;
            h = (int) (dstWidth * sh / sw);
        } else if (sw * dstHeight < (long) dstWidth * sh) {
            w = (int) (dstHeight * sw / sh);
            h = dstHeight;
        } else {
            w = dstWidth;
            h = dstHeight;
        }
        return new Rectangle((dstWidth - w) / 2, (dstHeight - h) / 2, w, h);
    }
}
