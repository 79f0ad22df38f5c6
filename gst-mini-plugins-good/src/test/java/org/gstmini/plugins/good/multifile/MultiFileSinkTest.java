package org.gstmini.plugins.good.multifile;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Rank;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** multifilesink in a Harness and in pipelines: names, splitting modes, max-files, messages, errors. */
class MultiFileSinkTest {
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

    private MultiFileSink multifilesink(String template) {
        MultiFileSink sink = assertInstanceOf(MultiFileSink.class, ElementFactory.make("multifilesink"));
        sink.set(MultiFileSink.LOCATION, dir.resolve(template).toString());
        return sink;
    }

    private static Harness harness(MultiFileSink sink) {
        Harness h = new Harness(sink);
        h.setSrcCapsStr("application/octet-stream"); // and a TIME segment from 0
        return h;
    }

    private static Buffer bytes(String s) {
        return Buffer.wrap(s.getBytes(US_ASCII));
    }

    private static Buffer frame(String s, long seconds, boolean key) {
        Buffer b = bytes(s).withPts(seconds * ClockTime.SECOND).withDuration(ClockTime.SECOND);
        return key ? b : b.withFlag(BufferFlag.DELTA_UNIT);
    }

    /** The files in the temp directory, sorted, as "name=content". */
    private List<String> files() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                out.add(p.getFileName() + "=" + new String(Files.readAllBytes(p), US_ASCII));
            }
        }
        return out;
    }

    private static Message await(Pipeline p, MessageType type) {
        Message m = p.getBus().timedPop(BUS_TIMEOUT, type, MessageType.ERROR);
        assertNotNull(m, "no " + type + " within 10 s");
        if (type != MessageType.ERROR && m instanceof Message.Error e) {
            throw new AssertionError("expected " + type + " but got " + e);
        }
        return m;
    }

    // ------------------------------------------------------------------ factory, plugin, properties

    @Test
    void registeredByTheMultifilePluginWithGStreamersMetadata() {
        ElementFactory f = ElementFactory.make("multifilesink").getFactory();
        assertSame(MultiFileSink.FACTORY, f);
        assertEquals("Multi-File Sink", f.getLongName());
        assertEquals("Sink/File", f.getKlass());
        assertEquals("Write buffers to a sequentially named set of files", f.getDescription());
        assertEquals(Rank.NONE, f.getRank());
        assertEquals("multifile", f.getPlugin().name());
        MultiFilePlugin plugin = new MultiFilePlugin();
        assertEquals("multifile", plugin.name());
        assertEquals("Reads/Writes buffers from/to sequentially named files", plugin.description());
    }

    @Test
    void propertiesHaveGStreamersNamesAndDefaults() {
        Element sink = ElementFactory.make("multifilesink");
        assertEquals("%05d", sink.getProperty("location"));
        assertEquals(0, sink.getProperty("index"));
        assertEquals(false, sink.getProperty("post-messages"));
        assertEquals(MultiFileSinkNext.BUFFER, sink.getProperty("next-file"));
        assertEquals(0, sink.getProperty("max-files"));
        assertEquals(2L * 1024 * 1024 * 1024, sink.getProperty("max-file-size"));
        assertEquals(ClockTime.NONE, sink.getProperty("max-file-duration"));
        assertEquals(false, sink.getProperty("aggregate-gops"));
        assertEquals(10 * ClockTime.SECOND, sink.getProperty("min-keyframe-distance"));
        assertEquals(false, sink.getProperty("sync"));
        sink.setPropertyFromString("next-file", "key-frame");
        assertEquals(MultiFileSinkNext.KEY_FRAME, sink.getProperty("next-file"));
        sink.setPropertyFromString("next-file", "4");
        assertEquals(MultiFileSinkNext.MAX_SIZE, sink.getProperty("next-file"));
    }

    // ------------------------------------------------------------------ location templates

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%05d|7|00007",
        "frame%d.png|12|frame12.png",
        "%d|0|0",
        "%i-%%|3|3-%",
        "%%d_%03d|7|%d_007",
        "%5d|42|'   42'",
        "%-4d|7|'7   '",
        "%+d|7|+7",
        "%.3d|5|005",
        "%x|255|ff",
        "%04X|255|00FF",
        "%#x|255|0xff",
        "%o|8|10",
        "%u|9|9",
        "snapshot.jpg|5|snapshot.jpg",
    })
    void formatsTheIndexAsCsPrintf(String template, int index, String expected) {
        assertEquals(expected, MultiFileSink.formatLocation(template, index));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%d-%d", "%s", "%lld", "%*d", "%.*d", "frame%", "%f", ""})
    void refusesTemplatesThatAreNotOneIntegerConversion(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiFileSink.formatLocation(template, 1));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void anInvalidLocationFailsTheStateChangeWithResourceSettings() {
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=1 ! multifilesink name=sink location=\"" + dir
                + "/a%d-%d\"");
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PLAYING));
        Message.Error e = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertEquals("sink", e.source().getName());
        assertEquals(ErrorCode.RESOURCE_SETTINGS, e.code());
        assertEquals("Invalid location", e.text());
        assertTrue(e.debug().contains("more than one format identifier"), e.debug());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }

    // ------------------------------------------------------------------ next-file=buffer

    @Test
    void oneFilePerBufferNamedByIndex() throws Exception {
        MultiFileSink sink = multifilesink("%05d");
        try (Harness h = harness(sink)) {
            for (String s : new String[] {"zero", "one", "two", "three"}) {
                assertEquals(FlowReturn.OK, h.push(bytes(s)));
            }
            assertEquals(List.of("00000=zero", "00001=one", "00002=two", "00003=three"), files());
            assertEquals(4, sink.get(MultiFileSink.INDEX), "index counts the files written");
            h.pushEvent(Event.eos());
        }
        assertEquals(4, files().size());
    }

    @Test
    void indexPropertySetsTheFirstNumber() throws Exception {
        MultiFileSink sink = multifilesink("img-%03d.raw");
        sink.set(MultiFileSink.INDEX, 41);
        try (Harness h = harness(sink)) {
            h.push(bytes("a"));
            h.push(bytes("b"));
        }
        assertEquals(List.of("img-041.raw=a", "img-042.raw=b"), files());
    }

    @Test
    void maxFilesKeepsOnlyTheNewest() throws Exception {
        MultiFileSink sink = multifilesink("f%02d");
        sink.set(MultiFileSink.MAX_FILES, 2);
        try (Harness h = harness(sink)) {
            for (int i = 0; i < 5; i++) {
                h.push(bytes("b" + i));
            }
        }
        assertEquals(List.of("f03=b3", "f04=b4"), files());
    }

    @Test
    void aTemplateWithoutConversionKeepsReplacingOneFile() throws Exception {
        MultiFileSink sink = multifilesink("latest.jpg");
        try (Harness h = harness(sink)) {
            h.push(bytes("first"));
            h.push(bytes("second"));
        }
        assertEquals(List.of("latest.jpg=second"), files(), "no temporary file left behind either");
    }

    @Test
    void pipelineFromFakesrcPostsOneMessagePerFile() throws Exception {
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=3 sizetype=fixed sizemax=4 filltype=zero ! "
                + "multifilesink name=sink post-messages=true location=\"" + dir + "/buf%d.bin\"");
        pipeline.setState(State.PLAYING);
        List<Structure> messages = new ArrayList<>();
        while (true) {
            Message m = pipeline.getBus().timedPop(BUS_TIMEOUT, MessageType.ELEMENT, MessageType.EOS,
                    MessageType.ERROR);
            assertNotNull(m, "no EOS within 10 s");
            if (m instanceof Message.Error e) {
                throw new AssertionError(e.toString());
            }
            if (m.type() == MessageType.EOS) {
                break;
            }
            messages.add(((Message.ElementMessage) m).structure());
        }
        assertEquals(3, messages.size());
        for (int i = 0; i < 3; i++) {
            Structure s = messages.get(i);
            assertEquals(MultiFileSink.MESSAGE_NAME, s.name());
            assertEquals(dir + "/buf" + i + ".bin", s.getString("filename"));
            assertEquals(i, s.getInt("index"));
            assertEquals(4L * i, s.getLong("offset"), "fakesrc's byte offsets");
            for (String field : List.of("timestamp", "stream-time", "running-time", "duration", "offset-end")) {
                assertTrue(s.has(field), field);
            }
        }
        assertEquals(3, Files.list(dir).count());
        assertEquals(4, Files.size(dir.resolve("buf2.bin")));
    }

    // ------------------------------------------------------------------ streaming modes

    @Test
    void keyFrameModeSplitsAtEveryKeyFrameWithMinDistanceZero() throws Exception {
        MultiFileSink sink = multifilesink("seg%d.ts");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.KEY_FRAME);
        sink.set(MultiFileSink.MIN_KEYFRAME_DISTANCE, 0L);
        try (Harness h = harness(sink)) {
            h.push(frame("K0", 0, true));
            h.push(frame("d1", 1, false));
            h.push(frame("d2", 2, false));
            h.push(frame("K3", 3, true));
            h.push(frame("d4", 4, false));
            h.push(frame("K5", 5, true));
            h.pushEvent(Event.eos());
            assertEquals(List.of("seg0.ts=K0d1d2", "seg1.ts=K3d4", "seg2.ts=K5"), files());
            assertEquals(3, sink.get(MultiFileSink.INDEX), "EOS closed the last file");
        }
    }

    @Test
    void keyFrameModeWaitsForMinKeyframeDistance() throws Exception {
        MultiFileSink sink = multifilesink("seg%d.ts");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.KEY_FRAME); // 10 s between splits by default
        try (Harness h = harness(sink)) {
            for (int s = 0; s <= 25; s++) {
                h.push(frame(s % 5 == 0 ? "K" : ".", s, s % 5 == 0)); // a key frame every 5 s
            }
            h.pushEvent(Event.eos());
        }
        assertEquals(List.of("seg0.ts=K....K....", "seg1.ts=K....K....", "seg2.ts=K....K"), files());
    }

    @Test
    void streamHeadersStartEveryFileAfterTheFirst() throws Exception {
        MultiFileSink sink = multifilesink("part%d");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.MAX_SIZE);
        sink.set(MultiFileSink.MAX_FILE_SIZE, 10L);
        try (Harness h = harness(sink)) {
            h.push(bytes("HDR").withFlag(BufferFlag.HEADER));
            h.push(bytes("aaaaa"));
            h.push(bytes("bbbbb"));
            h.push(bytes("cc"));
            h.push(bytes("ddddd"));
            h.pushEvent(Event.eos());
        }
        assertEquals(List.of("part0=HDRaaaaa", "part1=HDRbbbbbcc", "part2=HDRddddd"), files());
    }

    @Test
    void discontModeSplitsAtDiscontinuities() throws Exception {
        MultiFileSink sink = multifilesink("d%d");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.DISCONT);
        try (Harness h = harness(sink)) {
            h.push(bytes("a").withFlag(BufferFlag.DISCONT));
            h.push(bytes("b"));
            h.push(bytes("c").withFlag(BufferFlag.DISCONT));
            h.push(bytes("d"));
            assertEquals(List.of("d0=ab", "d1=cd"), files(), "the open file is written as data arrives");
            h.pushEvent(Event.eos());
        }
        assertEquals(List.of("d0=ab", "d1=cd"), files());
    }

    @Test
    void maxDurationModeSplitsByTime() throws Exception {
        MultiFileSink sink = multifilesink("t%d");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.MAX_DURATION);
        sink.set(MultiFileSink.MAX_FILE_DURATION, 2 * ClockTime.SECOND);
        try (Harness h = harness(sink)) {
            for (int s = 0; s < 5; s++) {
                h.push(frame(Integer.toString(s), s, true)); // 1 s each
            }
            h.pushEvent(Event.eos());
        }
        assertEquals(List.of("t0=01", "t1=23", "t2=4"), files());
    }

    @Test
    void keyUnitEventModeSplitsOnForceKeyUnit() throws Exception {
        MultiFileSink sink = multifilesink("k%d");
        sink.set(MultiFileSink.NEXT_FILE, MultiFileSinkNext.KEY_UNIT_EVENT);
        try (Harness h = harness(sink)) {
            h.push(bytes("a"));
            h.push(bytes("b"));
            Structure fku = Structure.of("GstForceKeyUnit").with("timestamp", 2 * ClockTime.SECOND)
                    .with("stream-time", 2 * ClockTime.SECOND).with("running-time", 2 * ClockTime.SECOND)
                    .with("all-headers", true).with("count", 1);
            assertTrue(h.pushEvent(Event.custom(EventType.CUSTOM_DOWNSTREAM, fku)));
            assertTrue(h.pushEvent(Event.custom(EventType.CUSTOM_DOWNSTREAM, fku)), "the same count again: no split");
            h.push(bytes("c"));
            h.pushEvent(Event.eos());
        }
        assertEquals(List.of("k0=ab", "k1=c"), files());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void aFileThatCannotBeCreatedIsAnError() throws Exception {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=2 sizetype=fixed sizemax=4 ! multifilesink name=sink "
                + "location=\"" + plain + "/%d.bin\"");
        pipeline.setState(State.PLAYING);
        Message.Error e = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertEquals("sink", e.source().getName());
        assertEquals(ErrorCode.RESOURCE_WRITE, e.code());
        assertEquals("Error while writing to file \"" + plain + "/0.bin\".", e.text());
        assertTrue(e.debug().contains("Not a directory"), e.debug());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }

    @Test
    void aStreamFileThatCannotBeOpenedIsOpenWrite() throws Exception {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=2 sizetype=fixed sizemax=4 ! multifilesink name=sink "
                + "next-file=discont location=\"" + plain + "/%d.bin\"");
        pipeline.setState(State.PLAYING);
        Message.Error e = assertInstanceOf(Message.Error.class, await(pipeline, MessageType.ERROR));
        assertEquals(ErrorCode.RESOURCE_OPEN_WRITE, e.code());
        assertEquals("Could not open file \"" + plain + "/0.bin\" for writing.", e.text());
        assertEquals("system error: Not a directory", e.debug());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }
}
