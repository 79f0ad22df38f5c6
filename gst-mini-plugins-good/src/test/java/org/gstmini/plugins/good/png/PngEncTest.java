package org.gstmini.plugins.good.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.gstmini.plugins.good.imagedec.DecodePipeline;
import org.gstmini.plugins.good.imagedec.DecodePipeline.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pngenc writes PNG files that another reader (javax.imageio) opens with exactly the pixels
 * that went in, in each input format; {@code snapshot=true} ends the stream after one picture.
 */
class PngEncTest {
    @TempDir
    Path dir;

    @Test
    void theIssuesPipelineWritesARealPng() throws IOException {
        Path file = dir.resolve("frame.png");
        assertNull(DecodePipeline.play("videotestsrc num-buffers=1 ! pngenc ! filesink location=" + file));
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO cannot read " + file);
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RGB", "RGBA", "GRAY8"})
    void imageIoReadsTheFramesPixels(String format) throws IOException {
        String src = "videotestsrc num-buffers=1 pattern=ball ! video/x-raw,format=" + format + ",width=61,height=33";
        Path file = dir.resolve("ball.png");
        assertNull(DecodePipeline.play(src + " ! pngenc ! filesink location=" + file));
        Frame frame = DecodePipeline.run(src).only();
        VideoInfo info = frame.info();
        BufferedImage image = ImageIO.read(file.toFile());
        int bands = info.format().pixelStride();
        assertEquals(bands, image.getRaster().getNumBands());
        int[] samples = image.getRaster().getPixels(0, 0, 61, 33, (int[]) null);
        byte[] rows = DecodePipeline.unpadded(frame);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(rows[i] & 0xff, samples[i], "sample " + i);
        }
    }

    @Test
    void sixteenBitGreyIsWrittenBigEndianAsPngRequires() throws IOException {
        VideoInfo info = VideoInfo.of(VideoFormat.GRAY16_LE, 9, 5);
        byte[] frame = new byte[info.size()];
        new Random(3).nextBytes(frame);
        byte[] png = encode(info, frame, 6);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, image.getType());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 9; x++) {
                int at = y * info.stride(0) + 2 * x;
                int le = (frame[at] & 0xff) | (frame[at + 1] & 0xff) << 8;
                assertEquals(le, image.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void compressionLevelChangesTheSizeNotThePicture() throws IOException {
        VideoInfo info = VideoInfo.of(VideoFormat.RGB, 64, 64);
        byte[] frame = new byte[info.size()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i / 7); // compressible
        }
        byte[] stored = encode(info, frame, 0);
        byte[] smallest = encode(info, frame, 9);
        assertTrue(stored.length > frame.length, "level 0 stores the rows: " + stored.length);
        assertTrue(smallest.length < frame.length / 4, "level 9 compresses: " + smallest.length);
        int[] a = ImageIO.read(new ByteArrayInputStream(stored)).getRaster().getPixels(0, 0, 64, 64, (int[]) null);
        int[] b = ImageIO.read(new ByteArrayInputStream(smallest)).getRaster().getPixels(0, 0, 64, 64, (int[]) null);
        assertArrayEquals(a, b);
    }

    @Test
    void theOutputCapsCarrySizeAndRate() {
        try (Harness h = new Harness(new PngEnc())) {
            h.setSrcCapsStr("video/x-raw,format=GRAY8,width=4,height=2,framerate=25/1");
            h.play();
            h.pushAndPull(Buffer.wrap(new byte[8]));
            Caps caps = h.getElement().getStaticPad("src").getCurrentCaps();
            assertTrue(caps.isEqualTo(Caps.parse("image/png, width=(int)4, height=(int)2, framerate=(fraction)25/1")),
                    caps.toString());
        }
    }

    @Test
    void snapshotEndsTheStreamAfterOnePicture() throws IOException {
        Path file = dir.resolve("snap.png");
        // an endless source: only pngenc can end this stream
        assertNull(DecodePipeline.play("videotestsrc ! video/x-raw,width=16,height=16 ! pngenc snapshot=true ! "
                + "filesink location=" + file));
        byte[] png = Files.readAllBytes(file);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
        String text = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(text.indexOf("IEND"), text.lastIndexOf("IEND"), "exactly one picture in the file");
        assertEquals(png.length, text.indexOf("IEND") + 8, "nothing after the picture");
    }

    @ParameterizedTest
    @EnumSource(value = VideoFormat.class, names = {"RGB", "RGBA", "GRAY8", "GRAY16_LE"})
    void pngdecReadsBackWhatPngencWrote(VideoFormat format) {
        VideoInfo info = VideoInfo.of(format, 13, 7);
        byte[] frame = new byte[info.size()];
        new Random(format.ordinal()).nextBytes(frame);
        byte[] png = encode(info, frame, 6);
        try (Harness h = new Harness(new PngDec())) {
            h.setSrcCapsStr("image/png");
            h.play();
            byte[] back = h.pushAndPull(Buffer.wrap(png)).toByteArray();
            int row = 13 * format.pixelStride();
            for (int y = 0; y < 7; y++) {
                for (int i = 0; i < row; i++) {
                    assertEquals(frame[y * info.stride(0) + i], back[y * info.stride(0) + i], "row " + y + " byte " + i);
                }
            }
        }
    }

    private static byte[] encode(VideoInfo info, byte[] frame, int level) {
        PngEnc enc = new PngEnc();
        enc.set(PngEnc.COMPRESSION_LEVEL, level);
        try (Harness h = new Harness(enc)) {
            h.setSrcCaps(info.toCaps());
            h.play();
            return h.pushAndPull(Buffer.wrap(frame)).toByteArray();
        }
    }
}
