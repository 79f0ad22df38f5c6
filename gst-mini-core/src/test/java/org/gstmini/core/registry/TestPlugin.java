package org.gstmini.core.registry;

import java.util.function.Consumer;
import org.gstmini.core.spi.Plugin;
import org.gstmini.core.spi.PluginRegistrar;

/** A plugin whose init is given by the test. */
record TestPlugin(String name, Consumer<PluginRegistrar> registrations) implements Plugin {
    @Override
    public String description() {
        return "test plugin " + name;
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public String license() {
        return "LGPL";
    }

    @Override
    public String origin() {
        return "https://example.com/" + name;
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrations.accept(registrar);
    }
}
