package org.gstmini.examples.hello;

import org.gstmini.core.spi.Plugin;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * Registers the demo elements, exactly as a third-party plugin would: this class is named in
 * {@code module-info.java} ({@code provides org.gstmini.core.spi.Plugin with ...}) and in
 * {@code META-INF/services/org.gstmini.core.spi.Plugin}; the core's Registry finds it with
 * ServiceLoader.
 */
public final class HelloPlugin implements Plugin {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String description() {
        return "Demo elements of the README's first pipeline";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String license() {
        return "LGPL";
    }

    @Override
    public String origin() {
        return "gst-mini examples";
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(TickSource.FACTORY);
        registrar.registerElement(UpperCase.FACTORY);
        registrar.registerElement(ConsoleSink.FACTORY);
    }
}
