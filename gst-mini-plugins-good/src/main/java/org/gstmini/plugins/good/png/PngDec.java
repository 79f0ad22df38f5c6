package org.gstmini.plugins.good.png;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.gstmini.base.Adapter;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.plugins.good.imagedec.CommonsImaging;
import org.gstmini.plugins.good.imagedec.ImageDecodeException;
import org.gstmini.plugins.good.imagedec.ImageDecoder;
import org.gstmini.plugins.good.imagedec.RawImage;

/**
 * Decodes PNG pictures into raw video. Mirrors {@code pngdec}
 * (gst-plugins-good/ext/libpng/gstpngdec.c); the pixels come from Apache Commons Imaging
 * (javax.imageio for 16-bit grey, see below) instead of libpng, the frame handling from
 * {@link ImageDecoder} (GstVideoDecoder's part).
 *
 * <pre>
 * gst-launch filesrc location=simple.png ! pngdec ! videoconvert ! imagefreeze ! autovideosink
 * gst-launch filesrc location=many-pngs.bin ! pngdec ! fakesink     # PNGs back to back: one frame each
 * </pre>
 *
 * <h2>Where a picture ends</h2>
 * A PNG file is an 8-byte signature and then chunks, each {@code length(4) type(4) data crc(4)},
 * the last one {@code IEND}. {@link #frameSize} walks the chunk headers as the bytes arrive
 * ({@code gst_pngdec_parse}), remembering how far it got, and reports a whole picture when
 * {@code IEND} is complete. So 4096-byte blocks from filesrc work, and so does a stream of
 * several PNGs. Data that does not start with the signature, or a chunk header that is not a
 * chunk, is an error at once; at EOS in the middle of a picture, "truncated".
 *
 * <h2>Output format</h2>
 * Chosen from the header (IHDR and whether a tRNS chunk is present), like the libpng
 * transformations in {@code gst_pngdec_caps_create_and_set}, except that gst-mini applies every
 * tRNS chunk:
 *
 * <pre>
 *   colour type            no tRNS      with tRNS         GStreamer 1.22's pngdec
 *   grey 1/2/4/8 bit       GRAY8        RGBA              GRAY8 (tRNS ignored)
 *   grey 16 bit            GRAY16_LE    RGBA (8 bits)     GRAY16_BE (tRNS ignored)
 *   RGB 8 bit              RGB          RGBA              RGB (tRNS ignored)
 *   palette                RGB          RGBA              the same
 *   grey+alpha, RGBA 8     RGBA         RGBA              the same
 *   RGB, RGBA, grey+alpha  RGB / RGBA   RGBA              ARGB64
 *     16 bit               (8 bits)     (8 bits)
 * </pre>
 *
 * Interlaced (Adam7) pictures come out like the others. 16-bit grey keeps every sample: the
 * same values as GStreamer's {@code GRAY16_BE}, little-endian, because gst-mini has no
 * GRAY16_BE. 16-bit colour is <b>reduced to 8 bits</b> ({@code v >> 8}): gst-mini has no 16-bit
 * colour format such as ARGB64. The source template lists what can come out: RGBA, RGB, GRAY8,
 * GRAY16_LE.
 *
 * <h2>Two decoders</h2>
 * Apache Commons Imaging decodes every picture except 16-bit grey. It has no 16-bit output (the
 * reduction above is its own), and it applies a {@code gAMA} chunk and an ICC profile
 * ({@code iCCP}) to the pixels; libpng in GStreamer does not, so such files can decode slightly
 * differently. Its tRNS test compares the colour with the samples it already reduced or scaled
 * to 8 bits, so for 1/2/4-bit grey and 16-bit RGB the transparent colour is missed.
 * <p>
 * 16-bit grey goes to the JDK's own PNG reader (javax.imageio, {@code java.desktop}), which
 * unfilters and de-interlaces it into a {@code ushort} raster with the samples untouched (no
 * gamma, no ICC), so all 16 bits arrive: {@code grey16}.
 *
 * <p>Not implemented: GstVideoDecoder's properties ({@code qos}, {@code max-errors}, ...) and
 * its QoS frame dropping.
 */
