package org.gstmini.plugins.good.imagedec;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * The "imagedec" plugin: {@link ImageDec}, still pictures through Apache Commons Imaging (in
 * GStreamer the same job falls to the "gdkpixbuf" plugin). {@link ImageDecoder}, the frame
 * collecting and pushing it shares with pngdec, lives here too.
 */
public final class ImageDecPlugin extends PluginDefinition {
    public ImageDecPlugin() {
        super("imagedec", "Still image decoding with Apache Commons Imaging", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(ImageDec.FACTORY);
    }
}
