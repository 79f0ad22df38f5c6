package org.gstmini.core;

/** Flags that describe an element to its bin. Mirrors {@code GstElementFlags}. */
public enum ElementFlag {
    /** The bin does not change this element's state along with its own. */
    LOCKED_STATE,
    /** The element is a sink: bins wait for its EOS and ask it for position and latency. */
    SINK,
    /** The element is a source. */
    SOURCE,
    /** The element can provide a clock ({@link Element#provideClock()}). */
    PROVIDE_CLOCK,
    /** The element needs a clock to work. */
    REQUIRE_CLOCK,
    /** The element can index data. */
    INDEXABLE
}
