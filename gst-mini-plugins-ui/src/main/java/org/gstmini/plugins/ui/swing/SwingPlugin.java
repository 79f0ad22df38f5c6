package org.gstmini.plugins.ui.swing;

import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * The "swing" plugin: the {@link SwingVideoSink} element, gst-mini's counterpart of the
 * ximagesink and gtk plugins (gst-plugins-base/sys/ximage, gst-plugins-good/ext/gtk).
 */
public final class SwingPlugin extends PluginDefinition {
    public SwingPlugin() {
        super("swing", "Video output in a Swing window or component", "0.1.0", "LGPL", "gst-mini");
    }

    @Override
    public void init(PluginRegistrar registrar) {
        registrar.registerElement(SwingVideoSink.FACTORY);
    }
}
