/**
 * The everyday elements (fakesrc, fakesink, identity, capsfilter, queue, tee, filesrc,
 * filesink, multifilesink, videotestsrc), the picture elements (pngdec, pngenc, imagedec,
 * videoconvert, videoscale, imagefreeze, autovideosink) and, later, the other media elements.
 * Each plugin is a {@link org.gstmini.core.spi.Plugin} provider, found by the registry through
 * ServiceLoader; the element packages themselves are not exported: applications make elements
 * by name.
 */
module org.gstmini.plugins.good {
    requires org.gstmini.base;
    requires org.apache.commons.imaging;
    requires java.desktop;

    provides org.gstmini.core.spi.Plugin with
            org.gstmini.plugins.good.coreelements.CoreElementsPlugin,
            org.gstmini.plugins.good.videotestsrc.VideoTestSrcPlugin,
            org.gstmini.plugins.good.multifile.MultiFilePlugin,
            org.gstmini.plugins.good.png.PngPlugin,
            org.gstmini.plugins.good.imagedec.ImageDecPlugin,
            org.gstmini.plugins.good.videoscale.VideoScalePlugin,
            org.gstmini.plugins.good.imagefreeze.ImageFreezePlugin,
            org.gstmini.plugins.good.autodetect.AutoDetectPlugin,
            org.gstmini.plugins.good.videoconvert.VideoConvertPlugin;
}
