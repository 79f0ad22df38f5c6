package org.gstmini.plugins.good.videoscale;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * GStreamer's videoscale element as a plugin of its own: the {@link VideoScale} element. (In
 * GStreamer 1.22 videoscale lives in the plugin "videoconvertscale" of gst-plugins-base, next
 * to videoconvert; before 1.22 it was the plugin "videoscale".)
 */
public final class VideoScalePlugin extends PluginDefinition {
    public VideoScalePlugin() {
        super("videoscale", "Resizes video", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(VideoScale.FACTORY);
    }
}
