/**
 * Runnable examples that teach gst-mini, and (later) the gst-launch and gst-inspect tools.
 *
 * <p>This module requires only the core and base: plugins are bound at run time by
 * {@link java.util.ServiceLoader}, so any plugin jar on the module path is usable without
 * being named here. The demo elements of {@code HelloPipeline} are registered the same way a
 * third-party plugin registers its elements.
 */
module org.gstmini.examples {
    requires org.gstmini.core;
    requires org.gstmini.base;

    exports org.gstmini.examples.hello;
    exports org.gstmini.examples.sync;
    exports org.gstmini.examples.pictures;

    provides org.gstmini.core.spi.Plugin with org.gstmini.examples.hello.HelloPlugin;
}
