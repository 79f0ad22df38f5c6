package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/**
 * Where a full {@link Queue} makes room, if at all: the values of its {@code leaky} property.
 * Mirrors {@code GstQueueLeaky} (plugins/elements/gstqueue.h), with GStreamer's nicks and
 * numbers, so {@code queue leaky=downstream} and {@code queue leaky=2} both work in gst-launch.
 */
public enum QueueLeaky implements Property.EnumValue {
    /** Not leaky: a full queue blocks the thread that pushes into it until there is room. */
    NO("no", 0),
    /** Leaky on upstream: a full queue drops the <em>new</em> buffer that arrives. */
    UPSTREAM("upstream", 1),
    /** Leaky on downstream: a full queue drops its <em>oldest</em> buffers to make room. */
    DOWNSTREAM("downstream", 2);

    private final String nick;
    private final int value;

    QueueLeaky(String nick, int value) {
        this.nick = nick;
        this.value = value;
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public int value() {
        return value;
    }
}
