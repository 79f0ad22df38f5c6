package org.gstmini.plugins.good.coreelements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSink;
import org.gstmini.base.BaseSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.Rank;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** filesrc through the registry, in push and pull mode, seeking, and its errors. Waits are hang guards only. */
class FileSrcTest {
    private static final long BUS_TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    private Pipeline pipeline;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.setState(State.NULL);
        }
    }

    /** A BaseSink that keeps what it renders; a FLUSH_STOP forgets the buffers rendered before it. */
    static final class RecordingSink extends BaseSink {
        final List<Buffer> buffers = new ArrayList<>();
        final List<Segment> segments = new ArrayList<>();

        RecordingSink(String name) {
            super(PadTemplate.sink(Caps.ANY));
            setName(name);
            set(SYNC, false);
        }

        @Override
        protected FlowReturn render(Buffer buffer) {
            synchronized (buffers) {
                buffers.add(buffer);
            }
            return FlowReturn.OK;
        }

        @Override
        protected boolean event(Event event) {
            synchronized (buffers) {
                if (event instanceof Event.FlushStopEvent) {
                    buffers.clear();
                    segments.clear();
                } else if (event instanceof Event.SegmentEvent s) {
                    segments.add(s.segment().copy());
                }
            }
            return super.event(event);
        }

        List<Buffer> buffers() {
            synchronized (buffers) {
                return List.copyOf(buffers);
            }
        }

        List<Segment> segments() {
            synchronized (buffers) {
                return List.copyOf(segments);
            }
        }
    }

    /** A sink that activates its pad in pull mode on READY→PAUSED, so the test can pullRange(). */
    static final class PullSink extends Element {
        final Pad pad = new Pad("sink", PadTemplate.sink(Caps.ANY));

        PullSink(String name) {
            setName(name);
            setFlag(ElementFlag.SINK, true);
            addPad(pad);
        }

        @Override
        protected StateChangeReturn changeState(StateChange transition) {
            if (transition == StateChange.READY_TO_PAUSED && !pad.activateMode(PadMode.PULL, true)) {
                return StateChangeReturn.FAILURE;
            }
            return super.changeState(transition);
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static FileSrc filesrc(String name, Path location) {
        FileSrc src = assertInstanceOf(FileSrc.class, ElementFactory.make("filesrc", name));
        if (location != null) {
            src.set(FileSrc.LOCATION, location.toString());
        }
        return src;
    }

    private Pipeline pipeline(Element src, Element sink) {
        pipeline = new Pipeline();
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        return pipeline;
    }

    private static Message await(Pipeline p, MessageType type) {
        Message m = p.getBus().timedPop(BUS_TIMEOUT, type, MessageType.ERROR);
        assertNotNull(m, "no " + type + " within 10 s");
        if (type != MessageType.ERROR && m instanceof Message.Error e) {
            throw new AssertionError("expected " + type + " but got " + e);
        }
        return m;
    }

    private static boolean noThreadsOf(String elementName) {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith(elementName + ":"));
    }

    private static byte[] concat(List<Buffer> buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Buffer b : buffers) {
            out.writeBytes(b.toByteArray());
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ factory and properties

    @Test
    void registeredAsFilesrcWithGStreamersMetadata() {
        ElementFactory f = ElementFactory.make("filesrc").getFactory();
        assertSame(FileSrc.FACTORY, f);
        assertEquals("File Source", f.getLongName());
        assertEquals("Source/File", f.getKlass());
        assertEquals("Read from arbitrary point in a file", f.getDescription());
        assertEquals(Rank.PRIMARY, f.getRank());
        assertTrue(f.getPadTemplates().get(0).caps().isAny());
    }

    @Test
    void propertiesHaveGStreamersNamesAndDefaults() {
        FileSrc src = filesrc("props", null);
        assertNull(src.getProperty("location"));
        assertEquals(4096, src.getProperty("blocksize"));
        assertEquals(-1, src.getProperty("num-buffers"));
        src.setPropertyFromString("location", "/some/file.bin");
        assertEquals("/some/file.bin", src.get(FileSrc.LOCATION));
        assertEquals(Format.BYTES, src.getFormat());
    }

    // ------------------------------------------------------------------ push mode

    @Test
    void readsTheFileInBlocksizeChunksWithByteOffsets() throws Exception {
        byte[] content = randomBytes(10_000, 1);
        FileSrc src = filesrc("chunks", file("in.bin", content));
        RecordingSink sink = new RecordingSink("chunksink");
        pipeline(src, sink);

        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        List<Buffer> buffers = sink.buffers();
        assertEquals(List.of(4096, 4096, 1808), buffers.stream().map(Buffer::size).toList());
        assertEquals(List.of(0L, 4096L, 8192L), buffers.stream().map(Buffer::offset).toList());
        assertEquals(List.of(4096L, 8192L, 10_000L), buffers.stream().map(Buffer::offsetEnd).toList());
        assertArrayEquals(content, concat(buffers));
        assertEquals(Format.BYTES, sink.segments().get(0).getFormat());

        Query.DurationQuery duration = new Query.DurationQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(duration));
        assertEquals(10_000, duration.duration());
        Query.SeekingQuery seeking = new Query.SeekingQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(seeking));
        assertTrue(seeking.seekable());

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("chunks"));
    }

    @Test
    void blocksizeAndAnEmptyFile() throws Exception {
        byte[] content = randomBytes(100, 2);
        FileSrc src = filesrc("small", file("small.bin", content));
        src.set(BaseSrc.BLOCKSIZE, 33);
        RecordingSink sink = new RecordingSink("smallsink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertEquals(List.of(33, 33, 33, 1), sink.buffers().stream().map(Buffer::size).toList());
        assertArrayEquals(content, concat(sink.buffers()));
        pipeline.setState(State.NULL);

        FileSrc empty = filesrc("empty", file("empty.bin", new byte[0]));
        RecordingSink emptySink = new RecordingSink("emptysink");
        pipeline(empty, emptySink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertTrue(emptySink.buffers().isEmpty(), "an empty file is EOS at once");
    }

    @Test
    void gstLaunchLineWithFakesink() throws Exception {
        Path in = file("launch.bin", randomBytes(5000, 3));
        pipeline = (Pipeline) Parse.launch("filesrc name=src location=\"" + in + "\" blocksize=1000 ! fakesink");
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("src"));
    }

    // ------------------------------------------------------------------ pull mode

    @Test
    void pullModeServesAnyRangeAndEosPastTheEnd() throws Exception {
        byte[] content = randomBytes(1000, 4);
        FileSrc src = filesrc("pullsrc", file("pull.bin", content));
        PullSink sink = new PullSink("pullsink");
        pipeline(src, sink);

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PAUSED));
        assertEquals(PadMode.PULL, src.getSrcPad().getMode());

        Buffer middle = sink.pad.pullRange(500, 100);
        assertEquals(100, middle.size());
        assertEquals(500, middle.offset());
        assertEquals(600, middle.offsetEnd());
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 500, 600), middle.toByteArray());

        Buffer first = sink.pad.pullRange(0, 10);
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 0, 10), first.toByteArray(), "random access: back to 0");

        Buffer tail = sink.pad.pullRange(995, 100);
        assertEquals(5, tail.size(), "a short read at the end of the file");
        assertEquals(1000, tail.offsetEnd());
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 995, 1000), tail.toByteArray());

        assertEquals(FlowReturn.EOS, assertThrows(FlowException.class, () -> sink.pad.pullRange(1000, 10)).flow());
        assertEquals(FlowReturn.EOS, assertThrows(FlowException.class, () -> sink.pad.pullRange(5000, 10)).flow());
        assertTrue(noThreadsOf("pullsrc"), "pull mode runs in the puller's thread");

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertEquals(PadMode.NONE, src.getSrcPad().getMode());
    }

    // ------------------------------------------------------------------ seeking

    @Test
    void flushingSeekToTheMiddle() throws Exception {
        byte[] content = randomBytes(20_000, 5);
        FileSrc src = filesrc("seeksrc", file("seek.bin", content));
        src.set(BaseSrc.BLOCKSIZE, 1000);
        RecordingSink sink = new RecordingSink("seeksink");
        pipeline(src, sink);

        assertTrue(pipeline.setState(State.PAUSED) != StateChangeReturn.FAILURE);
        assertEquals(State.PAUSED, pipeline.getState(BUS_TIMEOUT).current(), "prerolled on the first block");

        Event seek = Event.seek(1.0, Format.BYTES, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 12_345, SeekType.NONE, -1);
        assertTrue(pipeline.sendEvent(seek), "filesrc is seekable in BYTES");
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        List<Buffer> after = sink.buffers(); // the FLUSH_STOP of the seek cleared what came before
        assertFalse(after.isEmpty());
        assertEquals(12_345, after.get(0).offset(), "the first buffer after the seek starts at the seek position");
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 12_345, content.length), concat(after));
        Segment segment = sink.segments().get(sink.segments().size() - 1);
        assertEquals(Format.BYTES, segment.getFormat());
        assertEquals(12_345, segment.getStart());
    }

    // ------------------------------------------------------------------ non-seekable files

    @Test
    void aFifoIsReadSequentiallyAndIsNotSeekable() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return;
        }
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        byte[] content = randomBytes(50_000, 6);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) { // blocks until filesrc opens the fifo
                out.write(content);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "fifo-writer");
        writer.start();

        FileSrc src = filesrc("fifosrc", fifo);
        RecordingSink sink = new RecordingSink("fifosink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        writer.join(10_000);

        assertArrayEquals(content, concat(sink.buffers()));
        Query.SeekingQuery seeking = new Query.SeekingQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(seeking));
        assertFalse(seeking.seekable(), "a fifo has no length and cannot seek");
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("fifosrc"));
    }

    // ------------------------------------------------------------------ errors

    /** Starts filesrc ! fakesink, expects the state change to fail, returns filesrc's ERROR; then NULL works. */
    private Message.Error failToStart(FileSrc src) {
        pipeline(src, ElementFactory.make("fakesink"));
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        Message m = await(pipeline, MessageType.ERROR);
        Message.Error error = assertInstanceOf(Message.Error.class, m);
        assertSame(src, error.source());
        assertTrue(error.sourcePath().endsWith(src.getName()), error.sourcePath());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertEquals(State.NULL, src.getCurrentState());
        assertTrue(noThreadsOf(src.getName()));
        return error;
    }

    @Test
    void missingFileIsResourceNotFoundNamingThePathAndTheReason() {
        Path missing = dir.resolve("does-not-exist.bin");
        Message.Error e = failToStart(filesrc("missing", missing));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
        assertEquals("Could not open file \"" + missing + "\" for reading.", e.text());
        assertTrue(e.debug().contains(missing.toString()), e.debug());
        assertTrue(e.debug().contains("No such file or directory"), e.debug());
        assertTrue(e.toString().contains("/Pipeline:"), "the message names the element's path: " + e);
    }

    @Test
    void noLocationIsResourceNotFound() {
        Message.Error e = failToStart(filesrc("nolocation", null));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
        assertEquals("No file name specified for reading.", e.text());
    }

    @Test
    void aDirectoryIsResourceOpenRead() {
        Message.Error e = failToStart(filesrc("adir", dir));
        assertEquals(ErrorCode.RESOURCE_OPEN_READ, e.code());
        assertEquals("\"" + dir + "\" is a directory.", e.text());
        assertTrue(e.debug().contains("Is a directory"), e.debug());
    }

    @Test
    void aPathThroughARegularFileIsResourceOpenRead() throws Exception {
        Path notADir = file("plain.txt", new byte[] {1}).resolve("inside.bin");
        Message.Error e = failToStart(filesrc("throughfile", notADir));
        assertEquals(ErrorCode.RESOURCE_OPEN_READ, e.code());
        assertEquals("Could not open file \"" + notADir + "\" for reading.", e.text());
        assertTrue(e.debug().contains("Not a directory"), e.debug());
    }

    @Test
    void noPermissionIsResourceOpenRead() throws Exception {
        Path secret = file("secret.bin", new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "running as root: permissions do not stop us");
        Message.Error e = failToStart(filesrc("secret", secret));
        assertEquals(ErrorCode.RESOURCE_OPEN_READ, e.code());
        assertEquals("Could not open file \"" + secret + "\" for reading.", e.text());
        assertTrue(e.debug().contains("Permission denied"), e.debug());
    }

    @Test
    void theLocationCannotChangeWhileStreaming() throws Exception {
        FileSrc src = filesrc("fixed", file("fixed.bin", randomBytes(10, 7)));
        pipeline(src, new RecordingSink("fixedsink"));
        pipeline.setState(State.PAUSED);
        assertThrows(IllegalStateException.class, () -> src.set(FileSrc.LOCATION, "/elsewhere"));
    }
}
