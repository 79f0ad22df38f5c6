package org.gstmini.plugins.good.coreelements;

import static java.nio.charset.StandardCharsets.US_ASCII;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Rank;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** filesink alone in a Harness, and in real pipelines with filesrc. Waits are hang guards only. */
class FileSinkTest {
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

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static FileSink filesink(Path location) {
        FileSink sink = assertInstanceOf(FileSink.class, ElementFactory.make("filesink"));
        if (location != null) {
            sink.set(FileSink.LOCATION, location.toString());
        }
        return sink;
    }

    /** A harness around {@code sink}, with caps and a BYTES segment starting at 0 sent. */
    private static Harness harness(FileSink sink) {
        Harness h = new Harness(sink);
        h.setSrcCapsStr("application/octet-stream");
        assertTrue(h.pushEvent(Event.segment(new Segment(Format.BYTES))));
        return h;
    }

    private static Buffer bytes(String s) {
        return Buffer.wrap(s.getBytes(US_ASCII));
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), US_ASCII);
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

    // ------------------------------------------------------------------ factory and properties

    @Test
    void registeredAsFilesinkWithGStreamersMetadata() {
        ElementFactory f = ElementFactory.make("filesink").getFactory();
        assertSame(FileSink.FACTORY, f);
        assertEquals("File Sink", f.getLongName());
        assertEquals("Sink/File", f.getKlass());
        assertEquals("Write stream to a file", f.getDescription());
        assertEquals(Rank.PRIMARY, f.getRank());
    }

    @Test
    void propertiesHaveGStreamersNamesAndDefaults() {
        FileSink sink = filesink(null);
        assertNull(sink.getProperty("location"));
        assertEquals(false, sink.getProperty("append"));
        assertEquals(FileSinkBufferMode.DEFAULT, sink.getProperty("buffer-mode"));
        assertEquals(65536, sink.getProperty("buffer-size"));
        assertEquals(false, sink.getProperty("o-sync"));
        assertEquals(0, sink.getProperty("max-transient-error-timeout"));
        assertEquals(false, sink.getProperty("sync"), "filesink does not sync on the clock");
        assertEquals(true, sink.getProperty("async"));

        sink.setPropertyFromString("buffer-mode", "full");
        assertEquals(FileSinkBufferMode.FULL, sink.get(FileSink.BUFFER_MODE));
        sink.setPropertyFromString("buffer-mode", "2");
        assertEquals(FileSinkBufferMode.UNBUFFERED, sink.get(FileSink.BUFFER_MODE));
        sink.setPropertyFromString("buffer-mode", "-1");
        assertEquals(FileSinkBufferMode.DEFAULT, sink.get(FileSink.BUFFER_MODE));
        assertThrows(IllegalArgumentException.class, () -> sink.setPropertyFromString("buffer-mode", "huge"));
    }

    // ------------------------------------------------------------------ writing

    @Test
    void writesExactlyThePushedBytes() throws Exception {
        Path out = dir.resolve("out.bin");
        byte[] a = randomBytes(1000, 1);
        byte[] b = randomBytes(70_000, 2); // bigger than buffer-size: written through
        byte[] c = randomBytes(1, 3);
        try (Harness h = harness(filesink(out))) {
            assertEquals(FlowReturn.OK, h.push(Buffer.wrap(a)));
            assertEquals(FlowReturn.OK, h.push(Buffer.wrap(b)));
            assertEquals(FlowReturn.OK, h.push(Buffer.empty()));
            assertEquals(FlowReturn.OK, h.push(Buffer.wrap(c)));
            assertTrue(h.pushEvent(Event.eos()));
            byte[] expected = new byte[a.length + b.length + c.length];
            System.arraycopy(a, 0, expected, 0, a.length);
            System.arraycopy(b, 0, expected, a.length, b.length);
            System.arraycopy(c, 0, expected, a.length + b.length, c.length);
            assertArrayEquals(expected, Files.readAllBytes(out), "complete after EOS, before NULL");
        }
    }

    @ParameterizedTest
    @EnumSource(FileSinkBufferMode.class)
    void everyBufferModeWritesEverythingByEos(FileSinkBufferMode mode) throws Exception {
        Path out = dir.resolve("mode-" + Property.nickOf(mode) + ".txt");
        FileSink sink = filesink(out);
        sink.set(FileSink.BUFFER_MODE, mode);
        sink.set(FileSink.BUFFER_SIZE, 10);
        try (Harness h = harness(sink)) {
            for (String s : new String[] {"line one\n", "two\n", "a much longer third line\n", "4"}) {
                assertEquals(FlowReturn.OK, h.push(bytes(s)));
            }
            assertTrue(h.pushEvent(Event.eos()));
            assertEquals("line one\ntwo\na much longer third line\n4", read(out));
        }
    }

    @Test
    void fullBufferingKeepsBytesUntilEosThenWritesThemAll() throws Exception {
        Path out = dir.resolve("full.bin");
        FileSink sink = filesink(out);
        sink.set(FileSink.BUFFER_MODE, FileSinkBufferMode.FULL);
        sink.set(FileSink.BUFFER_SIZE, 1 << 20);
        byte[] data = randomBytes(10_000, 4);
        try (Harness h = harness(sink)) {
            for (int i = 0; i < 10; i++) {
                h.push(Buffer.wrap(Arrays.copyOfRange(data, i * 1000, (i + 1) * 1000)));
            }
            assertEquals(0, Files.size(out), "10000 bytes fit in the 1 MiB buffer: nothing written yet");
            Query.PositionQuery position = new Query.PositionQuery(Format.BYTES);
            assertTrue(sink.getSinkPad().query(position));
            assertEquals(10_000, position.position(), "the position counts the buffered bytes");
            assertTrue(h.pushEvent(Event.eos()));
            assertArrayEquals(data, Files.readAllBytes(out));
        }
    }

    @Test
    void appendKeepsWhatWasThereAndTheDefaultTruncates() throws Exception {
        Path out = dir.resolve("log.txt");
        Files.writeString(out, "hello ", US_ASCII);
        FileSink appending = filesink(out);
        appending.set(FileSink.APPEND, true);
        try (Harness h = harness(appending)) {
            h.push(bytes("world"));
            h.pushEvent(Event.eos());
        }
        assertEquals("hello world", read(out));

        try (Harness h = harness(filesink(out))) {
            h.push(bytes("new"));
            h.pushEvent(Event.eos());
        }
        assertEquals("new", read(out));
    }

    @Test
    void theFileIsCompleteWhenTheSinkStopsWithoutEos() throws Exception {
        Path out = dir.resolve("noeos.bin");
        FileSink sink = filesink(out);
        sink.set(FileSink.BUFFER_MODE, FileSinkBufferMode.FULL);
        sink.set(FileSink.BUFFER_SIZE, 1 << 20);
        Harness h = harness(sink);
        h.push(bytes("abc"));
        h.push(bytes("def"));
        h.close(); // PLAYING → NULL: PAUSED→READY writes the buffered bytes, READY→NULL closes
        assertEquals("abcdef", read(out));
    }

    @Test
    void aBytesSegmentMovesTheWritePosition() throws Exception {
        Path out = dir.resolve("seek.txt");
        FileSink sink = filesink(out);
        try (Harness h = harness(sink)) {
            h.push(bytes("AAAA"));
            h.push(bytes("BBBB"));
            Segment at2 = new Segment(Format.BYTES);
            at2.setStart(2);
            at2.setPosition(2);
            assertTrue(h.pushEvent(Event.segment(at2)), "gst_file_sink_event seeks to the segment start");
            h.push(bytes("CC"));
            Query.PositionQuery position = new Query.PositionQuery(Format.BYTES);
            assertTrue(sink.getSinkPad().query(position));
            assertEquals(4, position.position());
            h.pushEvent(Event.eos());
            assertEquals("AACCBBBB", read(out));
        }
    }

    @Test
    void flushStopStartsTheFileOverAsGStreamerDoes() throws Exception {
        Path out = dir.resolve("flush.txt");
        try (Harness h = harness(filesink(out))) {
            h.push(bytes("old data"));
            assertTrue(h.pushEvent(Event.flushStart()));
            assertTrue(h.pushEvent(Event.flushStop(true)));
            assertTrue(h.pushEvent(Event.segment(new Segment(Format.BYTES))));
            h.push(bytes("new"));
            h.pushEvent(Event.eos());
            assertEquals("new", read(out), "FLUSH_STOP truncates a seekable file (gst_file_sink_event)");
        }
    }

    @Test
    void seekingQueryAnswersInBytes() throws Exception {
        FileSink sink = filesink(dir.resolve("q.bin"));
        try (Harness h = harness(sink)) {
            Query.SeekingQuery bytes = new Query.SeekingQuery(Format.BYTES);
            assertTrue(sink.getSinkPad().query(bytes));
            assertTrue(bytes.seekable());
            Query.SeekingQuery time = new Query.SeekingQuery(Format.TIME);
            assertTrue(sink.getSinkPad().query(time));
            assertFalse(time.seekable());
        }
    }

    // ------------------------------------------------------------------ with filesrc

    @Test
    void gstLaunchCopiesAFileByteForByte() throws Exception {
        byte[] content = randomBytes(300_123, 5);
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("copy.bin");
        Files.write(in, content);
        pipeline = (Pipeline) Parse.launch("filesrc name=src location=\"" + in + "\" ! filesink name=sink location=\""
                + out + "\"");
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertArrayEquals(content, Files.readAllBytes(out), "complete at EOS");
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertArrayEquals(content, Files.readAllBytes(out));
        assertTrue(noThreadsOf("src"));
    }

    @Test
    void eosWritesEverythingEvenWithAHugeFullBuffer() throws Exception {
        byte[] content = randomBytes(123_456, 6);
        Path in = dir.resolve("big.bin");
        Path out = dir.resolve("big-copy.bin");
        Files.write(in, content);
        pipeline = (Pipeline) Parse.launch("filesrc location=\"" + in + "\" blocksize=1000 ! filesink location=\""
                + out + "\" buffer-mode=full buffer-size=10000000");
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertArrayEquals(content, Files.readAllBytes(out), "read after EOS, before NULL");
    }

    @Test
    void anErrorUpstreamKeepsWhatWasWritten() throws Exception {
        byte[] content = randomBytes(1000, 7);
        Path in = dir.resolve("err-in.bin");
        Path out = dir.resolve("err-out.bin");
        Files.write(in, content);
        pipeline = (Pipeline) Parse.launch("filesrc location=\"" + in + "\" blocksize=100 ! identity name=id "
                + "error-after=5 ! filesink location=\"" + out + "\" buffer-mode=full buffer-size=1000000");
        pipeline.setState(State.PLAYING);
        Message m = await(pipeline, MessageType.ERROR);
        assertEquals("id", m.source().getName());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertArrayEquals(Arrays.copyOf(content, 400), Files.readAllBytes(out),
                "the four buffers identity let through are in the file");
    }

    // ------------------------------------------------------------------ errors

    /** fakesrc ! filesink: the sink's NULL→READY fails; returns its ERROR; NULL works afterwards. */
    private Message.Error failToStart(FileSink sink) {
        Element src = ElementFactory.make("fakesrc", "errsrc");
        src.setPropertyFromString("num-buffers", "1");
        pipeline = new Pipeline();
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        Message.Error error = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertSame(sink, error.source());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("errsrc"));
        return error;
    }

    @Test
    void aPathUnderARegularFileCannotBeOpened() throws Exception {
        Path plain = dir.resolve("file.txt");
        Files.writeString(plain, "x");
        Path out = plain.resolve("out.bin");
        Message.Error e = failToStart(filesink(out));
        assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, e.code());
        assertEquals("Could not open file \"" + out + "\" for writing.", e.text());
        assertEquals("system error: Not a directory", e.debug());
    }

    @Test
    void aDirectoryCannotBeOpened() {
        Message.Error e = failToStart(filesink(dir));
        assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, e.code());
        assertEquals("Could not open file \"" + dir + "\" for writing.", e.text());
        assertEquals("system error: Is a directory", e.debug());
    }

    @Test
    void aMissingDirectoryCannotBeOpened() {
        Path out = dir.resolve("no-such-dir").resolve("out.bin");
        Message.Error e = failToStart(filesink(out));
        assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, e.code());
        assertEquals("system error: No such file or directory", e.debug());
    }

    @Test
    void noLocationIsResourceNotFound() {
        Message.Error e = failToStart(filesink(null));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
        assertEquals("No file name specified for writing.", e.text());
    }

    @Test
    void aReadOnlyDirectoryCannotBeWritten() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(ro), "running as root: permissions do not stop us");
        Message.Error e = failToStart(filesink(ro.resolve("out.bin")));
        assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, e.code());
        assertEquals("system error: Permission denied", e.debug());
    }

    @Test
    void aFullDiskIsNoSpaceLeft() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is not available");
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=3 sizetype=fixed sizemax=10 ! filesink name=sink "
                + "location=/dev/full buffer-mode=unbuffered");
        pipeline.setState(State.PLAYING);
        Message.Error e = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertEquals("sink", e.source().getName());
        assertEquals(ErrorCode.RESOURCE_NO_SPACE_LEFT, e.code());
        assertEquals("No space left on the resource.", e.text());
        assertTrue(e.debug().contains("No space left on device"), e.debug());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }

    @Test
    void aFullDiskFoundAtEosIsReportedToo() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is not available");
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=3 sizetype=fixed sizemax=10 ! filesink name=sink "
                + "location=/dev/full");
        pipeline.setState(State.PLAYING);
        Message.Error e = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertEquals(ErrorCode.RESOURCE_NO_SPACE_LEFT, e.code(), "the buffered bytes fail when EOS writes them");
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }

    @Test
    void isABaseSink() {
        assertInstanceOf(BaseSink.class, filesink(null));
    }
}
