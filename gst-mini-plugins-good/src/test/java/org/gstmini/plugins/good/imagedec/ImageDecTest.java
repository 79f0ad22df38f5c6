package org.gstmini.plugins.good.imagedec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Message;
import org.gstmini.plugins.good.imagedec.DecodePipeline.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * imagedec on GIF, BMP and TIFF files written by javax.imageio and PNM files written here byte
 * by byte, through filesrc (whose caps always say image/gif: the format must come from the
 * bytes), compared pixel for pixel; and input it must refuse with a STREAM/DECODE error.
 */
class ImageDecTest {
    private static final int W = 29;
    private static final int H = 17;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "tiff"})
    void decodesColourPicturesAsRgb(String type) throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        byte[] expected = randomRgb(image, 11);
        Frame frame = decode(type, image);
        assertEquals(VideoFormat.RGB, frame.info().format());
        assertArrayEquals(expected, DecodePipeline.unpadded(frame));
    }

    @Test
    void decodesAGifWithATransparentColourAsRgba() throws IOException {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        Random random = new Random(5);
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        IndexColorModel icm = new IndexColorModel(8, 16, r, g, b, 0); // index 0 is transparent
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, icm);
        byte[] expected = new byte[W * H * 4];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = random.nextInt(16);
                image.getRaster().setSample(x, y, 0, i);
                int o = (y * W + x) * 4;
                expected[o] = r[i];
                expected[o + 1] = g[i];
                expected[o + 2] = b[i];
                expected[o + 3] = (byte) (i == 0 ? 0 : 255);
            }
        }
        Frame frame = decode("gif", image);
        assertEquals(VideoFormat.RGBA, frame.info().format());
        byte[] got = DecodePipeline.unpadded(frame);
        for (int p = 0; p < W * H; p++) { // a transparent pixel's colour is not part of the picture
            int n = expected[p * 4 + 3] == 0 ? 4 : 0;
            assertArrayEquals(Arrays.copyOfRange(expected, p * 4 + n, p * 4 + 4),
                    Arrays.copyOfRange(got, p * 4 + n, p * 4 + 4), "pixel " + p);
        }
    }

    @Test
    void decodesBinaryPpmAndPgm() throws IOException {
        byte[] rgb = new byte[W * H * 3];
        new Random(8).nextBytes(rgb);
        Frame ppm = decodeFile("p.ppm", concat(("P6\n# gst-mini\n" + W + " " + H + "\n255\n").getBytes(StandardCharsets.US_ASCII), rgb));
        assertEquals(VideoFormat.RGB, ppm.info().format());
        assertArrayEquals(rgb, DecodePipeline.unpadded(ppm));

        byte[] grey = new byte[W * H];
        new Random(9).nextBytes(grey);
        Frame pgm = decodeFile("g.pgm", concat(("P5 " + W + " " + H + " 255\n").getBytes(StandardCharsets.US_ASCII), grey));
        assertEquals(VideoFormat.GRAY8, pgm.info().format(), "grey pixels: the smallest exact format");
        assertArrayEquals(grey, DecodePipeline.unpadded(pgm));
    }

    @Test
    void aPngIsNotForImagedec() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        Path file = dir.resolve("x.png");
        ImageIO.write(image, "png", file.toFile());
        Message.Error e = error(file);
        assertTrue(e.text().contains("not a GIF, BMP, TIFF or PNM picture") && e.text().contains("PNG"), e.text());
    }

    @Test
    void aTruncatedBmpIsADecodeError() throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        randomRgb(image, 12);
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(image, "bmp", bmp);
        Path file = Files.write(dir.resolve("cut.bmp"), Arrays.copyOf(bmp.toByteArray(), 200));
        Message.Error e = error(file);
        assertTrue(e.text().contains("corrupt"), e.text());
    }

    @Test
    void anEmptyStreamEndsWithoutAPictureOrAnError() throws IOException {
        Path file = Files.write(dir.resolve("empty.gif"), new byte[0]);
        DecodePipeline.Result r = DecodePipeline.run("filesrc location=" + file + " ! imagedec");
        assertEquals(null, r.error());
        assertEquals(0, r.frames().size());
    }

    private Frame decode(String type, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, type, bytes), "ImageIO has no " + type + " writer");
        return decodeFile("picture." + type, bytes.toByteArray());
    }

    private Frame decodeFile(String name, byte[] data) throws IOException {
        Path file = Files.write(dir.resolve(name), data);
        return DecodePipeline.run("filesrc location=" + file + " blocksize=333 ! imagedec").only();
    }

    private static Message.Error error(Path file) {
        DecodePipeline.Result r = DecodePipeline.run("filesrc location=" + file + " ! imagedec name=dec");
        assertNotNull(r.error(), "expected an ERROR for " + file.getFileName());
        assertEquals(ErrorCode.STREAM_DECODE, r.error().code());
        assertEquals("dec", r.error().source().getName());
        assertTrue(r.error().text().contains(file.toString()), "names the file: " + r.error().text());
        return r.error();
    }

    /** Fills {@code image} with random colours; returns them as RGB rows. */
    private static byte[] randomRgb(BufferedImage image, long seed) {
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        new Random(seed).nextBytes(rgb);
        int[] samples = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            samples[i] = rgb[i] & 0xff;
        }
        image.getRaster().setPixels(0, 0, image.getWidth(), image.getHeight(), samples);
        return rgb;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
