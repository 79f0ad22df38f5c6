package org.gstmini.base.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gstmini.base.video.VideoFormat.Component;
import org.gstmini.base.video.VideoFormat.Family;
import org.gstmini.core.caps.Caps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each {@link VideoFormat} says about its pixels, as GStreamer's GstVideoFormatInfo does. */
class VideoFormatTest {

    /** Byte positions of R, G, B, A in memory order (-1: none), as in GStreamer's format names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "RGB, RGB, 1, 3, 0, 1, 2, -1",
        "BGR, RGB, 1, 3, 2, 1, 0, -1",
        "RGBA, RGB, 1, 4, 0, 1, 2, 3",
        "BGRA, RGB, 1, 4, 2, 1, 0, 3",
        "ARGB, RGB, 1, 4, 1, 2, 3, 0",
        "BGRx, RGB, 1, 4, 2, 1, 0, -1",
        "xRGB, RGB, 1, 4, 1, 2, 3, -1",
        "GRAY8, GRAY, 1, 1, -1, -1, -1, -1",
        "GRAY16_LE, GRAY, 1, 2, -1, -1, -1, -1",
        "I420, YUV, 3, 1, -1, -1, -1, -1",
        "NV12, YUV, 2, 1, -1, -1, -1, -1",
        "YUY2, YUV, 1, 2, -1, -1, -1, -1",
    })
    void describesItsPixels(VideoFormat f, Family family, int planes, int pixelStride, int r, int g, int b, int a) {
        assertEquals(family, f.family());
        assertEquals(family == Family.RGB, f.isRgb());
        assertEquals(family == Family.YUV, f.isYuv());
        assertEquals(family == Family.GRAY, f.isGray());
        assertEquals(planes, f.planes());
        assertEquals(pixelStride, f.pixelStride());
        assertEquals(r, f.componentOffset(Component.R));
        assertEquals(g, f.componentOffset(Component.G));
        assertEquals(b, f.componentOffset(Component.B));
        assertEquals(a, f.componentOffset(Component.A));
        assertEquals(a >= 0, f.hasAlpha());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(VideoFormat.class)
    void capsNameRoundTripAndTemplateCaps(VideoFormat f) {
        assertSame(f, VideoFormat.fromCapsName(f.capsName()));
        Caps fixed = Caps.parse("video/x-raw, format=(string)" + f.capsName()
                + ", width=(int)33, height=(int)17, framerate=(fraction)30/1");
        assertTrue(fixed.isSubsetOf(VideoFormat.templateCaps(f)));
        assertTrue(fixed.isSubsetOf(VideoFormat.templateCaps(VideoFormat.values())));
    }

    @Test
    void unknownNamesAreNull() {
        assertNull(VideoFormat.fromCapsName("AYUV"));
        assertNull(VideoFormat.fromCapsName("rgb"));
        assertNull(VideoFormat.fromCapsName(null));
    }

    @Test
    void capsListAndTemplateCaps() {
        assertEquals("{ RGB, I420 }", VideoFormat.capsList(VideoFormat.RGB, VideoFormat.I420));
        Caps t = VideoFormat.templateCaps(VideoFormat.RGB, VideoFormat.I420);
        assertFalse(Caps.parse("video/x-raw, format=(string)NV12, width=(int)2, height=(int)2").isSubsetOf(t));
        assertFalse(Caps.parse("video/x-raw, format=(string)RGB, width=(int)0, height=(int)2").isSubsetOf(t));
        assertEquals(t, VideoFormat.templateCaps(VideoFormat.RGB, VideoFormat.I420));
    }
}
