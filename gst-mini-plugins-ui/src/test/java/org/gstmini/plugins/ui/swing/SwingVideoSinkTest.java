package org.gstmini.plugins.ui.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import org.gstmini.base.BaseSink;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** swingvideosink without a display: factory, properties, caps, and the headless failure. */
class SwingVideoSinkTest {
    @TempDir
    Path dir;

    @Test
    void theFactoryIsAVideoSinkOfSecondaryRankFoundByName() {
        Element sink = ElementFactory.make("swingvideosink", "view");
        assertInstanceOf(SwingVideoSink.class, sink);
        assertEquals("Sink/Video", SwingVideoSink.FACTORY.getKlass());
        assertEquals(Rank.SECONDARY, SwingVideoSink.FACTORY.getRank(), "autovideosink picks it, like ximagesink");
    }

    @Test
    void propertiesHaveGStreamersNamesAndVideoSinkDefaults() {
        Element sink = new SwingVideoSink();
        assertNull(sink.getProperty("title"));
        assertEquals(true, sink.getProperty("force-aspect-ratio"));
        assertEquals(true, sink.getProperty("sync"));
        assertEquals(5 * ClockTime.MSECOND, sink.get(BaseSink.MAX_LATENESS), "GstVideoSink's max-lateness");
        assertEquals(true, sink.get(BaseSink.QOS));
        assertEquals(15 * ClockTime.MSECOND, sink.get(BaseSink.PROCESSING_DEADLINE));
        sink.setProperty("title", "My video");
        assertEquals("My video", sink.getProperty("title"));
        assertThrows(IllegalArgumentException.class, () -> sink.setProperty("widget", null), "widget is read-only");
    }

    @Test
    void theWidgetIsOneComponentForTheSinksLifetime() {
        Element sink = new SwingVideoSink();
        JComponent widget = (JComponent) sink.getProperty("widget");
        assertSame(widget, sink.getProperty("widget"));
    }

    @Test
    void acceptsExactlyThePackedRgbFormats() {
        Caps template = SwingVideoSink.SINK_TEMPLATE.caps();
        for (VideoFormat f : VideoFormat.values()) {
            Caps caps = VideoInfo.of(f, 16, 8).toCaps();
            assertEquals(f.isRgb(), !template.intersect(caps).isEmpty(), f.toString());
        }
    }

    @Test
    void theDisplaySizeStretchesTheWidthByThePixelAspectRatio() {
        VideoInfo square = VideoInfo.of(VideoFormat.RGB, 320, 240);
        assertEquals(new Dimension(320, 240), SwingVideoSink.displaySize(square));
        assertEquals(new Dimension(853, 480),
                SwingVideoSink.displaySize(VideoInfo.of(VideoFormat.BGRx, 720, 480).withPixelAspectRatio(new Fraction(32, 27))));
    }

    /** In a child JVM forced headless: surefire's own JVM may or may not have a display. */
    @Test
    void withoutADisplayNullToReadyFailsWithAResourceErrorSayingWhy() throws Exception {
        ChildJvm.Run run = ChildJvm.run(dir, Map.of(), List.of("-Djava.awt.headless=true"), "headless", dir.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("FAILURE", run.get("ready"), run.output());
        assertEquals("RESOURCE_WRITE", run.get("error.code"));
        assertEquals("Could not initialise Swing output", run.get("error.text"));
        assertTrue(run.get("error.debug").contains("headless"), run.get("error.debug"));
        assertEquals("sink", run.get("error.source"));
        assertEquals("SUCCESS", run.get("null"));
        assertEquals("[]", run.get("threads"));
    }
}
