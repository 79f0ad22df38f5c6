package org.gstmini.plugins.good.coreelements;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Rank;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the stream to a file. Mirrors {@code GstFileSink} (plugins/elements/gstfilesink.c),
 * built on {@link BaseSink} with a {@link FileChannel}.
 *
 * <pre>
 * gst-launch filesrc location=in.bin ! filesink location=copy.bin
 * gst-launch videotestsrc num-buffers=1 ! filesink location=frame.raw append=true
 * </pre>
 *
 * <h2>When the file is open</h2>
 * Like every BaseSink, {@link #start()} runs on NULL→READY and {@link #stop()} on READY→NULL:
 * the file is created (or truncated, or opened for appending with {@code append=true}) as soon
 * as the sink reaches READY, and closed when it goes back to NULL. As GStreamer's filesink it
 * does not synchronise on the clock ({@code sync=false}): a file takes the bytes as fast as
 * they come.
 *
 * <h2>Buffering, and never losing accepted data</h2>
 * {@code buffer-mode} and {@code buffer-size} say how bytes are collected before they are
 * written ({@link FileSinkBufferMode}): by default incoming buffers are kept until more than
 * {@code buffer-size} (64 KiB) bytes wait, then written with one gathering write; {@code full}
 * copies them into a buffer of that size; {@code unbuffered} writes each buffer at once. The
 * collected bytes are written out before a seek, on <b>EOS</b> (and then forced to the disk,
 * before the EOS message is posted: an application that sees EOS can read the complete file),
 * on PAUSED→READY and when the file is closed — also after an error elsewhere in the pipeline,
 * so what was accepted before stays in the file.
 *
 * <h2>Events</h2>
 * As {@code gst_file_sink_event}: a SEGMENT in BYTES moves the write position to the segment's
 * start (a muxer rewriting its header at the beginning of the file does that); a SEGMENT in
 * TIME changes nothing. FLUSH_STOP means the stream starts over: as in GStreamer, a seekable
 * file that has data is truncated to 0 and the bytes still waiting in the buffer are dropped —
 * a flush throws away what is in flight; the next BYTES SEGMENT says where writing resumes.
 *
 * <h2>Errors</h2>
 * No {@code location}: RESOURCE_NOT_FOUND "No file name specified for writing."; a file that
 * cannot be created: RESOURCE_OPEN_WRITE "Could not open file \"%s\" for writing." with the
 * operating system's reason as debug text (both fail NULL→READY); a full disk:
 * RESOURCE_NO_SPACE_LEFT; any other write error: RESOURCE_WRITE; a failed seek: RESOURCE_SEEK.
 *
 * <p>Not implemented: {@code max-transient-error-timeout} is accepted but writes are not
 * retried, the 1.24 {@code file-mode} property, buffer lists, {@code SYNC_AFTER} buffers and the
 * {@code file://} URI handler.
 */
public final class FileSink extends BaseSink {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.filesink");

    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("filesink", FileSink::new)
            .longName("File Sink").klass("Sink/File").description("Write stream to a file")
            .author("gst-mini").rank(Rank.PRIMARY).padTemplate(SINK_TEMPLATE).build();

    /** {@code GST_FILE_SINK}'s DEFAULT_BUFFER_SIZE. */
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

    public static final Property<String> LOCATION = Property.ofString("location", "Location of the file to write",
            null);
    public static final Property<FileSinkBufferMode> BUFFER_MODE = Property.ofEnum("buffer-mode",
            "The buffering mode to use", FileSinkBufferMode.DEFAULT);
    public static final Property<Integer> BUFFER_SIZE = Property.ofInt("buffer-size",
            "Size of buffer in number of bytes for line or full buffer-mode", 0, Integer.MAX_VALUE,
            DEFAULT_BUFFER_SIZE);
    public static final Property<Boolean> APPEND = Property.ofBoolean("append", "Append to an already existing file",
            false);
    public static final Property<Boolean> O_SYNC = Property.ofBoolean("o-sync",
            "Open the file with O_SYNC for enabling synchronous IO", false);
    /** Accepted for compatibility; gst-mini does not retry writes. */
    public static final Property<Integer> MAX_TRANSIENT_ERROR_TIMEOUT = Property.ofInt("max-transient-error-timeout",
            "Retry up to this many ms on transient errors (currently EACCES)", 0, Integer.MAX_VALUE, 0);

    /** The largest chunk allocated up front for buffer-mode=full; the buffer grows up to buffer-size. */
    private static final int INITIAL_FULL_BUFFER = 64 * 1024;

    /** Guards the state below: the streaming thread writes, queries and state changes read or close. */
    private final Object lock = new Object();

    // State: created in start() (NULL→READY), dropped in stop(). Used by the streaming thread
    // with the stream lock held, and by state changes once the streaming thread has left.
    private FileChannel channel;
    private String filename;
    private boolean seekable;
    private boolean regularFile;
    /** Where the next write lands in the file ({@code current_pos}). */
    private long currentPos;
    private FileSinkBufferMode mode = FileSinkBufferMode.DEFAULT;
    private int bufferSize = DEFAULT_BUFFER_SIZE;
    /** buffer-mode=full/line: bytes copied in, not yet written ({@code buffer}). */
    private ByteBuffer fullBuffer;
    /** buffer-mode=default: payloads kept, not yet written ({@code buffer_list}). */
    private final List<ByteBuffer> pending = new ArrayList<>();
    /** Bytes waiting in fullBuffer or pending ({@code current_buffer_size}). */
    private long pendingSize;

    public FileSink() {
        super(SINK_TEMPLATE);
        installProperty(LOCATION, BUFFER_MODE, BUFFER_SIZE, APPEND, O_SYNC, MAX_TRANSIENT_ERROR_TIMEOUT);
        set(SYNC, false); // gst_base_sink_set_sync (FALSE) in gst_file_sink_init
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == LOCATION && isOpen()) {
            LOG.warn("{}: changing the 'location' property on filesink when a file is open is not supported; "
                    + "{} stays open, the new location is used the next time the sink starts", getName(), filename);
        }
    }

    private boolean isOpen() {
        synchronized (lock) {
            return channel != null;
        }
    }

    // ---------------------------------------------------------------- BaseSink hooks

    /** Opens the file, on NULL→READY ({@code gst_file_sink_start}, {@code gst_file_sink_open_file}). */
    @Override
    protected boolean start() {
        synchronized (lock) {
            String location = get(LOCATION);
            if (location == null || location.isEmpty()) {
                postError(ErrorCode.RESOURCE_NOT_FOUND, "No file name specified for writing.",
                        "set the location property to the file to write");
                return false;
            }
            String cannotOpen = "Could not open file \"" + location + "\" for writing.";
            List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
            options.add(get(APPEND) ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            if (get(O_SYNC)) {
                options.add(StandardOpenOption.SYNC);
            }
            FileChannel ch;
            try {
                Path path = Path.of(location);
                ch = FileChannel.open(path, options.toArray(OpenOption[]::new));
                regularFile = Files.isRegularFile(path);
            } catch (InvalidPathException e) {
                postError(ErrorCode.RESOURCE_OPEN_WRITE, cannotOpen, "invalid file name: " + e.getMessage());
                return false;
            } catch (IOException | SecurityException e) {
                postError(ErrorCode.RESOURCE_OPEN_WRITE, cannotOpen, systemError(e));
                return false;
            }
            channel = ch;
            filename = location;
            currentPos = 0;
            try {
                ch.position(0); // "try to seek in the file to figure out if it is seekable"
                seekable = true;
            } catch (IOException e) {
                seekable = false;
            }
            mode = get(BUFFER_MODE);
            bufferSize = get(BUFFER_SIZE);
            if (bufferSize == 0) {
                bufferSize = DEFAULT_BUFFER_SIZE; // as gst_file_sink_open_file
            }
            fullBuffer = null;
            pending.clear();
            pendingSize = 0;
            if (mode == FileSinkBufferMode.FULL || mode == FileSinkBufferMode.LINE) {
                fullBuffer = ByteBuffer.allocate(Math.min(bufferSize, INITIAL_FULL_BUFFER));
            }
            LOG.debug("{}: opened {}, seekable {}, buffer-mode {}, buffer-size {}", getName(), location, seekable,
                    Property.nickOf(mode), bufferSize);
            return true;
        }
    }

    /** Writes what is left and closes the file, on READY→NULL ({@code gst_file_sink_close_file}). */
    @Override
    protected boolean stop() {
        synchronized (lock) {
            closeFile();
            return true;
        }
    }

    /** {@code gst_file_sink_render}: queue the bytes, or write them, as buffer-mode says. */
    @Override
    protected FlowReturn render(Buffer buffer) {
        synchronized (lock) {
            if (channel == null) {
                postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + filename + "\".",
                        "the file is not open");
                return FlowReturn.ERROR;
            }
            int size = buffer.size();
            if (size == 0) {
                return FlowReturn.OK;
            }
            switch (mode) {
                case UNBUFFERED -> {
                    return flushBuffer() ? write(buffer.payload()) : FlowReturn.ERROR;
                }
                case FULL, LINE -> {
                    if (pendingSize + size > bufferSize && !flushBuffer()) {
                        return FlowReturn.ERROR;
                    }
                    if (size > bufferSize) {
                        return write(buffer.payload()); // bigger than the whole buffer: write it directly
                    }
                    ensureFullBufferRoom(size);
                    fullBuffer.put(buffer.payload());
                    pendingSize += size;
                    return FlowReturn.OK;
                }
                default -> {
                    pending.add(buffer.payload());
                    pendingSize += size;
                    if (pendingSize > bufferSize && !flushBuffer()) {
                        return FlowReturn.ERROR;
                    }
                    return FlowReturn.OK;
                }
            }
        }
    }

    /**
     * {@code gst_file_sink_event}: BYTES segments position the writes, FLUSH_STOP starts the file
     * over, EOS writes everything out (and forces it to disk) before BaseSink posts the EOS message.
     */
    @Override
    protected boolean event(Event event) {
        if (event instanceof Event.SegmentEvent s) {
            if (!handleSegment(s.segment())) {
                return false;
            }
        } else if (event instanceof Event.FlushStopEvent) {
            if (!handleFlushStop()) {
                return false;
            }
        } else if (event instanceof Event.EosEvent) {
            if (!handleEos()) {
                return false;
            }
        }
        return super.event(event);
    }

    /** POSITION in BYTES (written plus waiting bytes) and SEEKING in BYTES ({@code gst_file_sink_query}). */
    @Override
    protected boolean sinkQuery(Query query) {
        if (query instanceof Query.PositionQuery q && (q.format() == Format.BYTES || q.format() == Format.DEFAULT)) {
            synchronized (lock) {
                q.setPosition(currentPos + pendingSize);
            }
            return true;
        }
        if (query instanceof Query.SeekingQuery q) {
            synchronized (lock) {
                q.set((q.format() == Format.BYTES || q.format() == Format.DEFAULT) && seekable, 0, -1);
            }
            return true;
        }
        return super.sinkQuery(query);
    }

    /** Also writes out the waiting bytes when the stream stops (PAUSED→READY), so the file is complete in READY. */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.PAUSED_TO_READY) {
            synchronized (lock) {
                if (channel != null && !flushBuffer()) {
                    LOG.warn("{}: could not write the buffered bytes to {} when stopping", getName(), filename);
                }
            }
        }
        return ret;
    }

    // ---------------------------------------------------------------- events

    private boolean handleSegment(Segment segment) {
        synchronized (lock) {
            if (segment.getFormat() != Format.BYTES || channel == null) {
                LOG.debug("{}: ignored SEGMENT in {}", getName(), segment.getFormat());
                return true;
            }
            long start = segment.getStart();
            if (currentPos + pendingSize == start) {
                return true; // no seek needed
            }
            try {
                if (!doSeek(start)) {
                    return false;
                }
            } catch (IOException e) {
                postError(ErrorCode.RESOURCE_SEEK, "Error while seeking in file \"" + filename + "\".", systemError(e));
                return false;
            }
            return true;
        }
    }

    private boolean handleFlushStop() {
        synchronized (lock) {
            if (channel == null) {
                return true;
            }
            if (currentPos != 0 && seekable) {
                try {
                    if (!doSeek(0)) {
                        return false;
                    }
                    channel.truncate(0);
                } catch (IOException e) {
                    postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + filename + "\".",
                            systemError(e));
                    return false;
                }
            }
            dropBuffered();
            return true;
        }
    }

    private boolean handleEos() {
        synchronized (lock) {
            if (channel == null) {
                return true;
            }
            if (!flushBuffer()) {
                return false;
            }
            if (regularFile) {
                try {
                    channel.force(false); // the file is complete on disk before the EOS message
                } catch (IOException e) {
                    postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + filename + "\".",
                            systemError(e));
                    return false;
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the waiting bytes ({@code gst_file_sink_flush_buffer}); false after posting an ERROR.
     * The bytes are forgotten either way.
     */
    private boolean flushBuffer() {
        if (pendingSize == 0) {
            return true;
        }
        FlowReturn ret;
        if (fullBuffer != null) {
            fullBuffer.flip();
            ret = write(fullBuffer);
            fullBuffer.clear();
        } else {
            ret = write(pending.toArray(ByteBuffer[]::new));
            pending.clear();
        }
        pendingSize = 0;
        return ret == FlowReturn.OK;
    }

    private void dropBuffered() {
        if (fullBuffer != null) {
            fullBuffer.clear();
        }
        pending.clear();
        pendingSize = 0;
    }

    private void ensureFullBufferRoom(int size) {
        if (fullBuffer.remaining() >= size) {
            return;
        }
        long needed = (long) fullBuffer.position() + size;
        int capacity = (int) Math.min(bufferSize, Math.max(needed, 2L * fullBuffer.capacity()));
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        fullBuffer.flip();
        bigger.put(fullBuffer);
        fullBuffer = bigger;
    }

    /** Writes all of {@code data} at the current position ({@code gst_writev_*}); ERROR after posting it. */
    private FlowReturn write(ByteBuffer... data) {
        long remaining = 0;
        for (ByteBuffer b : data) {
            remaining += b.remaining();
        }
        try {
            while (remaining > 0) {
                long n = channel.write(data);
                currentPos += n;
                remaining -= n;
            }
            return FlowReturn.OK;
        } catch (IOException e) {
            postWriteError(e);
            return FlowReturn.ERROR;
        }
    }

    private void postWriteError(IOException e) {
        String reason = systemError(e);
        if (isNoSpace(e)) {
            postError(ErrorCode.RESOURCE_NO_SPACE_LEFT, null,
                    "Error while writing to file \"" + filename + "\" at byte " + currentPos + ": " + reason);
        } else {
            postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + filename + "\".",
                    "at byte " + currentPos + ": " + reason);
        }
    }

    /** Writes the waiting bytes, then moves the write position ({@code gst_file_sink_do_seek}). */
    private boolean doSeek(long offset) throws IOException {
        LOG.debug("{}: seeking to offset {}", getName(), offset);
        if (!flushBuffer()) {
            return false;
        }
        channel.position(offset);
        currentPos = channel.position();
        return true;
    }

    private void closeFile() {
        FileChannel ch = channel;
        if (ch == null) {
            return;
        }
        if (!flushBuffer()) {
            postError(ErrorCode.RESOURCE_CLOSE, "Error closing file \"" + filename + "\".", null);
        }
        try {
            ch.close();
        } catch (IOException e) {
            postError(ErrorCode.RESOURCE_CLOSE, "Error closing file \"" + filename + "\".", systemError(e));
        }
        LOG.debug("{}: closed {}", getName(), filename);
        channel = null;
        fullBuffer = null;
        pending.clear();
        pendingSize = 0;
    }

    // ---------------------------------------------------------------- helpers shared by the file elements

    /**
     * The operating system's reason for a failed file operation, as GStreamer's
     * {@code GST_ERROR_SYSTEM} prints it: {@code "system error: No such file or directory"}.
     * Java reports errno in different shapes (an exception class, a reason, a message); this
     * turns them back into the C library's wording.
     */
    public static String systemError(Exception e) {
        return "system error: " + reason(e);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "Too many levels of symbolic links";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof SecurityException) {
            return "Permission denied (" + e.getMessage() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** ENOSPC (and EDQUOT, which is the same thing for the user): the disk or the quota is full. */
    public static boolean isNoSpace(Exception e) {
        String m = reason(e).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("disk quota exceeded");
    }
}
