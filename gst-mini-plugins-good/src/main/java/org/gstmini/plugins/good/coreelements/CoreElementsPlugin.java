package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * GStreamer's "coreelements" plugin (plugins/elements/gstelements.c): the everyday elements
 * every pipeline uses — sources and sinks that make or swallow data, identity, capsfilter,
 * queue, tee, and the file elements.
 */
public final class CoreElementsPlugin extends PluginDefinition {
    public CoreElementsPlugin() {
        super("coreelements", "GStreamer core elements", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        // One line per element, in alphabetical order.
        registrar.registerElement(CapsFilter.FACTORY);
        registrar.registerElement(FakeSink.FACTORY);
        registrar.registerElement(FakeSrc.FACTORY);
        registrar.registerElement(FileSink.FACTORY);
        registrar.registerElement(FileSrc.FACTORY);
        registrar.registerElement(Identity.FACTORY);
        registrar.registerElement(Queue.FACTORY);
        registrar.registerElement(Tee.FACTORY);
    }
}
