package org.gstmini.plugins.good.png;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.gstmini.base.video.VideoFormat;

/**
 * PNG files of many kinds written by javax.imageio (an encoder independent of Commons
 * Imaging), from random samples, together with the raw video pngdec must turn them into:
 * the format and the rows without padding. 16-bit grey is expected exactly (GRAY16_LE), other
 * 16-bit samples as their high byte.
 */
enum PngImages {
    RGB8(2, 8, VideoFormat.RGB),
    RGBA8(6, 8, VideoFormat.RGBA),
    GRAY8(0, 8, VideoFormat.GRAY8),
    GRAY1(0, 1, VideoFormat.GRAY8),
    GRAY16(0, 16, VideoFormat.GRAY16_LE),
    GRAY_ALPHA8(4, 8, VideoFormat.RGBA),
    RGB16(2, 16, VideoFormat.RGB),
    RGBA16(6, 16, VideoFormat.RGBA),
    PALETTE(3, 8, VideoFormat.RGB),
    PALETTE_TRNS(3, 8, VideoFormat.RGBA);

    /** IHDR colour type and bit depth the written file must have (checked, so the test covers what it says). */
    final int colorType;
    final int bitDepth;
    /** What pngdec outputs. */
    final VideoFormat format;

    PngImages(int colorType, int bitDepth, VideoFormat format) {
        this.colorType = colorType;
        this.bitDepth = bitDepth;
        this.format = format;
    }

    /** A written PNG and the raw rows expected from it. */
    record Sample(byte[] png, byte[] expectedRows) {
    }

    Sample make(int width, int height, boolean interlaced, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = blank(width, height, random);
        WritableRaster raster = image.getRaster();
        int bands = raster.getNumBands();
        int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int out = format.pixelStride();
        byte[] expected = new byte[width * height * out];
        int[] px = new int[bands];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    px[b] = random.nextInt(max + 1);
                }
                raster.setPixel(x, y, px);
                int[] samples = expectedSamples(image.getColorModel(), px);
                int o = (y * width + x) * out;
                for (int c = 0; c < samples.length; c++) {
                    if (format == VideoFormat.GRAY16_LE) {
                        expected[o + 2 * c] = (byte) samples[c];
                        expected[o + 2 * c + 1] = (byte) (samples[c] >> 8);
                    } else {
                        expected[o + c] = (byte) samples[c];
                    }
                }
            }
        }
        return new Sample(write(image, interlaced), expected);
    }

    private BufferedImage blank(int w, int h, Random random) {
        return switch (this) {
            case RGB8 -> new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            case RGBA8 -> new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
            case GRAY8 -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            case GRAY1 -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
            case GRAY16 -> new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
            case GRAY_ALPHA8 -> component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, w, h);
            case RGB16 -> component(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT, w, h);
            case RGBA16 -> component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT, w, h);
            case PALETTE, PALETTE_TRNS -> {
                byte[] r = new byte[256];
                byte[] g = new byte[256];
                byte[] b = new byte[256];
                byte[] a = new byte[256];
                random.nextBytes(r);
                random.nextBytes(g);
                random.nextBytes(b);
                random.nextBytes(a);
                a[0] = 0; // one fully transparent entry, one half
                a[1] = (byte) 128;
                IndexColorModel icm = this == PALETTE ? new IndexColorModel(8, 256, r, g, b)
                        : new IndexColorModel(8, 256, r, g, b, a);
                yield new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, icm);
            }
        };
    }

    private static BufferedImage component(int space, boolean alpha, int type, int w, int h) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(space), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, type);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }

    /**
     * The samples of one pixel as pngdec must produce them, in the order of {@link #format}
     * (the PNG stores the raw samples): 8 bits each, 16 for GRAY16_LE.
     */
    private int[] expectedSamples(ColorModel cm, int[] px) {
        return switch (this) {
            case RGB8 -> new int[] {px[0], px[1], px[2]};
            case RGBA8 -> new int[] {px[0], px[1], px[2], px[3]};
            case GRAY8, GRAY16 -> new int[] {px[0]};
            case GRAY1 -> new int[] {px[0] * 255};
            case GRAY_ALPHA8 -> new int[] {px[0], px[0], px[0], px[1]};
            case RGB16 -> new int[] {px[0] >> 8, px[1] >> 8, px[2] >> 8};
            case RGBA16 -> new int[] {px[0] >> 8, px[1] >> 8, px[2] >> 8, px[3] >> 8};
            case PALETTE -> {
                IndexColorModel icm = (IndexColorModel) cm;
                yield new int[] {icm.getRed(px[0]), icm.getGreen(px[0]), icm.getBlue(px[0])};
            }
            case PALETTE_TRNS -> {
                IndexColorModel icm = (IndexColorModel) cm;
                yield new int[] {icm.getRed(px[0]), icm.getGreen(px[0]), icm.getBlue(px[0]), icm.getAlpha(px[0])};
            }
        };
    }

    static byte[] write(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
