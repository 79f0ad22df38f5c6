package com.example.rot13;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * The plugin: its description, and the one factory it registers. Mirrors
 * {@code GST_PLUGIN_DEFINE (..., rot13, "...", plugin_init, ...)} with a {@code plugin_init} that
 * calls {@code gst_element_register} once.
 *
 * <p>{@link java.util.ServiceLoader} creates it with the public no-argument constructor, because
 * {@code module-info.java} says {@code provides org.gstmini.core.spi.Plugin with
 * com.example.rot13.Rot13Plugin} (and {@code META-INF/services/org.gstmini.core.spi.Plugin} names
 * it for the class path). {@link #init} only registers: it runs while the registry is loading,
 * so it must not make elements or look anything up.
 */
public final class Rot13Plugin extends PluginDefinition {
    public Rot13Plugin() {
        super("rot13", "Rotates the letters of text buffers (an example third-party plugin)", "1.0.0", "LGPL",
                "https://example.com/gst-mini-rot13");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(Rot13.FACTORY);
    }
}
