package org.gstmini.examples.hello;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * Registers the demo elements, exactly as a third-party plugin would: this class is named in
 * {@code module-info.java} ({@code provides org.gstmini.core.spi.Plugin with ...}) and in
 * {@code META-INF/services/org.gstmini.core.spi.Plugin}; the core's Registry finds it with
 * ServiceLoader.
 */
public final class HelloPlugin extends PluginDefinition {
    public HelloPlugin() {
        super("hello", "Demo elements of the README's first pipeline", "0.1.0", "LGPL", "gst-mini examples");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(TickSource.FACTORY);
        registrar.registerElement(UpperCase.FACTORY);
        registrar.registerElement(ConsoleSink.FACTORY);
    }
}
