package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/** GStreamer's "videotestsrc" plugin (gst-plugins-base): the {@link VideoTestSrc} element. */
public final class VideoTestSrcPlugin extends PluginDefinition {
    public VideoTestSrcPlugin() {
        super("videotestsrc", "Creates a test video stream", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(VideoTestSrc.FACTORY);
    }
}
