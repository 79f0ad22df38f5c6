package org.gstmini.core;

import org.gstmini.core.debug.ChainTracer;
import org.gstmini.core.debug.LogTracer;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * The elements the core itself provides: {@code bin} and {@code pipeline}, so that
 * {@code ElementFactory.make("pipeline")} and {@code gst-launch "( ... )"} work with no plugin
 * loaded.
 *
 * <p>Mirrors the "staticelements" plugin that GStreamer registers in {@code gst_init}
 * ({@code _priv_gst_elements_register} in gst/gstelementfactory.c, called through
 * {@code gst_plugin_register_static} in gst/gst.c). The {@link Registry} registers it first,
 * directly rather than through {@link java.util.ServiceLoader}; it is not listed as a provider
 * in module-info.
 */
final class StaticElementsPlugin extends PluginDefinition {
    static final String NAME = "staticelements";

    StaticElementsPlugin() {
        super(NAME, "core elements linked into the gst-mini core", Registry.coreVersion(), "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(ElementFactory.builder("bin", Bin::new)
                .longName("Generic bin")
                .klass("Generic/Bin")
                .description("Simple container object")
                .author("gst-mini")
                .rank(Rank.PRIMARY)
                .build());
        registrar.registerElement(ElementFactory.builder("pipeline", Pipeline::new)
                .longName("Pipeline object")
                .klass("Generic/Bin")
                .description("Complete pipeline object")
                .author("gst-mini")
                .rank(Rank.PRIMARY)
                .build());
        registrar.registerTracer(LogTracer.FACTORY);
        registrar.registerTracer(ChainTracer.FACTORY);
    }
}
