package org.gstmini.plugins.good.imagedec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.commons.imaging.AbstractImageParser;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.ImagingParameters;
import org.apache.commons.imaging.common.BufferedImageFactory;

/**
 * Decoding with Apache Commons Imaging, the way gst-mini's decoders need it: exact pixels,
 * and every failure as an {@link ImageDecodeException}.
 *
 * <h2>Why a BufferedImageFactory</h2>
 * By default Commons Imaging paints grey pictures into a {@code TYPE_BYTE_GRAY} image, whose
 * colour space is <em>linear</em> grey: every {@code setRGB} converts the sRGB value into it
 * and loses the darker codes (grey 1..4 all read back as 0, 17 as 13). The factory here gives
 * every picture a plain {@code TYPE_INT_ARGB} image, so the decoded samples arrive unchanged
 * (R = G = B for grey) and {@link RawImage} can read the pixel array without a copy.
 *
 * <h2>Failures</h2>
 * A corrupt file surfaces from the library as an {@link ImagingException} or another
 * {@link IOException} (a broken zlib stream, data that ends early) or, for some damage the
 * parsers do not check, as a runtime exception (an index out of bounds). All of them mean "this
 * input is not a valid image" to the element, so all become {@link ImageDecodeException}s
 * whose text keeps the library's own reason.
 */
public final class CommonsImaging {
    /** Always 8-bit ARGB in one int per pixel: no colour-space conversion on the way in. */
    private static final BufferedImageFactory EXACT = new BufferedImageFactory() {
        @Override
        public BufferedImage getColorBufferedImage(int width, int height, boolean hasAlpha) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public BufferedImage getGrayscaleBufferedImage(int width, int height, boolean hasAlpha) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }
    };

    private CommonsImaging() {
    }

    /**
     * Decodes {@code data} with {@code parser}.
     *
     * @param what  how to call the data in the error text ("PNG", "GIF")
     */
    public static <T extends ImagingParameters<T>> BufferedImage decode(AbstractImageParser<T> parser, byte[] data, String what)
            throws ImageDecodeException {
        try {
            T params = parser.getDefaultParameters();
            params.setBufferedImageFactory(EXACT);
            return parser.getBufferedImage(data, params);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException("the " + what + " data is corrupt (" + reason(e) + ")", e);
        }
    }

    /** The library's message, or the exception's class when it gives none (pngdec's javax.imageio path uses it too). */
    public static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
