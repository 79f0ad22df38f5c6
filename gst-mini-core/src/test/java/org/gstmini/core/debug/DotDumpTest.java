package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gstmini.core.Bin;
import org.gstmini.core.Event;
import org.gstmini.core.Format;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotDumpTest {

    @AfterEach
    void clearDumpDir() {
        System.clearProperty(DotDump.DIR_PROPERTY);
    }

    /** A pipeline "p" with src ! sink, linked, in NULL. */
    private static Pipeline smallPipeline(TestSrc src, TestSink sink) {
        Pipeline p = new Pipeline("p");
        p.add(src, sink);
        src.src.linkOrThrow(sink.sink);
        return p;
    }

    private static boolean matches(String regex, String text) {
        return Pattern.compile(regex).matcher(text).find();
    }

    @Test
    void drawsElementsPadsStatesAndLinks() {
        TestSrc src = new TestSrc("src");
        TestSink sink = new TestSink("sink");
        Pipeline p = smallPipeline(src, sink);

        String dot = DotDump.toDot(p);

        assertTrue(dot.startsWith("digraph pipeline {\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
        assertTrue(dot.contains("label=\"<Pipeline>\\np\\n[0]\";"), "graph label names the pipeline and its state\n" + dot);
        assertTrue(dot.contains("legend ["), dot);
        assertTrue(dot.contains("Element-States: [~] void-pending, [0] null, [-] ready, [=] paused, [>] playing"), dot);
        // one cluster per element, labelled with class, name and state
        assertTrue(matches("subgraph \"cluster_src_\\d+\" \\{", dot), dot);
        assertTrue(matches("subgraph \"cluster_sink_\\d+\" \\{", dot), dot);
        assertTrue(dot.contains("label=\"TestSrc\\nsrc\\n[0]\";"), dot);
        assertTrue(dot.contains("label=\"TestSink\\nsink\\n[0]\";"), dot);
        // source pads in a src sub-cluster, sink pads in a sink sub-cluster; inactive and flushing
        assertTrue(matches("subgraph \"cluster_src_\\d+_src\" \\{\\n\\s+label=\"\";\\n\\s+style=\"invis\";\\n"
                + "\\s+\"src_\\d+_src_\\d+\" \\[color=black, fillcolor=\"#ffaaaa\", label=\"src\\\\n\\[-\\]\\[bFb\\]\"", dot), dot);
        assertTrue(matches("\"sink_\\d+_sink_\\d+\" \\[color=black, fillcolor=\"#aaaaff\", label=\"sink\\\\n\\[-\\]\\[bFb\\]\"", dot), dot);
        // sources red, sinks blue
        assertTrue(dot.contains("fillcolor=\"#ffaaaa\";"), dot);
        assertTrue(dot.contains("fillcolor=\"#aaaaff\";"), dot);
        // not negotiated: each end shows what its caps query allows, abbreviated to media types
        assertTrue(matches("\"src_\\d+_src_\\d+\" -> \"sink_\\d+_sink_\\d+\" \\[labeldistance=\"10\", labelangle=\"0\", "
                + "label=\" +\", taillabel=\"video/x-raw\\\\limage/png\\\\l\", headlabel=\"ANY\"\\]", dot), dot);
        assertWellFormed(dot);
    }

    @Test
    void labelsNegotiatedLinksWithTheCurrentCapsAndShowsActivePads() {
        TestSrc src = new TestSrc("src");
        TestSink sink = new TestSink("sink");
        Pipeline p = smallPipeline(src, sink);
        src.set(TestSrc.NUM_BUFFERS, 10);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PAUSED));
            assertTrue(src.src.pushEvent(Event.streamStart("s")));
            assertTrue(src.src.pushEvent(Event.caps(Caps.parse("video/x-raw, format=(string)RGB, width=(int)320"))));
            assertTrue(src.src.pushEvent(Event.segment(new Segment(Format.TIME))));

            String dot = DotDump.toDot(p);

            assertTrue(dot.contains("label=\"TestSrc\\nsrc\\n[=]\\nnum-buffers=10\";"), "state and non-default property\n" + dot);
            assertTrue(dot.contains("label=\"<Pipeline>\\np\\n[=]\";"), dot);
            assertTrue(dot.contains("label=\"src\\n[>][bfb]\""), "active in push mode, not flushing\n" + dot);
            String caps = "video/x-raw\\l" + String.format("  %18s: %s", "format", "RGB") + "\\l"
                    + String.format("  %18s: %s", "width", "320") + "\\l";
            assertTrue(matches("\"src_\\d+_src_\\d+\" -> \"sink_\\d+_sink_\\d+\" \\[label=\"" + Pattern.quote(caps) + "\"\\]", dot),
                    "both ends agree: one label with every field\n" + dot);
            assertWellFormed(dot);
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void fewerDetailsOnRequest() {
        Pipeline p = smallPipeline(new TestSrc("src"), new TestSink("sink"));
        String bare = DotDump.toDot(p, EnumSet.noneOf(DotDump.Detail.class));
        assertTrue(bare.contains("label=\"TestSrc\\nsrc\";"), "no state in the label\n" + bare);
        assertTrue(bare.contains("label=\"src\", height"), "no pad flags\n" + bare);
        assertFalse(bare.contains("taillabel"), bare);
        assertTrue(matches("\"src_\\d+_src_\\d+\" -> \"sink_\\d+_sink_\\d+\"\\n", bare), bare);

        String media = DotDump.toDot(p, EnumSet.of(DotDump.Detail.MEDIA_TYPE));
        assertTrue(media.contains("taillabel=\"*\", headlabel=\"ANY\""), "two media types abbreviate to *\n" + media);
        assertWellFormed(bare);
        assertWellFormed(media);
    }

    @Test
    void escapesQuotesBackslashesAndNewlinesInNames() {
        Pipeline p = new Pipeline("pipe \"one\"");
        TestSink odd = new TestSink("we\"ird\nna\\me");
        p.add(odd);

        String dot = DotDump.toDot(p);

        assertTrue(dot.contains("TestSink\\nwe\\\"ird\\nna\\\\me\\n[0]"), dot);
        assertTrue(dot.contains("<Pipeline>\\npipe \\\"one\\\"\\n[0]"), dot);
        // ids keep only letters, digits and '_'
        assertTrue(matches("subgraph \"cluster_we_ird_na_me_\\d+\"", dot), dot);
        assertWellFormed(dot);
    }

    @Test
    void drawsGhostPadsWithTheirInternalPad() {
        Pipeline p = new Pipeline("p");
        TestSrc src = new TestSrc("src");
        Bin bin = new Bin("bin");
        TestSink sink = new TestSink("sink");
        bin.add(sink);
        GhostPad ghost = GhostPad.expose(bin, sink, "sink");
        p.add(src, bin);
        src.src.linkOrThrow(ghost);

        String dot = DotDump.toDot(p);

        assertTrue(matches("subgraph \"cluster_bin_\\d+\" \\{", dot), dot);
        assertTrue(dot.contains("label=\"Bin\\nbin\\n[0]\";"), dot);
        assertTrue(dot.contains("fillcolor=\"#ffffff\";"), "bins are white\n" + dot);
        // the ghost pad, its internal pad (same light colour), and the dashed edge between them
        assertTrue(matches("\"bin_\\d+_sink_\\d+\" \\[color=black, fillcolor=\"#ddddff\", label=\"sink\\\\n", dot), dot);
        assertTrue(matches("\"bin_\\d+_sink_internal_\\d+\" \\[color=black, fillcolor=\"#ddddff\", label=\"sink-internal", dot), dot);
        assertTrue(matches("\"bin_\\d+_sink_\\d+\" -> \"bin_\\d+_sink_internal_\\d+\" \\[style=dashed, minlen=0\\]", dot), dot);
        // the internal pad links to the target inside the bin; the outer source links to the ghost
        assertTrue(matches("\"bin_\\d+_sink_internal_\\d+\" -> \"sink_\\d+_sink_\\d+\"", dot), dot);
        assertTrue(matches("\"src_\\d+_src_\\d+\" -> \"bin_\\d+_sink_\\d+\"", dot), dot);
        // the inner element's cluster is nested inside the bin's
        int binAt = dot.indexOf("subgraph \"cluster_bin_");
        int sinkAt = dot.indexOf("subgraph \"cluster_sink_");
        assertTrue(binAt >= 0 && sinkAt > binAt, dot);
        assertWellFormed(dot);
    }

    @Test
    void graphvizRendersTheDump() throws Exception {
        Path dot = findOnPath("dot");
        Assumptions.assumeTrue(dot != null,
                "Graphviz 'dot' is not installed (apt-get install graphviz): skipping the render check");

        Pipeline p = new Pipeline("render \"me\"");
        TestSrc src = new TestSrc("src");
        Bin bin = new Bin("bin");
        TestSink sink = new TestSink("we\"ird\nna\\me");
        bin.add(sink);
        GhostPad ghost = GhostPad.expose(bin, sink, "sink");
        p.add(src, bin);
        src.src.linkOrThrow(ghost);
        try {
            p.setState(State.PAUSED);
            src.src.pushEvent(Event.streamStart("s"));
            src.src.pushEvent(Event.caps(Caps.parse("video/x-raw, format=(string)RGB, width=(int)320, "
                    + "framerate=(fraction)30/1, colorimetry=(string)\"bt601-with-a-very-long-name\"")));
            for (String text : List.of(DotDump.toDot(p), DotDump.toDot(p, EnumSet.noneOf(DotDump.Detail.class)))) {
                Process proc = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(true).start();
                proc.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                proc.getOutputStream().close();
                String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
                assertEquals(0, proc.exitValue(), "dot -Tsvg failed:\n" + output + "\non:\n" + text);
                assertTrue(output.contains("<svg"), output);
            }
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void dumpsAtEveryStateChangeOfATopLevelPipeline(@TempDir Path dir) throws IOException {
        System.setProperty(DotDump.DIR_PROPERTY, dir.toString());
        Pipeline p = smallPipeline(new TestSrc("src"), new TestSink("sink"));
        Pipeline inner = new Pipeline("inner");
        p.add(inner);

        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.READY));
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));

        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(2, names.size(), "one dump per state change of the top-level pipeline only: " + names);
        assertTrue(names.get(0).matches("\\d+\\.\\d{2}\\.\\d{2}\\.\\d{9}-p\\.NULL_READY\\.dot"), names.toString());
        assertTrue(names.get(1).matches("\\d+\\.\\d{2}\\.\\d{2}\\.\\d{9}-p\\.READY_NULL\\.dot"), names.toString());
        String first = Files.readString(dir.resolve(names.get(0)));
        assertTrue(first.contains("label=\"<Pipeline>\\np\\n[-]\";"), "the dump shows the new state\n" + first);
        assertTrue(first.contains("label=\"TestSrc\\nsrc\\n[-]\";"), first);
        assertWellFormed(first);
    }

    @Test
    void dumpToFileWritesOnlyWhenADirectoryIsSet(@TempDir Path dir) throws IOException {
        Pipeline p = smallPipeline(new TestSrc("src"), new TestSink("sink"));

        System.setProperty(DotDump.DIR_PROPERTY, "");
        assertNull(DotDump.dumpDirectory(), "an empty property turns dumps off, whatever the environment says");
        assertNull(DotDump.dumpToFile(p, "off"));

        Path sub = dir.resolve("made/on/demand");
        System.setProperty(DotDump.DIR_PROPERTY, sub.toString());
        Path file = DotDump.dumpToFile(p, "my:graph");
        assertNotNull(file);
        assertEquals(sub.resolve("my_graph.dot"), file, "the directory is created; ':' is replaced");
        assertEquals(DotDump.toDot(p), Files.readString(file));

        Path ts = DotDump.dumpToFileWithTs(p, "snap");
        assertNotNull(ts);
        assertTrue(ts.getFileName().toString().matches("\\d+\\.\\d{2}\\.\\d{2}\\.\\d{9}-snap\\.dot"), ts.toString());
    }

    @Test
    void timestampsHaveNoColons() {
        assertEquals("0.00.00.000000000", DotDump.timestamp(0));
        assertEquals("0.00.00.123456789", DotDump.timestamp(123_456_789L));
        assertEquals("1.02.03.000000004", DotDump.timestamp(3_723_000_000_004L));
    }

    @Test
    void longCapsValuesAreShortenedKeepingTheirBracket() {
        assertEquals("RGB", DotDump.shorten("RGB"));
        String list = "{ I420, YV12, YUY2, UYVY, AYUV, RGBx }";
        String s = DotDump.shorten(list);
        assertEquals(25, s.length(), s);
        assertTrue(s.startsWith("{ I420") && s.endsWith("... }"), s);
        String plain = DotDump.shorten("a".repeat(40));
        assertEquals(25, plain.length());
        assertTrue(plain.endsWith("..."));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Checks the dot text is lexically sound: every quoted string closes on its own line (so no
     * raw newline sits inside a label), and braces balance.
     */
    static void assertWellFormed(String dot) {
        int braces = 0;
        String[] lines = dot.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            boolean inString = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                }
            }
            if (inString) {
                fail("unterminated string on line " + (n + 1) + ": " + line + "\n" + dot);
            }
        }
        assertEquals(0, braces, "unbalanced braces\n" + dot);
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
