package org.gstmini.plugins.good.multifile;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * GStreamer's "multifile" plugin (gst-plugins-good, gst/multifile/gstmultifile.c): elements
 * that write (and, in GStreamer, read) a sequence of numbered files. gst-mini has
 * {@code multifilesink}.
 */
public final class MultiFilePlugin extends PluginDefinition {
    public MultiFilePlugin() {
        super("multifile", "Reads/Writes buffers from/to sequentially named files", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(MultiFileSink.FACTORY);
    }
}
