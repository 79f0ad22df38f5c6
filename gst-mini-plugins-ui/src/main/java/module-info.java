/**
 * A Swing video sink and autovideosink's choice of it. Skeleton until the pictures issue lands.
 */
module org.gstmini.plugins.ui {
    requires org.gstmini.base;
    requires java.desktop;
}
