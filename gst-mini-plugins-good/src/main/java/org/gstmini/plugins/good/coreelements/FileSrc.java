package org.gstmini.plugins.good.coreelements;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.gstmini.base.BaseSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file: {@code blocksize} bytes per buffer, from any offset. Mirrors {@code GstFileSrc}
 * (plugins/elements/gstfilesrc.c), built on {@link BaseSrc} with a {@link FileChannel}.
 *
 * <pre>
 * gst-launch filesrc location=in.bin ! filesink location=copy.bin          # copy a file
 * gst-launch filesrc location=in.bin blocksize=65536 ! fakesink            # read it in 64 KiB pieces
 * </pre>
 *
 * <h2>Bytes, offsets and pull mode</h2>
 * The source works in {@link org.gstmini.core.Format#BYTES BYTES}, BaseSrc's default: the
 * segment counts bytes, each buffer carries its byte range as {@code offset}/{@code offset-end},
 * and a SEEK in BYTES moves the read position. A regular file knows its size and can be read
 * at any offset, so the source is <em>seekable</em> and <em>random access</em>: besides pushing
 * from its own streaming thread, it can be driven in <b>pull mode</b>, where a downstream
 * element (a demuxer, a parser) asks for {@code length} bytes at {@code offset} with
 * {@link org.gstmini.core.Pad#pullRange} from its own thread. Both modes end up in
 * {@link #createRange(long, int)}: a positional read, shorter at the end of the file; a read
 * at or past the end is EOS (BaseSrc answers that from {@link #getSize()} before asking).
 * A FIFO or a device is not seekable: it is read sequentially in push mode only.
 *
 * <h2>Errors</h2>
 * As in {@code gst_file_src_start}, a file that cannot be opened makes READY→PAUSED fail after
 * an ERROR message that names the file: no {@code location} (RESOURCE_NOT_FOUND "No file name
 * specified for reading."), a missing file (RESOURCE_NOT_FOUND), a directory (RESOURCE_OPEN_READ
 * "\"%s\" is a directory."), no permission and other open errors (RESOURCE_OPEN_READ "Could not
 * open file \"%s\" for reading."); the debug text carries the operating system's reason. A read
 * error while streaming is RESOURCE_READ and stops the stream.
 *
 * <p>Not implemented: GStreamer 0.10's {@code fd}, {@code mmapsize}, {@code touch} and
 * {@code use-mmap} (gone from 1.x too), the deprecated {@code typefind}, and the {@code file://}
 * URI handler.
 */
public final class FileSrc extends BaseSrc {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.filesrc");

    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("filesrc", FileSrc::new)
            .longName("File Source").klass("Source/File").description("Read from arbitrary point in a file")
            .author("gst-mini").rank(Rank.PRIMARY).padTemplate(SRC_TEMPLATE).build();

    /** {@code GstFileSrc:location}: the file to read; only changeable in NULL or READY. */
    public static final Property<String> LOCATION = Property.ofString("location", "Location of the file to read", null);

    // State: created in start(), dropped in stop(). The streaming thread (or the pulling
    // thread) reads it; start/stop run while no thread is inside createRange.
    private volatile FileChannel channel;
    private volatile String filename;
    private volatile boolean seekable;
    /** Where a sequential (non-seekable) read continues ({@code read_position}). */
    private long readPosition;

    public FileSrc() {
        super(SRC_TEMPLATE);
        installProperty(LOCATION);
    }

    // ---------------------------------------------------------------- BaseSrc hooks

    /** Opens the file ({@code gst_file_src_start}); false after posting an ERROR that says why. */
    @Override
    protected boolean start() {
        String location = get(LOCATION);
        if (location == null || location.isEmpty()) {
            postError(ErrorCode.RESOURCE_NOT_FOUND, "No file name specified for reading.",
                    "set the location property to the file to read");
            return false;
        }
        String cannotOpen = "Could not open file \"" + location + "\" for reading.";
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            postError(ErrorCode.RESOURCE_OPEN_READ, cannotOpen, "invalid file name: " + e.getMessage());
            return false;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            postError(ErrorCode.RESOURCE_NOT_FOUND, cannotOpen,
                    "No such file \"" + location + "\" (" + FileSink.systemError(e) + ")");
            return false;
        } catch (IOException | SecurityException e) {
            postError(ErrorCode.RESOURCE_OPEN_READ, cannotOpen, FileSink.systemError(e));
            return false;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            closeQuietly(ch);
            postError(ErrorCode.RESOURCE_OPEN_READ, "Could not get info on \"" + location + "\".",
                    FileSink.systemError(e));
            return false;
        }
        if (attrs.isDirectory()) {
            closeQuietly(ch);
            postError(ErrorCode.RESOURCE_OPEN_READ, "\"" + location + "\" is a directory.",
                    "system error: Is a directory");
            return false;
        }
        // Only a regular file has a length and can be read at any offset (is_regular, lseek test).
        boolean canSeek = attrs.isRegularFile();
        if (canSeek) {
            try {
                ch.position(ch.size());
                ch.position(0);
            } catch (IOException e) {
                LOG.debug("{}: disabling seeking, position() failed: {}", getName(), e.getMessage());
                canSeek = false;
            }
        }
        channel = ch;
        filename = location;
        seekable = canSeek;
        readPosition = 0;
        // A regular file may still grow while we read it: ask its size again near the end.
        setDynamicSize(canSeek);
        LOG.debug("{}: opened {}, seekable {}", getName(), location, canSeek);
        return true;
    }

    /** Closes the file ({@code gst_file_src_stop}). */
    @Override
    protected boolean stop() {
        FileChannel ch = channel;
        channel = null;
        seekable = false;
        if (ch != null) {
            closeQuietly(ch);
        }
        return true;
    }

    /** A regular file is seekable, which also makes pull mode possible ({@code gst_file_src_is_seekable}). */
    @Override
    protected boolean isSeekable() {
        return seekable;
    }

    /** The file's current size; unknown (-1) unless it is a seekable regular file ({@code gst_file_src_get_size}). */
    @Override
    protected long getSize() {
        FileChannel ch = channel;
        if (ch == null || !seekable) {
            return -1;
        }
        try {
            return ch.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads up to {@code length} bytes at {@code offset} ({@code gst_file_src_fill}): fewer at
     * the end of the file, EOS when nothing is left. The buffer's offset and offset-end are
     * the byte range it holds.
     */
    @Override
    protected Buffer createRange(long offset, int length) throws FlowException {
        FileChannel ch = channel;
        if (ch == null) {
            throw new FlowException(FlowReturn.FLUSHING, getName() + ": the file is not open");
        }
        ByteBuffer data = ByteBuffer.allocate(Math.max(0, length));
        int total = 0;
        try {
            if (seekable) {
                while (data.hasRemaining()) {
                    int n = ch.read(data, offset + total);
                    if (n <= 0) {
                        break; // end of file: return what we have
                    }
                    total += n;
                }
            } else {
                if (offset != -1 && offset != readPosition) {
                    postError(ErrorCode.RESOURCE_READ, null, "system error: Illegal seek (cannot go from byte "
                            + readPosition + " to " + offset + " in \"" + filename + "\", it is not seekable)");
                    throw new FlowException(FlowReturn.ERROR, getName() + ": cannot seek in " + filename);
                }
                while (data.hasRemaining()) {
                    int n = ch.read(data);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                readPosition += total;
            }
        } catch (ClosedChannelException e) {
            throw new FlowException(FlowReturn.FLUSHING, getName() + ": the file was closed");
        } catch (IOException e) {
            postError(ErrorCode.RESOURCE_READ, null, "Error reading \"" + filename + "\" at byte " + (offset + total)
                    + ": " + FileSink.systemError(e));
            throw new FlowException(FlowReturn.ERROR, getName() + ": read error: " + e.getMessage());
        }
        if (total == 0 && length > 0) {
            throw new FlowException(FlowReturn.EOS, getName() + ": end of file at byte " + offset);
        }
        data.flip();
        long start = offset == -1 ? readPosition - total : offset;
        return Buffer.of(data).withOffsets(start, start + total);
    }

    private void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.warn("{}: closing {} failed: {}", getName(), filename, e.getMessage());
        }
    }
}
