package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.Property;

/**
 * How the ball of {@code pattern=ball} moves: the values of videotestsrc's {@code motion}
 * property, with the nicks and numbers of GStreamer's {@code GstVideoTestSrcMotionType}.
 */
public enum VideoTestSrcMotion implements Property.EnumValue {
    /** Waves back and forth, up and down (the default). */
    WAVY(0, "wavy"),
    /** Circles the centre once per second of animation, with a cross-hair. */
    SWEEP(1, "sweep"),
    /** Half a revolution per second, then back to the top. */
    HSWEEP(2, "hsweep");

    private final int value;
    private final String nick;

    VideoTestSrcMotion(int value, String nick) {
        this.value = value;
        this.nick = nick;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String nick() {
        return nick;
    }
}
