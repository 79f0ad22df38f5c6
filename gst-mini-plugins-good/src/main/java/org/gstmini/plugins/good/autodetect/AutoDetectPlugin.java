package org.gstmini.plugins.good.autodetect;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * GStreamer's "autodetect" plugin (gst-plugins-good/gst/autodetect/gstautodetectplugin.c): the
 * {@link AutoVideoSink} element. GStreamer's plugin also has autoaudiosink, autovideosrc and
 * autoaudiosrc, which pick their element the same way.
 */
public final class AutoDetectPlugin extends PluginDefinition {
    public AutoDetectPlugin() {
        super("autodetect", "Plugin contains auto-detection plugins for video/audio in- and outputs", "0.1.0", "LGPL",
                "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(AutoVideoSink.FACTORY);
    }
}
