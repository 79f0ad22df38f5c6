package org.gstmini.plugins.good.png;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/** GStreamer's "png" plugin (gst-plugins-good/ext/libpng): {@link PngDec} and {@link PngEnc}. */
public final class PngPlugin extends PluginDefinition {
    public PngPlugin() {
        super("png", "PNG plugin library", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(PngDec.FACTORY);
        registrar.registerElement(PngEnc.FACTORY);
    }
}
