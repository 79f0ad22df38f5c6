package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.Property;

/**
 * How the ball of {@code pattern=ball} moves: the values of videotestsrc's {@code motion}
 * property, with the nicks and numbers of GStreamer's {@code GstVideoTestSrcMotionType}.
 */
public enum VideoTestSrcMotion {
    /** Waves back and forth, up and down (the default). */
    @Property.Nick(value = 0, nick = "wavy", description = "Ball waves back and forth, up and down")
    WAVY,
    /** Circles the centre once per second of animation, with a cross-hair. */
    @Property.Nick(value = 1, nick = "sweep", description = "1 revolution per second")
    SWEEP,
    /** Half a revolution per second, then back to the top. */
    @Property.Nick(value = 2, nick = "hsweep", description = "1/2 revolution per second, then reset to top")
    HSWEEP
}
