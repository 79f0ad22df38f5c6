package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/**
 * Where a full {@link Queue} makes room, if at all: the values of its {@code leaky} property.
 * Mirrors {@code GstQueueLeaky} (plugins/elements/gstqueue.h), with GStreamer's nicks and
 * numbers, so {@code queue leaky=downstream} and {@code queue leaky=2} both work in gst-launch.
 */
public enum QueueLeaky {
    /** Not leaky: a full queue blocks the thread that pushes into it until there is room. */
    @Property.Nick(value = 0, nick = "no", description = "Not Leaky")
    NO,
    /** Leaky on upstream: a full queue drops the <em>new</em> buffer that arrives. */
    @Property.Nick(value = 1, nick = "upstream", description = "Leaky on upstream (new buffers)")
    UPSTREAM,
    /** Leaky on downstream: a full queue drops its <em>oldest</em> buffers to make room. */
    @Property.Nick(value = 2, nick = "downstream", description = "Leaky on downstream (old buffers)")
    DOWNSTREAM
}
