package org.gstmini.plugins.good.imagedec;

import java.awt.Dimension;
import java.io.IOException;
import java.util.Set;
import org.apache.commons.imaging.AbstractImageParser;
import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.gstmini.base.Adapter;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;

/**
 * Decodes one GIF, BMP, TIFF or PNM (PBM, PGM, PPM) picture into raw video with Apache
 * Commons Imaging. Modelled on {@code gdkpixbufdec} (gst-plugins-good/ext/gdk_pixbuf/gstgdkpixbufdec.c),
 * GStreamer's decoder for "whatever the image library reads": like it, imagedec collects the
 * whole stream and decodes at EOS, because these formats do not say cheaply where a picture
 * ends. One stream, one picture.
 *
 * <pre>
 * gst-launch filesrc location=photo.bmp ! imagedec ! videoconvert ! imagefreeze ! autovideosink
 * </pre>
 *
 * <h2>The format comes from the bytes</h2>
 * The sink caps list what it reads, so that caps negotiation is honest; but a file source
 * has no idea what it reads, and sends the first of these caps ({@code image/gif}) whatever
 * the file holds. So the real format is detected from the magic numbers
 * ({@code Imaging.guessFormat}), and anything else (including PNG, JPEG: use pngdec; Commons
 * Imaging does not decode JPEG pixels) is a STREAM/DECODE error that names the format found.
 *
 * <h2>Output format</h2>
 * The smallest format that holds the decoded pixels exactly: {@code RGBA} if any pixel is not
 * fully opaque, else {@code GRAY8} if every pixel has R = G = B, else {@code RGB}. Samples are
 * 8 bits: the rare 16-bit TIFF or PNM is reduced by the library.
 */
public final class ImageDec extends ImageDecoder {
    private static final Set<ImageFormats> READS = Set.of(ImageFormats.GIF, ImageFormats.BMP, ImageFormats.TIFF,
            ImageFormats.PNM, ImageFormats.PBM, ImageFormats.PGM, ImageFormats.PPM);

    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.parse("image/gif; image/bmp; image/tiff; "
            + "image/x-portable-anymap; image/x-portable-bitmap; image/x-portable-graymap; image/x-portable-pixmap"));
    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(
            VideoFormat.templateCaps(VideoFormat.RGB, VideoFormat.RGBA, VideoFormat.GRAY8));

    public static final ElementFactory FACTORY = ElementFactory.builder("imagedec", ImageDec::new)
            .longName("Still image decoder (Commons Imaging)").klass("Codec/Decoder/Image")
            .description("Decodes a GIF, BMP, TIFF or PNM picture to raw video").author("gst-mini")
            .rank(Rank.SECONDARY).padTemplate(SINK_TEMPLATE).padTemplate(SRC_TEMPLATE).build();

    public ImageDec() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
    }

    /** Never: the picture ends with the stream ({@link #drain}). */
    @Override
    protected int frameSize(Adapter adapter) {
        return -1;
    }

    /** The whole stream is the picture. */
    @Override
    protected RawImage drain(byte[] rest) throws ImageDecodeException {
        return decode(rest);
    }

    @Override
    protected RawImage decode(byte[] data) throws ImageDecodeException {
        ImageFormat format;
        Dimension size;
        try {
            format = Imaging.guessFormat(data);
            if (!READS.contains(format)) {
                throw new ImageDecodeException("it is not a GIF, BMP, TIFF or PNM picture (the data looks like "
                        + (format == ImageFormats.UNKNOWN ? "no known image format" : format.getName()) + ")");
            }
            size = Imaging.getImageSize(data);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException("the image header is corrupt (" + CommonsImaging.reason(e) + ")", e);
        }
        RawImage.layout(VideoFormat.RGBA, size.width, size.height); // refuse absurd sizes before allocating them
        AbstractImageParser<?> parser = AbstractImageParser.getAllImageParsers().stream()
                .filter(p -> p.canAcceptType(format)).findFirst()
                .orElseThrow(() -> new ImageDecodeException("no decoder for " + format.getName()));
        int[] argb = RawImage.argbPixels(CommonsImaging.decode(parser, data, format.getName()));
        return RawImage.of(argb, size.width, size.height, smallestFormat(argb));
    }

    /** RGBA if some pixel is see-through, GRAY8 if all are grey, else RGB. */
    private static VideoFormat smallestFormat(int[] argb) {
        boolean grey = true;
        for (int c : argb) {
            if (c >>> 24 != 0xff) {
                return VideoFormat.RGBA;
            }
            grey &= ((c >> 16) & 0xff) == (c & 0xff) && ((c >> 8) & 0xff) == (c & 0xff);
        }
        return grey ? VideoFormat.GRAY8 : VideoFormat.RGB;
    }
}
