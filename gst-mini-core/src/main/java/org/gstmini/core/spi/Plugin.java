package org.gstmini.core.spi;

/**
 * A plugin: a named bundle of element (and tracer) factories, found by the
 * {@link org.gstmini.core.Registry} through {@link java.util.ServiceLoader}.
 *
 * <p>Mirrors {@code GST_PLUGIN_DEFINE} and a plugin's {@code plugin_init} (gst/gstplugin.h). A
 * plugin module declares
 * <pre>
 *   provides org.gstmini.core.spi.Plugin with com.example.MyPlugin;
 * </pre>
 * in its {@code module-info.java} and lists the class in
 * {@code META-INF/services/org.gstmini.core.spi.Plugin}, so it is found on the module path and
 * the class path alike. {@link #init} only registers factories: it must be quick and must not
 * create elements.
 */
public interface Plugin {
    /** The plugin's name, e.g. "coreelements". */
    String name();

    /** One line saying what it offers. */
    String description();

    /** Its version, e.g. "0.1.0". */
    String version();

    /** Its license, e.g. "LGPL" or "Apache-2.0". */
    String license();

    /** Where it comes from (a URL or project name). */
    String origin();

    /** Registers the plugin's features. */
    void init(PluginRegistrar registrar);
}