public final class PngDec extends ImageDecoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.parse("image/png"));
    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(
            VideoFormat.templateCaps(VideoFormat.RGBA, VideoFormat.RGB, VideoFormat.GRAY8, VideoFormat.GRAY16_LE));

    public static final ElementFactory FACTORY = ElementFactory.builder("pngdec", PngDec::new)
            .longName("PNG image decoder").klass("Codec/Decoder/Image")
            .description("Decode a png video frame to a raw image").author("gst-mini (after Wim Taymans' pngdec)")
            .rank(Rank.PRIMARY).padTemplate(SINK_TEMPLATE).padTemplate(SRC_TEMPLATE).build();

    /** Where the next chunk header starts in the adapter; 0 before the signature was checked. */
    private long scanned;

    public PngDec() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
    }

    @Override
    protected void resetParser() {
        scanned = 0;
    }

    @Override
    protected int frameSize(Adapter adapter) throws ImageDecodeException {
        int available = adapter.available();
        if (scanned == 0) {
            if (available < SIGNATURE.length) {
                return -1;
            }
            byte[] head = adapter.copy(0, SIGNATURE.length);
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (head[i] != SIGNATURE[i]) {
                    throw new ImageDecodeException("it is not a PNG picture (no PNG signature at its start)");
                }
            }
            scanned = SIGNATURE.length;
        }
        while (scanned + 8 <= available) {
            byte[] header = adapter.copy((int) scanned, 8);
            long length = u32(header, 0);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE || !type.chars().allMatch(Character::isLetter)) {
                throw new ImageDecodeException("the PNG data is corrupt (no valid chunk at byte " + scanned + ")");
            }
            long end = scanned + 12 + length;
            if (end > Integer.MAX_VALUE - 16) {
                throw new ImageDecodeException("the PNG picture is larger than 2 GB");
            }
            if (type.equals("IEND")) {
                if (end > available) {
                    return -1;
                }
                scanned = 0; // the next picture starts with a signature
                return (int) end;
            }
            scanned = end;
        }
        return -1;
    }

    @Override
    protected RawImage decode(byte[] png) throws ImageDecodeException {
        // chunk walk over the whole picture: IHDR first (checked), then any tRNS
        if (png.length < 33 || !"IHDR".equals(new String(png, 12, 4, StandardCharsets.ISO_8859_1))) {
            throw new ImageDecodeException("the PNG data is corrupt (it does not start with an IHDR chunk)");
        }
        long width = u32(png, 16);
        long height = u32(png, 20);
        int bitDepth = png[24];
        int colorType = png[25];
        int trns = -1; // where the tRNS chunk starts, if there is one
        for (long at = 8; at + 8 <= png.length; at += 12 + u32(png, (int) at)) {
            if ("tRNS".equals(new String(png, (int) at + 4, 4, StandardCharsets.ISO_8859_1))) {
                trns = (int) at;
            }
        }
        boolean transparency = trns >= 0;
        VideoFormat format = switch (colorType) {
            case 0 -> transparency ? VideoFormat.RGBA : VideoFormat.GRAY8;
            case 2, 3 -> transparency ? VideoFormat.RGBA : VideoFormat.RGB;
            case 4, 6 -> VideoFormat.RGBA;
            default -> throw new ImageDecodeException("the PNG header is corrupt (colour type " + colorType + ")");
        };
        if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new ImageDecodeException("the PNG header is corrupt (size " + width + "x" + height + ")");
        }
        RawImage.layout(VideoFormat.RGBA, (int) width, (int) height); // refuse absurd sizes before decoding
        if (colorType == 0 && bitDepth == 16) { // all 16 bits, which Commons Imaging would reduce to 8
            return grey16(png, transparency ? transparentGrey(png, trns) : -1);
        }
        return RawImage.of(CommonsImaging.decode(new PngImageParser(), png, "PNG"), format);
    }

    /**
     * A 16-bit grey PNG as GRAY16_LE, every sample exact, or with a transparent grey
     * ({@code transparent >= 0}, from tRNS) as RGBA: the high byte as grey, alpha 0 where the
     * whole 16-bit sample equals it. (Commons Imaging compares tRNS with the 8-bit sample, so it
     * misses 0x1234 and hits 0x12xx for a tRNS of 0x0012.)
     * javax.imageio reads the samples, from a memory-backed stream: {@code ImageIO}'s default
     * stream would cache in a temporary file.
     */
    private static RawImage grey16(byte[] png, int transparent) throws ImageDecodeException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            Raster raster = reader.read(0).getRaster();
            int w = raster.getWidth();
            int h = raster.getHeight();
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            if (transparent >= 0) {
                int[] argb = new int[samples.length];
                for (int i = 0; i < samples.length; i++) {
                    int grey = samples[i] >> 8;
                    argb[i] = (samples[i] == transparent ? 0 : 0xff000000) | grey << 16 | grey << 8 | grey;
                }
                return RawImage.of(argb, w, h, VideoFormat.RGBA);
            }
            VideoInfo info = RawImage.layout(VideoFormat.GRAY16_LE, w, h);
            byte[] out = new byte[info.size()];
            for (int i = 0; i < samples.length; i++) {
                int o = (i / w) * info.stride(0) + 2 * (i % w);
                out[o] = (byte) samples[i]; // little-endian
                out[o + 1] = (byte) (samples[i] >> 8);
            }
            return new RawImage(info, out);
        } catch (IOException | RuntimeException e) {
            Throwable why = e; // ImageIO wraps the zlib failure in an IIOException without its text
            while (why.getCause() != null) {
                why = why.getCause();
            }
            throw new ImageDecodeException("the PNG data is corrupt (" + CommonsImaging.reason(why) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The grey sample a grey picture's tRNS chunk at {@code at} makes transparent. */
    private static int transparentGrey(byte[] png, int at) throws ImageDecodeException {
        if (u32(png, at) != 2 || at + 10 > png.length) {
            throw new ImageDecodeException("the PNG data is corrupt (a grey picture's tRNS chunk must hold 2 bytes)");
        }
        return (png[at + 8] & 0xff) << 8 | (png[at + 9] & 0xff);
    }

    /** The big-endian unsigned 32-bit number at {@code at}. */
    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
