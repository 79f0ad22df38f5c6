package org.gstmini.plugins.good.videoconvert;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * GStreamer's "videoconvert" plugin (gst-plugins-base): the {@link VideoConvert} element. (Since
 * GStreamer 1.22 the element lives in the merged "videoconvertscale" plugin, next to videoscale.)
 */
public final class VideoConvertPlugin extends PluginDefinition {
    public VideoConvertPlugin() {
        super("videoconvert", "Colorspace conversion", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(VideoConvert.FACTORY);
    }
}
