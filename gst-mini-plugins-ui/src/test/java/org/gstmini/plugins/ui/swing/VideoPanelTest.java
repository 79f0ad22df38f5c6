package org.gstmini.plugins.ui.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link VideoPanel#centerRect}: gst_video_center_rect's letterbox and pillarbox. */
class VideoPanelTest {
    @Test
    void widerComponentGetsBarsLeftAndRight() {
        assertEquals(new Rectangle(160, 0, 320, 240), VideoPanel.centerRect(320, 240, 640, 240));
    }

    @Test
    void tallerComponentGetsBarsAboveAndBelow() {
        assertEquals(new Rectangle(0, 120, 320, 240), VideoPanel.centerRect(320, 240, 320, 480));
    }

    @Test
    void sameAspectRatioFillsTheComponent() {
        assertEquals(new Rectangle(0, 0, 1280, 720), VideoPanel.centerRect(640, 360, 1280, 720));
    }

    @Property
    void thePictureFitsIsCentredFillsOneSideAndKeepsItsShape(@ForAll @IntRange(min = 1, max = 8000) int srcW,
            @ForAll @IntRange(min = 1, max = 8000) int srcH, @ForAll @IntRange(min = 1, max = 8000) int dstW,
            @ForAll @IntRange(min = 1, max = 8000) int dstH) {
        Rectangle r = VideoPanel.centerRect(srcW, srcH, dstW, dstH);
        assertTrue(r.width <= dstW && r.height <= dstH, "fits: " + r);
        assertEquals((dstW - r.width) / 2, r.x, "centred horizontally");
        assertEquals((dstH - r.height) / 2, r.y, "centred vertically");
        assertTrue(r.width == dstW || r.height == dstH, "one side fills: " + r);
        // The other side is the exact quotient rounded down: less than one pixel off the true shape.
        double exact = r.width == dstW ? (double) dstW * srcH / srcW : (double) dstH * srcW / srcH;
        int other = r.width == dstW ? r.height : r.width;
        assertTrue(other <= exact + 1e-9 && exact - other < 1, "shape kept: " + r + " vs " + exact);
    }
}
