package org.gstmini.plugins.good.imagedec;

/**
 * What was wrong with an image, in words a user can act on ("the file ends in the middle of an
 * image"); {@link ImageDecoder} turns it into a STREAM/DECODE error on the bus, as a GStreamer
 * decoder does with {@code GST_VIDEO_DECODER_ERROR (.., STREAM, DECODE, ..)}.
 */
public final class ImageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String reason) {
        super(reason);
    }

    public ImageDecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
