package org.gstmini.plugins.good.png;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.gstmini.base.video.VideoInfo;

/**
 * Writes one raw frame as a PNG file: signature, {@code IHDR}, one {@code IDAT} with the
 * zlib-compressed rows, {@code IEND} (the PNG specification, ISO/IEC 15948, chapters 5, 11).
 * What libpng does for {@code gst_pngenc_handle_frame}, kept to the settings pngenc uses:
 * no interlacing and filter type "None" on every row ({@code png_set_filter(.., PNG_FILTER_NONE)}
 * in gstpngenc.c: fast, and frames of synthetic video compress well without it).
 *
 * <pre>
 *   row on the wire = filter byte 0, then the row's samples, no padding
 *   RGB → colour type 2, RGBA → 6, GRAY8 → 0 (all 8 bits)
 *   GRAY16_LE → colour type 0, 16 bits, bytes swapped: PNG samples are big-endian
 * </pre>
 *
 * Commons Imaging's PngWriter is not used: it takes a BufferedImage, picks the colour type
 * itself (a palette for few colours) and has no compression level.
 */
final class PngWriting {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngWriting() {
    }

    /** The PNG bytes of the frame {@code frame} laid out as {@code info}; {@code level} is zlib's 0..9. */
    static byte[] encode(VideoInfo info, ByteBuffer frame, int level) {
        int colorType;
        int bitDepth = 8;
        switch (info.format()) {
            case RGB -> colorType = 2;
            case RGBA -> colorType = 6;
            case GRAY8 -> colorType = 0;
            case GRAY16_LE -> {
                colorType = 0;
                bitDepth = 16;
            }
            default -> throw new IllegalArgumentException("pngenc cannot write " + info.format());
        }
        int rowBytes = info.width() * info.format().pixelStride();
        byte[] row = new byte[1 + rowBytes]; // row[0] = 0: filter "None"
        Deflater deflater = new Deflater(level);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(info.size() / 4 + 64);
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int y = 0; y < info.height(); y++) {
                frame.get(frame.position() + info.offset(0) + y * info.stride(0), row, 1, rowBytes);
                if (bitDepth == 16) {
                    for (int i = 1; i < row.length; i += 2) {
                        byte low = row[i];
                        row[i] = row[i + 1];
                        row[i + 1] = low;
                    }
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    idat.write(chunk, 0, deflater.deflate(chunk));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end();
        }
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(info.width()).putInt(info.height())
                .put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        writeChunk(png, "IHDR", ihdr.array());
        writeChunk(png, "IDAT", idat.toByteArray());
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** length, type, data, CRC-32 of type and data. */
    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
