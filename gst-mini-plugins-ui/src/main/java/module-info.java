/**
 * A Swing video sink ({@code swingvideosink}) and autovideosink's choice of it. The element
 * package is not exported: applications make the sink by name and embed it through its
 * {@code widget} property, a plain {@link javax.swing.JComponent}.
 */
module org.gstmini.plugins.ui {
    requires org.gstmini.base;
    requires java.desktop;

    provides org.gstmini.core.spi.Plugin with org.gstmini.plugins.ui.swing.SwingPlugin;
}
