package org.gstmini.plugins.good.multifile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.plugins.good.coreelements.FileSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the stream into a sequence of numbered files. Mirrors {@code GstMultiFileSink}
 * (gst-plugins-good, gst/multifile/gstmultifilesink.c), built on {@link BaseSink}.
 *
 * <pre>
 * gst-launch videotestsrc num-buffers=10 ! multifilesink location=frame%05d.raw    # one file per buffer
 * gst-launch ... ! mpegtsmux ! multifilesink next-file=key-frame location=seg%d.ts max-files=5
 * </pre>
 *
 * <h2>File names</h2>
 * {@code location} is a printf template with (at most) one integer conversion, replaced by the
 * file's index: {@code %d}, {@code %05d}, {@code %x} (also {@code %i %u %X %o}, with flags,
 * width and precision as in C); {@code %%} is a literal percent sign. {@code index} starts at
 * its property value and grows by one per file; reading the property gives the next index.
 * A template with no conversion always writes the same file (a "latest snapshot"), as
 * GStreamer allows; anything else (two conversions, {@code %s}, {@code %lld}, {@code %*d})
 * makes NULL→READY fail with RESOURCE_SETTINGS "Invalid location" and a debug text that says
 * what is wrong.
 *
 * <h2>When a new file starts ({@code next-file}, {@link MultiFileSinkNext})</h2>
 * <ul>
 *   <li>{@code buffer} (default): each buffer is written, whole, to its own file (replaced
 *       atomically, like {@code g_file_set_contents}).</li>
 *   <li>{@code discont}: a DISCONT buffer closes the current file.</li>
 *   <li>{@code key-frame}: a key frame (a buffer without DELTA_UNIT) with a valid timestamp
 *       closes the current file once {@code min-keyframe-distance} (10 s by default) has
 *       passed since the last split; use {@code min-keyframe-distance=0} to split at every
 *       key frame.</li>
 *   <li>{@code key-unit-event}: a downstream {@code GstForceKeyUnit} custom event closes it.</li>
 *   <li>{@code max-size} / {@code max-duration}: the file would grow past
 *       {@code max-file-size} bytes / {@code max-file-duration} ns with the next buffer.</li>
 * </ul>
 * In the streaming modes the last file is closed on EOS. With {@code max-files=N} only the
 * newest N files are kept: older ones are deleted as new ones are opened.
 *
 * <h2>Stream headers</h2>
 * Buffers flagged HEADER (a muxer's stream header) are remembered, and written again at the
 * start of every file after the first in key-frame, max-size and max-duration modes, so each
 * file can be decoded on its own. (GStreamer takes them from the caps' {@code streamheader}
 * field; gst-mini's caps cannot hold buffers, so the HEADER flag marks them.)
 *
 * <h2>Messages</h2>
 * With {@code post-messages=true}, an ELEMENT message {@code GstMultiFileSink} is posted for
 * each file written, with {@code filename}, {@code index}, {@code timestamp},
 * {@code stream-time}, {@code running-time}, {@code duration}, {@code offset} and
 * {@code offset-end} (-1 for "none"). As in GStreamer, in the streaming modes the message is
 * posted when a file is closed and describes the buffer that closed it (or, on EOS, the
 * segment's position).
 *
 * <p>Not implemented: {@code aggregate-gops} is accepted but buffers are processed one by one;
 * buffer lists.
 */
public final class MultiFileSink extends BaseSink {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.multifilesink");

    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("multifilesink", MultiFileSink::new)
            .longName("Multi-File Sink").klass("Sink/File")
            .description("Write buffers to a sequentially named set of files")
            .author("gst-mini").padTemplate(SINK_TEMPLATE).build();

    /** The name of the ELEMENT message posted with {@code post-messages=true}. */
    public static final String MESSAGE_NAME = "GstMultiFileSink";

    public static final Property<String> LOCATION = Property.ofString("location", "Location of the file to write",
            "%05d");
    public static final Property<Integer> INDEX = Property.ofInt("index", "Index to use with location property to "
            + "create file names.  The index is incremented by one for each buffer written.", 0, Integer.MAX_VALUE, 0);
    public static final Property<Boolean> POST_MESSAGES = Property.ofBoolean("post-messages",
            "Post a message for each file with information of the buffer", false);
    public static final Property<MultiFileSinkNext> NEXT_FILE = Property.ofEnum("next-file", "When to start a new file",
            MultiFileSinkNext.BUFFER);
    public static final Property<Integer> MAX_FILES = Property.ofInt("max-files", "Maximum number of files to keep on "
            + "disk. Once the maximum is reached,old files start to be deleted to make room for new ones.",
            0, Integer.MAX_VALUE, 0);
    public static final Property<Long> MAX_FILE_SIZE = Property.ofLong("max-file-size",
            "Maximum file size before starting a new file in max-size mode", 0, Long.MAX_VALUE,
            2L * 1024 * 1024 * 1024);
    /** GStreamer's default is GST_CLOCK_TIME_NONE (no limit); here -1, {@link ClockTime#NONE}. */
    public static final Property<Long> MAX_FILE_DURATION = Property.ofLong("max-file-duration",
            "Maximum file duration before starting a new file in max-duration mode (in nanoseconds)",
            -1, Long.MAX_VALUE, ClockTime.NONE);
    /** Accepted for compatibility; gst-mini does not aggregate GOPs. */
    public static final Property<Boolean> AGGREGATE_GOPS = Property.ofBoolean("aggregate-gops",
            "Whether to aggregate GOPs and process them as a whole without splitting", false);
    public static final Property<Long> MIN_KEYFRAME_DISTANCE = Property.ofLong("min-keyframe-distance",
            "Minimum distance between keyframes to start a new file", 0, Long.MAX_VALUE, 10 * ClockTime.SECOND);

    /** Guards the state below: the streaming thread writes, state changes close. */
    private final Object lock = new Object();
    /** The next file's index: the {@code index} property, counted up as files are written. */
    private volatile int index;

    // State: set up in start(), dropped in stop().
    private MultiFileLocation template;
    private MultiFileSinkNext nextFile = MultiFileSinkNext.BUFFER;
    private FileChannel file;
    private String fileName;
    private long curFileSize;
    private long filePts = ClockTime.NONE;
    private long nextSegment = ClockTime.NONE;
    private int forceKeyUnitCount = -1;
    private final Deque<Path> oldFiles = new ArrayDeque<>();
    private final List<Buffer> streamHeaders = new ArrayList<>();
    private boolean lastWasHeader;

    public MultiFileSink() {
        super(SINK_TEMPLATE);
        installProperty(LOCATION, INDEX, POST_MESSAGES, NEXT_FILE, MAX_FILES, MAX_FILE_SIZE, MAX_FILE_DURATION,
                AGGREGATE_GOPS, MIN_KEYFRAME_DISTANCE);
        set(SYNC, false); // gst_base_sink_set_sync (FALSE) in gst_multi_file_sink_init
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == INDEX) {
            index = (Integer) value;
        } else if (property == AGGREGATE_GOPS && Boolean.TRUE.equals(value)) {
            LOG.warn("{}: aggregate-gops is not implemented in gst-mini: buffers are written one by one", getName());
        }
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == INDEX) {
            return index;
        }
        return super.readProperty(property);
    }

    /**
     * The file name for {@code index}: {@code template} with its integer conversion replaced, as
     * C's {@code printf} would ({@code g_strdup_printf (location, index)}).
     *
     * @throws IllegalArgumentException if the template is not one gst-mini accepts (see the class comment)
     */
    public static String formatLocation(String template, int index) {
        return MultiFileLocation.parse(template).format(index);
    }

    // ---------------------------------------------------------------- BaseSink hooks

    /** Checks the location template ({@code gst_multi_file_sink_start}). */
    @Override
    protected boolean start() {
        String location = get(LOCATION);
        MultiFileLocation parsed;
        try {
            parsed = MultiFileLocation.parse(location);
        } catch (IllegalArgumentException e) {
            postError(ErrorCode.RESOURCE_SETTINGS, "Invalid location",
                    "location \"" + location + "\": " + e.getMessage());
            return false;
        }
        synchronized (lock) {
            template = parsed;
            file = null;
            curFileSize = 0;
            filePts = ClockTime.NONE;
            nextSegment = ClockTime.NONE;
            forceKeyUnitCount = -1;
            oldFiles.clear();
            streamHeaders.clear();
            lastWasHeader = false;
        }
        return true;
    }

    /** Closes the open file, forgets headers and the list of old files ({@code gst_multi_file_sink_stop}). */
    @Override
    protected boolean stop() {
        synchronized (lock) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warn("{}: closing {} failed: {}", getName(), fileName, e.getMessage());
                }
                file = null;
            }
            streamHeaders.clear();
            oldFiles.clear();
            forceKeyUnitCount = -1;
        }
        return true;
    }

    /** {@code gst_multi_file_sink_render}: remember stream headers, then write. */
    @Override
    protected FlowReturn render(Buffer buffer) {
        synchronized (lock) {
            nextFile = get(NEXT_FILE);
            boolean header = buffer.hasFlag(BufferFlag.HEADER);
            if (header) {
                if (!lastWasHeader) {
                    streamHeaders.clear(); // a new set of headers
                }
                streamHeaders.add(buffer);
            }
            lastWasHeader = header;
            return writeBuffer(buffer);
        }
    }

    /** {@code gst_multi_file_sink_event}: force-key-unit splits, EOS closes the last file. */
    @Override
    protected boolean event(Event event) {
        synchronized (lock) {
            if (event.type() == EventType.CUSTOM_DOWNSTREAM && event instanceof Event.CustomEvent c
                    && c.structure().hasName("GstForceKeyUnit") && get(NEXT_FILE) == MultiFileSinkNext.KEY_UNIT_EVENT) {
                if (!forceKeyUnit(c.structure())) {
                    return false;
                }
            } else if (event instanceof Event.EosEvent && file != null) {
                String name = fileName;
                if (!closeFile(null)) {
                    return false;
                }
                Segment segment = getSegment();
                postFileMessage(segment, segment.getPosition(), ClockTime.NONE, -1, -1, name);
            }
        }
        return super.event(event);
    }

    // ---------------------------------------------------------------- writing

    /** {@code gst_multi_file_sink_write_buffer}. Lock held. */
    private FlowReturn writeBuffer(Buffer buffer) {
        boolean firstFile = true;
        switch (nextFile) {
            case BUFFER -> {
                return writeWholeFile(buffer);
            }
            case DISCONT -> {
                if (buffer.hasFlag(BufferFlag.DISCONT) && file != null && !closeFile(buffer)) {
                    return FlowReturn.ERROR;
                }
                if (file == null && !openNextFile()) {
                    return FlowReturn.ERROR;
                }
            }
            case KEY_FRAME -> {
                long ts = buffer.pts();
                long distance = get(MIN_KEYFRAME_DISTANCE);
                if (nextSegment == ClockTime.NONE && ClockTime.isValid(ts)) {
                    nextSegment = ts + distance;
                }
                if (ClockTime.isValid(ts) && ts >= nextSegment && !buffer.hasFlag(BufferFlag.DELTA_UNIT)) {
                    if (file != null) {
                        firstFile = false;
                        if (!closeFile(buffer)) {
                            return FlowReturn.ERROR;
                        }
                    }
                    nextSegment += distance;
                }
                if (file == null && !openWithHeaders(firstFile)) {
                    return FlowReturn.ERROR;
                }
            }
            case KEY_UNIT_EVENT -> {
                // Headers come with the stream when the key unit event asks for all-headers.
                if (file == null && !openNextFile()) {
                    return FlowReturn.ERROR;
                }
            }
            case MAX_SIZE -> {
                long newSize = curFileSize + buffer.size();
                if (newSize > get(MAX_FILE_SIZE) && file != null) {
                    LOG.info("{}: current size {}, new size {}, max. size {}", getName(), curFileSize, newSize,
                            get(MAX_FILE_SIZE));
                    firstFile = false;
                    if (!closeFile(buffer)) {
                        return FlowReturn.ERROR;
                    }
                }
                if (file == null && !openWithHeaders(firstFile)) {
                    return FlowReturn.ERROR;
                }
            }
            case MAX_DURATION -> {
                long newDuration = 0;
                if (ClockTime.isValid(buffer.pts()) && ClockTime.isValid(filePts)) {
                    newDuration = buffer.pts() - filePts;
                    if (ClockTime.isValid(buffer.duration())) {
                        newDuration += buffer.duration();
                    }
                }
                // max-file-duration is unsigned in GStreamer: NONE (-1) is "no limit".
                if (Long.compareUnsigned(newDuration, get(MAX_FILE_DURATION)) > 0 && file != null) {
                    firstFile = false;
                    if (!closeFile(buffer)) {
                        return FlowReturn.ERROR;
                    }
                }
                if (file == null) {
                    if (!openWithHeaders(firstFile)) {
                        return FlowReturn.ERROR;
                    }
                    filePts = buffer.pts();
                }
            }
            default -> throw new IllegalStateException(getName() + ": unknown next-file mode " + nextFile);
        }
        return write(buffer.payload()) ? FlowReturn.OK : FlowReturn.ERROR;
    }

    /** next-file=buffer: the whole buffer becomes one file, replaced atomically ({@code g_file_set_contents}). */
    private FlowReturn writeWholeFile(Buffer buffer) {
        ensureMaxFiles();
        String name = template.format(index);
        Path target;
        try {
            target = Path.of(name);
        } catch (InvalidPathException e) {
            postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + name + "\".",
                    "invalid file name: " + e.getMessage());
            return FlowReturn.ERROR;
        }
        Path tmp = target.resolveSibling(target.getFileName() + "."
                + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                writeFully(ch, buffer.payload());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SecurityException e) {
            deleteQuietly(tmp);
            if (FileSink.isNoSpace(e)) {
                postError(ErrorCode.RESOURCE_NO_SPACE_LEFT, null,
                        "Error while writing to file \"" + name + "\": " + FileSink.systemError(e));
            } else {
                postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + name + "\".",
                        FileSink.systemError(e));
            }
            return FlowReturn.ERROR;
        }
        postBufferMessage(buffer, name);
        addOldFile(target);
        advanceIndex();
        return FlowReturn.OK;
    }

    /** Opens the next file and, unless it is the first, writes the stream headers into it. */
    private boolean openWithHeaders(boolean firstFile) {
        if (!openNextFile()) {
            return false;
        }
        if (!firstFile) {
            for (Buffer h : streamHeaders) {
                if (!write(h.payload())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code gst_multi_file_sink_open_next_file}. Lock held; false after posting an ERROR. */
    private boolean openNextFile() {
        ensureMaxFiles();
        String name = template.format(index);
        Path path;
        try {
            path = Path.of(name);
            file = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (InvalidPathException e) {
            postError(ErrorCode.RESOURCE_OPEN_WRITE, "Could not open file \"" + name + "\" for writing.",
                    "invalid file name: " + e.getMessage());
            return false;
        } catch (IOException | SecurityException e) {
            postError(ErrorCode.RESOURCE_OPEN_WRITE, "Could not open file \"" + name + "\" for writing.",
                    FileSink.systemError(e));
            return false;
        }
        LOG.info("{}: opening file {}", getName(), name);
        fileName = name;
        addOldFile(path);
        curFileSize = 0;
        return true;
    }

    /**
     * {@code gst_multi_file_sink_close_file}: closes the file, posts the message about
     * {@code buffer} (if any) and moves to the next index. Lock held.
     */
    private boolean closeFile(Buffer buffer) {
        FileChannel ch = file;
        String name = fileName;
        file = null;
        try {
            ch.close();
        } catch (IOException e) {
            postError(ErrorCode.RESOURCE_CLOSE, "Error closing file \"" + name + "\".", FileSink.systemError(e));
            advanceIndex();
            return false;
        }
        if (buffer != null) {
            postBufferMessage(buffer, name);
        }
        advanceIndex();
        return true;
    }

    /** Writes to the open file; false after posting an ERROR. Lock held. */
    private boolean write(ByteBuffer data) {
        try {
            curFileSize += writeFully(file, data);
            return true;
        } catch (IOException e) {
            if (FileSink.isNoSpace(e)) {
                postError(ErrorCode.RESOURCE_NO_SPACE_LEFT, "Error while writing to file.",
                        "\"" + fileName + "\": " + FileSink.systemError(e));
            } else {
                postError(ErrorCode.RESOURCE_WRITE, "Error while writing to file \"" + fileName + "\".",
                        FileSink.systemError(e));
            }
            return false;
        }
    }

    private static long writeFully(FileChannel ch, ByteBuffer data) throws IOException {
        long written = 0;
        while (data.hasRemaining()) {
            written += ch.write(data);
        }
        return written;
    }

    /** A GstForceKeyUnit event in key-unit-event mode: close the file, open the next. Lock held. */
    private boolean forceKeyUnit(Structure s) {
        int count = s.has("count") ? ((Number) s.get("count")).intValue() : 0;
        if (forceKeyUnitCount != -1 && forceKeyUnitCount == count) {
            return true; // the same request again
        }
        forceKeyUnitCount = count;
        if (file != null) {
            String name = fileName;
            if (!closeFile(null)) {
                return false;
            }
            postFileMessage(longField(s, "timestamp"), ClockTime.NONE, -1, -1, name, longField(s, "running-time"),
                    longField(s, "stream-time"));
        }
        return file != null || openNextFile();
    }

    private static long longField(Structure s, String field) {
        return s.has(field) && s.get(field) instanceof Number n ? n.longValue() : ClockTime.NONE;
    }

    // ---------------------------------------------------------------- old files and the index

    /** {@code gst_multi_file_sink_add_old_file}: remembered only when max-files limits them. */
    private void addOldFile(Path path) {
        if (get(MAX_FILES) > 0) {
            oldFiles.addLast(path);
        }
    }

    /** {@code gst_multi_file_sink_ensure_max_files}: delete the oldest until there is room for one more. */
    private void ensureMaxFiles() {
        int max = get(MAX_FILES);
        if (max == 0) {
            return;
        }
        while (oldFiles.size() >= max) {
            deleteQuietly(oldFiles.removeFirst());
        }
    }

    private void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | SecurityException e) {
            LOG.warn("{}: could not delete {}: {}", getName(), path, e.getMessage());
        }
    }

    private void advanceIndex() {
        if (index < Integer.MAX_VALUE) {
            index++;
        }
    }

    // ---------------------------------------------------------------- messages

    /** {@code gst_multi_file_sink_post_message}: the message about one buffer's file. */
    private void postBufferMessage(Buffer buffer, String name) {
        if (!get(POST_MESSAGES)) {
            return;
        }
        Segment segment = getSegment();
        postFileMessage(segment, buffer.pts(), buffer.duration(), buffer.offset(), buffer.offsetEnd(), name);
    }

    private void postFileMessage(Segment segment, long timestamp, long duration, long offset, long offsetEnd,
                                 String name) {
        if (!get(POST_MESSAGES)) {
            return;
        }
        postFileMessage(timestamp, duration, offset, offsetEnd, name, runningTime(segment, timestamp),
                streamTime(segment, timestamp));
    }

    /** {@code gst_multi_file_sink_post_message_full}. */
    private void postFileMessage(long timestamp, long duration, long offset, long offsetEnd, String name,
                                 long runningTime, long streamTime) {
        if (!get(POST_MESSAGES)) {
            return;
        }
        Structure s = Structure.of(MESSAGE_NAME)
                .with("filename", name)
                .with("index", index)
                .with("timestamp", timestamp)
                .with("stream-time", streamTime)
                .with("running-time", runningTime)
                .with("duration", duration)
                .with("offset", offset)
                .with("offset-end", offsetEnd);
        postMessage(new Message.ElementMessage(this, s));
    }

    private static long runningTime(Segment segment, long timestamp) {
        if (segment == null || segment.getFormat() == Format.UNDEFINED || !ClockTime.isValid(timestamp)) {
            return ClockTime.NONE;
        }
        try {
            return segment.toRunningTime(segment.getFormat(), timestamp);
        } catch (IllegalArgumentException e) {
            return ClockTime.NONE;
        }
    }

    private static long streamTime(Segment segment, long timestamp) {
        if (segment == null || segment.getFormat() == Format.UNDEFINED || !ClockTime.isValid(timestamp)) {
            return ClockTime.NONE;
        }
        try {
            return segment.toStreamTime(segment.getFormat(), timestamp);
        } catch (IllegalArgumentException e) {
            return ClockTime.NONE;
        }
    }
}
