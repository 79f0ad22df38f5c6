/**
 * An example third-party gst-mini plugin: one element, "rot13", in a jar of its own.
 *
 * <p>Two lines make it a plugin. {@code requires org.gstmini.base} gives it the base classes
 * (and, transitively, the core). {@code provides ... with ...} tells {@link java.util.ServiceLoader}
 * which class to create when the core's registry asks for {@code org.gstmini.core.spi.Plugin}
 * providers. The same class is listed in {@code META-INF/services/org.gstmini.core.spi.Plugin}, so
 * the jar also works on the class path, where this file is ignored.
 *
 * <p>Nothing is exported: the registry creates the plugin and its elements, and users reach the
 * element through the {@code Element} API ({@code setProperty("shift", 1)}), so the package can
 * stay private to the module.
 */
module com.example.rot13 {
    requires org.gstmini.base;

    provides org.gstmini.core.spi.Plugin with com.example.rot13.Rot13Plugin;
}
