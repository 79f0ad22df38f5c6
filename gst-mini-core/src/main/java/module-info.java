/**
 * The core of gst-mini: GStreamer's object model in Java.
 *
 * <p>Buffers flow through pads; elements own pads and change state; bins and pipelines hold
 * elements, share a clock and post messages on a bus. Plugins are found through
 * {@link java.util.ServiceLoader} as {@link org.gstmini.core.spi.Plugin} providers, the way
 * GStreamer's registry finds plugin libraries.
 */
module org.gstmini.core {
    requires transitive org.slf4j;

    exports org.gstmini.core;
    exports org.gstmini.core.caps;
    exports org.gstmini.core.clock;
    exports org.gstmini.core.spi;
    exports org.gstmini.core.parse;
    exports org.gstmini.core.debug;
    exports org.gstmini.core.check;

    uses org.gstmini.core.spi.Plugin;
}
