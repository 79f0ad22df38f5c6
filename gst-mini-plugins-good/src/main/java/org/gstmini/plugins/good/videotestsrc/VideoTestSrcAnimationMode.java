package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.Property;

/**
 * What moves the ball of {@code pattern=ball}: the values of videotestsrc's
 * {@code animation-mode} property, with the nicks and numbers of GStreamer's
 * {@code GstVideoTestSrcAnimationMode}.
 */
public enum VideoTestSrcAnimationMode {
    /** The frame count: the same frames every run (the default). */
    @Property.Nick(value = 0, nick = "frames", description = "frame count")
    FRAMES,
    /** The wall clock: the ball is where the time of day says. */
    @Property.Nick(value = 1, nick = "wall-time", description = "wall clock time")
    WALL_TIME,
    /** The buffer's timestamp. */
    @Property.Nick(value = 2, nick = "running-time", description = "running time")
    RUNNING_TIME
}
