package org.gstmini.core.testing;

import org.gstmini.core.ElementFactory;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Registry;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * Registers the core's test elements: testsrc, testsink, passthrough, capsfilter, testtee.
 * Tests call {@link #register()} first; it is safe to call many times.
 */
public final class TestElementsPlugin extends PluginDefinition {
    private static volatile boolean registered;

    /** Registers this plugin with the default registry once. */
    public static synchronized void register() {
        if (!registered) {
            Registry.get().registerStatic(new TestElementsPlugin());
            registered = true;
        }
    }

    public TestElementsPlugin() {
        super("coretestelements", "elements for the core's own tests", "0.1.0", "LGPL", "gst-mini tests");
    }

    @Override
    public void init(PluginRegistrar r) {
        r.registerElement(ElementFactory.builder("testsrc", TestSrc::new).klass("Source")
                .description("Pushes numbered buffers").padTemplate(PadTemplate.src(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("testsink", TestSink::new).klass("Sink")
                .description("Records what it receives").padTemplate(PadTemplate.sink(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("passthrough", PassThrough::new).klass("Generic")
                .description("Passes buffers on").padTemplate(PadTemplate.sink(Caps.ANY))
                .padTemplate(PadTemplate.src(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("capsfilter", TestCapsFilter::new).klass("Generic")
                .description("Restricts caps").padTemplate(PadTemplate.sink(Caps.ANY))
                .padTemplate(PadTemplate.src(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("testtee", TestTee::new).klass("Generic")
                .description("Copies to every branch").padTemplate(PadTemplate.sink(Caps.ANY))
                .padTemplate(TestTee.SRC_TEMPLATE).build());
    }
}
