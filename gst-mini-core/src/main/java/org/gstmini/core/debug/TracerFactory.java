package org.gstmini.core.debug;

import java.util.Objects;
import java.util.function.Function;

/**
 * A tracer type a plugin offers, enabled by name: {@code GST_MINI_TRACERS="chain;stats"}, or
 * with parameters {@code GST_MINI_TRACERS="log(pad=true)"} ({@code GstTracerFactory}).
 *
 * @param name        the name users type
 * @param description one line for gst-inspect
 * @param constructor makes a tracer from the text between the parentheses (empty if none)
 */
public record TracerFactory(String name, String description, Function<String, Tracer> constructor) {
    public TracerFactory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(constructor, "constructor");
    }
}
