package org.gstmini.plugins.good.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Message;
import org.gstmini.core.check.Harness;
import org.gstmini.core.caps.Fraction;
import org.gstmini.plugins.good.imagedec.DecodePipeline;
import org.gstmini.plugins.good.imagedec.DecodePipeline.Frame;
import org.gstmini.plugins.good.imagedec.DecodePipeline.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pngdec on PNG files written by javax.imageio, an encoder independent of the decoder: every
 * colour type and bit depth, plain and interlaced, read by filesrc in small blocks, compared
 * pixel for pixel with the samples the files were written from. Then streams of several PNGs,
 * timestamps, and broken files, which must end as a STREAM/DECODE error naming the file.
 */
class PngDecTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} interlaced={1}")
    @CsvSource({
        "RGB8,false", "RGB8,true", "RGBA8,false", "RGBA8,true", "GRAY8,false", "GRAY8,true", "GRAY1,false",
        "GRAY1,true", "GRAY16,false", "GRAY16,true", "GRAY_ALPHA8,false", "RGB16,false", "RGB16,true",
        "RGBA16,false", "PALETTE,false", "PALETTE,true", "PALETTE_TRNS,false",
    })
    void decodesEveryKindExactly(PngImages kind, boolean interlaced) throws IOException {
        PngImages.Sample sample = kind.make(37, 23, interlaced, kind.ordinal() * 31L + (interlaced ? 1 : 0));
        byte[] png = sample.png();
        assertEquals(kind.bitDepth, png[24], "bit depth written by ImageIO");
        assertEquals(kind.colorType, png[25], "colour type written by ImageIO");
        assertEquals(interlaced ? 1 : 0, png[28], "interlace method written by ImageIO");
        Path file = Files.write(dir.resolve(kind + ".png"), png);

        Frame frame = DecodePipeline.run("filesrc location=" + file + " blocksize=100 ! pngdec").only();

        assertEquals(kind.format, frame.info().format());
        assertEquals(37, frame.info().width());
        assertEquals(23, frame.info().height());
        assertEquals(Fraction.ZERO, frame.info().framerate(), "no upstream rate: a still picture");
        assertEquals(0, frame.pts());
        assertArrayEquals(sample.expectedRows(), DecodePipeline.unpadded(frame));
    }

    /** Samples whose low byte matters, and the extremes: reduced to 8 bits, most would collide. */
    private static final int[] GREY16 = {0x0000, 0x0001, 0x00ff, 0x0100, 0x1234, 0x7fff, 0x8000, 0xfeff, 0xfffe, 0xffff};

    @ParameterizedTest(name = "interlaced={0} gAMA={1}")
    @CsvSource({"false,false", "true,false", "false,true"})
    void sixteenBitGreyKeepsEverySampleExactlyAsGray16Le(boolean interlaced, boolean gamma) throws IOException {
        int w = 11; // odd: 22 bytes of samples in a 24-byte row
        int h = 9;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        byte[] expected = new byte[w * h * 2];
        for (int i = 0; i < w * h; i++) {
            int v = GREY16[i % GREY16.length];
            image.getRaster().setSample(i % w, i / w, 0, v);
            expected[2 * i] = (byte) v; // little-endian
            expected[2 * i + 1] = (byte) (v >> 8);
        }
        byte[] png = PngImages.write(image, interlaced);
        assertEquals(16, png[24], "bit depth written by ImageIO");
        assertEquals(interlaced ? 1 : 0, png[28], "interlace method written by ImageIO");
        if (gamma) { // gamma 1/2.2: libpng in GStreamer leaves the samples alone, and so must we
            png = withChunkAfterIhdr(png, "gAMA", ByteBuffer.allocate(4).putInt(45455).array());
        }
        Path file = Files.write(dir.resolve("grey16.png"), png);

        Frame frame = DecodePipeline.run("filesrc location=" + file + " blocksize=50 ! pngdec").only();

        assertEquals(VideoFormat.GRAY16_LE, frame.info().format());
        assertEquals(w, frame.info().width());
        assertEquals(h, frame.info().height());
        assertArrayEquals(expected, DecodePipeline.unpadded(frame));
    }

    /**
     * With tRNS the picture is RGBA: grey from the high byte, transparent where the whole 16-bit
     * sample is the tRNS grey. 0x0012 makes nothing transparent, not even 0x1234 (whose high byte
     * it is: Commons Imaging's mistake).
     */
    @ParameterizedTest(name = "tRNS={0}")
    @ValueSource(ints = {0x1234, 0x0001, 0x0012})
    void sixteenBitGreyWithTransparencyIsRgbaTransparentWhereTheWholeSampleMatches(int transparent)
            throws IOException {
        BufferedImage image = new BufferedImage(GREY16.length, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, GREY16.length, 1, 0, GREY16);
        byte[] png = withChunkAfterIhdr(PngImages.write(image, false), "tRNS",
                new byte[] {(byte) (transparent >> 8), (byte) transparent});
        try (Harness h = new Harness(new PngDec())) {
            h.setSrcCapsStr("image/png");
            h.play();
            byte[] rgba = h.pushAndPull(Buffer.wrap(png)).toByteArray();
            assertEquals(VideoFormat.RGBA,
                    VideoInfo.fromCaps(h.getElement().getStaticPad("src").getCurrentCaps()).format());
            for (int x = 0; x < GREY16.length; x++) {
                byte grey = (byte) (GREY16[x] >> 8);
                byte alpha = (byte) (GREY16[x] == transparent ? 0 : 255);
                assertArrayEquals(new byte[] {grey, grey, grey, alpha}, Arrays.copyOfRange(rgba, 4 * x, 4 * x + 4),
                        "pixel " + x);
            }
        }
    }

    /** {@code png} with one more chunk right after IHDR (which ends at byte 33). */
    private static byte[] withChunkAfterIhdr(byte[] png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + data.length);
        out.put(png, 0, 33).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return out.put(png, 33, png.length - 33).array();
    }

    @Test
    void aStreamOfSeveralPngsGivesOneFrameEachAtTheUpstreamRate() throws IOException {
        byte[] a = PngImages.RGB8.make(8, 6, false, 1).png();
        PngImages.Sample b = PngImages.GRAY8.make(5, 3, false, 2);
        byte[] c = PngImages.RGB8.make(8, 6, true, 3).png();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(a);
        all.writeBytes(b.png());
        all.writeBytes(c);
        Path file = Files.write(dir.resolve("three.bin"), all.toByteArray());

        Result r = DecodePipeline.run("filesrc location=" + file + " blocksize=64 ! image/png,framerate=5/1 ! pngdec");

        assertEquals(null, r.error());
        assertEquals(3, r.frames().size());
        assertEquals(VideoFormat.RGB, r.frames().get(0).info().format());
        assertEquals(VideoFormat.GRAY8, r.frames().get(1).info().format(), "the caps follow each picture");
        assertEquals(VideoFormat.RGB, r.frames().get(2).info().format());
        assertArrayEquals(b.expectedRows(), DecodePipeline.unpadded(r.frames().get(1)));
        for (int i = 0; i < 3; i++) {
            assertEquals(new Fraction(5, 1), r.frames().get(i).info().framerate());
            assertEquals(i * 200 * ClockTime.MSECOND, r.frames().get(i).pts(), "frame " + i);
            assertEquals(200 * ClockTime.MSECOND, r.frames().get(i).duration());
        }
    }

    @Test
    void thePtsComesFromTheInputBuffer() throws IOException {
        byte[] png = PngImages.RGBA8.make(4, 4, false, 9).png();
        try (Harness h = new Harness(new PngDec())) {
            h.setSrcCapsStr("image/png");
            h.play();
            int half = png.length / 2;
            h.push(Buffer.wrap(Arrays.copyOf(png, half)).withPts(7 * ClockTime.SECOND));
            assertEquals(0, h.buffersReceived(), "half a PNG is not a picture yet");
            h.push(Buffer.wrap(Arrays.copyOfRange(png, half, png.length)).withPts(8 * ClockTime.SECOND));
            Buffer out = h.pull();
            assertEquals(7 * ClockTime.SECOND, out.pts(), "the pts of the buffer the picture started in");
            assertEquals(4 * 4 * 4, out.size());
        }
    }

    // ---------------------------------------------------------------- broken input

    @Test
    void aTruncatedFileIsADecodeErrorNamingTheFile() throws IOException {
        byte[] png = PngImages.RGB8.make(40, 30, false, 4).png();
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length - 20));
        Message.Error e = decodeError(file, "truncated");
        assertTrue(e.text().contains("middle of a picture"), e.text());
    }

    @Test
    void aFileThatIsNoPngIsADecodeError() throws IOException {
        Path file = Files.writeString(dir.resolve("text.png"), "hello, I am not a picture\n".repeat(400));
        decodeError(file, "not a PNG");
    }

    @Test
    void aBadHeaderIsADecodeError() throws IOException {
        byte[] png = PngImages.RGB8.make(4, 4, false, 5).png();
        png[25] = 5; // no such colour type
        decodeError(Files.write(dir.resolve("type5.png"), png), "colour type 5");
    }

    @ParameterizedTest
    @EnumSource(value = PngImages.class, names = {"RGB8", "GRAY16"}) // Commons Imaging, javax.imageio
    void corruptCompressedDataIsADecodeError(PngImages kind) throws IOException {
        byte[] png = kind.make(40, 30, false, 6).png();
        int idat = indexOf(png, "IDAT");
        int length = ((png[idat - 4] & 0xff) << 24) | ((png[idat - 3] & 0xff) << 16) | ((png[idat - 2] & 0xff) << 8)
                | (png[idat - 1] & 0xff);
        Arrays.fill(png, idat + 4, idat + 4 + length, (byte) 0xff); // not a zlib stream any more
        Message.Error e = decodeError(Files.write(dir.resolve("idat.png"), png), "corrupt");
        assertTrue(e.text().contains("incorrect header check"), "says what zlib found: " + e.text());
    }

    @Test
    void anAbsurdSizeInTheHeaderIsADecodeErrorNotAnOutOfMemoryError() throws IOException {
        byte[] png = PngImages.RGB8.make(4, 4, false, 7).png();
        png[16] = 0x40; // width 0x40000004
        decodeError(Files.write(dir.resolve("huge.png"), png), "size");
    }

    @Test
    void aFormatDownstreamRefusesIsANegotiationErrorThatSuggestsVideoconvert() throws IOException {
        Path file = Files.write(dir.resolve("rgb.png"), PngImages.RGB8.make(6, 4, false, 8).png());
        Result r = DecodePipeline.run("filesrc location=" + file + " ! pngdec name=dec ! video/x-raw,format=GRAY8");
        assertNotNull(r.error());
        assertEquals("dec", r.error().source().getName());
        assertEquals(ErrorCode.CORE_NEGOTIATION, r.error().code());
        assertTrue(r.error().text().contains("RGB 6x4") && r.error().text().contains("videoconvert"), r.error().text());
    }

    private static Message.Error decodeError(Path file, String reason) {
        Result r = DecodePipeline.run("filesrc location=" + file + " ! pngdec name=dec");
        Message.Error e = r.error();
        assertNotNull(e, "expected an ERROR for " + file.getFileName() + ", got EOS");
        assertEquals("dec", e.source().getName());
        assertEquals(ErrorCode.STREAM_DECODE, e.code());
        assertTrue(e.text().contains(file.toString()), "names the file: " + e.text());
        assertTrue(e.text().contains(reason), "says what was wrong (" + reason + "): " + e.text());
        assertEquals(0, r.frames().size());
        return e;
    }

    private static int indexOf(byte[] data, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}
