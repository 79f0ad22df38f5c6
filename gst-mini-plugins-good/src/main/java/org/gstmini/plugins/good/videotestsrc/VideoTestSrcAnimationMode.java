package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.Property;

/**
 * What moves the ball of {@code pattern=ball}: the values of videotestsrc's
 * {@code animation-mode} property, with the nicks and numbers of GStreamer's
 * {@code GstVideoTestSrcAnimationMode}.
 */
public enum VideoTestSrcAnimationMode implements Property.EnumValue {
    /** The frame count: the same frames every run (the default). */
    FRAMES(0, "frames"),
    /** The wall clock: the ball is where the time of day says. */
    WALL_TIME(1, "wall-time"),
    /** The buffer's timestamp. */
    RUNNING_TIME(2, "running-time");

    private final int value;
    private final String nick;

    VideoTestSrcAnimationMode(int value, String nick) {
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
