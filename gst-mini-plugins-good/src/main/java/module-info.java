/**
 * The everyday elements (fakesrc, fakesink, queue, tee, filesrc, ...) and media elements (pngdec, videoconvert, H.264). Skeleton until the elements issue lands: it will {@code provides org.gstmini.core.spi.Plugin} like every plugin module.
 */
module org.gstmini.plugins.good {
    requires org.gstmini.base;
}
