package org.gstmini.core.spi;

import org.gstmini.core.ElementFactory;
import org.gstmini.core.debug.TracerFactory;

/**
 * What a plugin's {@link Plugin#init} registers its features with
 * ({@code gst_element_register}, {@code gst_tracer_register}).
 */
public interface PluginRegistrar {
    /** Registers an element factory under its name. */
    void registerElement(ElementFactory factory);

    /** Registers a tracer, enabled by name through {@code GST_MINI_TRACERS}. */
    void registerTracer(TracerFactory factory);
}
