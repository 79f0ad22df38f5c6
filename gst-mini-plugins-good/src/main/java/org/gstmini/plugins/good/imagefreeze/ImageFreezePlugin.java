package org.gstmini.plugins.good.imagefreeze;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/** GStreamer's "imagefreeze" plugin (gst-plugins-good): the {@link ImageFreeze} element. */
public final class ImageFreezePlugin extends PluginDefinition {
    public ImageFreezePlugin() {
        super("imagefreeze", "Still frame stream generator", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(ImageFreeze.FACTORY);
    }
}
