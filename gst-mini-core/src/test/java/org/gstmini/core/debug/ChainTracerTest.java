package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainTracerTest {
    private Tracer installed;

    @AfterEach
    void uninstall() {
        if (installed != null) {
            Tracers.uninstall(installed);
        }
    }

    /** Runs {@code src ! pass ! sink} to EOS with the tracer installed. */
    private static void runPipeline(String prefix, int buffers) {
        Pipeline p = new Pipeline(prefix + "pipe");
        TestSrc src = new TestSrc();
        src.setName(prefix + "src");
        src.set(TestSrc.NUM_BUFFERS, buffers);
        PassThrough pass = new PassThrough();
        pass.setName(prefix + "pass");
        TestSink sink = new TestSink();
        sink.setName(prefix + "sink");
        p.add(src, pass, sink);
        Element.linkMany(src, pass, sink);
        try {
            p.setState(State.PLAYING);
            Message m = p.getBus().timedPop(10 * ClockTime.SECOND, MessageType.EOS, MessageType.ERROR);
            assertNotNull(m, "no EOS within 10 s");
            assertEquals(MessageType.EOS, m.type(), m.toString());
        } finally {
            p.setState(State.NULL);
        }
    }

    private static List<String> linesWith(String text, String marker) {
        return text.lines().filter(l -> l.contains(marker)).toList();
    }

    @Test
    void printsEachBuffersJourneyToSystemOutIndentedByCallDepth() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            installed = new ChainTracer();
            Tracers.install(installed);
            runPipeline("ct1", 2);
            Tracers.uninstall(installed);
        } finally {
            System.setOut(original);
        }
        List<String> lines = linesWith(captured.toString(StandardCharsets.UTF_8), "ct1");
        String t = "[ct1src:src] "; // the source's streaming task runs the whole chain
        List<String> expected = List.of(
                t + "ct1src:src push -> ct1pass:sink (pts 0:00:00.000000000)",
                t + "  ct1pass:sink chain",
                t + "    ct1pass:src push -> ct1sink:sink (pts 0:00:00.000000000)",
                t + "      ct1sink:sink chain",
                t + "      ct1sink:sink chain returned ok",
                t + "    ct1pass:src push returned ok",
                t + "  ct1pass:sink chain returned ok",
                t + "ct1src:src push returned ok",
                t + "ct1src:src push -> ct1pass:sink (pts 0:00:00.010000000)",
                t + "  ct1pass:sink chain",
                t + "    ct1pass:src push -> ct1sink:sink (pts 0:00:00.010000000)",
                t + "      ct1sink:sink chain",
                t + "      ct1sink:sink chain returned ok",
                t + "    ct1pass:src push returned ok",
                t + "  ct1pass:sink chain returned ok",
                t + "ct1src:src push returned ok");
        assertEquals(expected, lines, String.join("\n", lines));
    }

    @Test
    void withEventsItAlsoShowsEventsTravellingTheSameStack() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        installed = new ChainTracer("events=true", out);
        Tracers.install(installed);
        runPipeline("ct2", 1);
        Tracers.uninstall(installed);

        List<String> lines = linesWith(captured.toString(StandardCharsets.UTF_8), "ct2");
        String t = "[ct2src:src] ";
        for (String event : List.of("stream-start", "caps", "segment", "eos")) {
            int outer = lines.indexOf(t + "ct2src:src push event " + event + " -> ct2pass:sink");
            int inner = lines.indexOf(t + "  ct2pass:src push event " + event + " -> ct2sink:sink");
            assertTrue(outer >= 0 && inner == outer + 1, event + " is forwarded inside the first push:\n"
                    + String.join("\n", lines));
            assertEquals(t + "  ct2pass:src push event returned true", lines.get(inner + 1), String.join("\n", lines));
            assertEquals(t + "ct2src:src push event returned true", lines.get(inner + 2), String.join("\n", lines));
        }
        assertEquals(4, lines.stream().filter(l -> l.equals(t + "ct2src:src push event returned true")).count(),
                String.join("\n", lines));
        assertTrue(lines.contains(t + "ct2src:src push -> ct2pass:sink (pts 0:00:00.000000000)"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains(" query ")), "queries are off by default");
    }

    @Test
    void depthIsCountedPerThreadAndUnlinkedPushesSaySo() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        ChainTracer tracer = new ChainTracer("", out);
        Pad lonely = new Pad("src", PadDirection.SRC);
        Buffer buffer = Buffer.wrap(new byte[] {1}).withPts(ClockTime.NONE);

        tracer.padPushPre(lonely, buffer); // this thread is one level deep now
        Thread other = new Thread(() -> {
            tracer.padPushPre(lonely, buffer);
            tracer.padPushPost(lonely, FlowReturn.NOT_LINKED);
        }, "ct3-other");
        other.start();
        other.join();
        tracer.padPushPost(lonely, FlowReturn.NOT_LINKED);
        tracer.padPushPost(lonely, FlowReturn.OK); // unbalanced: stays at the margin

        String main = "[" + Thread.currentThread().getName() + "] ";
        assertEquals(List.of(
                main + "'':src push -> (not linked) (pts none)",
                "[ct3-other] '':src push -> (not linked) (pts none)",
                "[ct3-other] '':src push returned not-linked",
                main + "'':src push returned not-linked",
                main + "'':src push returned ok"), captured.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void queriesArePrintedWhenAskedFor() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ChainTracer tracer = new ChainTracer(" queries = true ", new PrintStream(captured, true, StandardCharsets.UTF_8));
        TestSrc src = new TestSrc();
        src.setName("ct4src");
        TestSink sink = new TestSink();
        sink.setName("ct4sink");
        src.src().linkOrThrow(sink.sinkPad());
        installed = tracer;
        Tracers.install(tracer);
        assertTrue(src.src().peerQuery(new org.gstmini.core.Query.AcceptCapsQuery(Caps.parse("test/x-data"))));
        Tracers.uninstall(tracer);
        List<String> lines = linesWith(captured.toString(StandardCharsets.UTF_8), "ct4");
        String t = "[" + Thread.currentThread().getName() + "] ";
        assertEquals(t + "ct4sink:sink query accept-caps", lines.get(0), String.join("\n", lines));
        assertEquals(t + "ct4sink:sink query accept-caps returned true", lines.get(lines.size() - 1),
                String.join("\n", lines));
    }

    @Test
    void eventsPushedByHandShowTheirResult() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ChainTracer tracer = new ChainTracer("events=true", new PrintStream(captured, true, StandardCharsets.UTF_8));
        PassThrough up = new PassThrough(); // no task of its own: this thread does all the pushing
        up.setName("ct5src");
        Pad src = up.getStaticPad("src");
        TestSink sink = new TestSink();
        sink.setName("ct5sink");
        src.linkOrThrow(sink.sinkPad());
        src.setActive(true);
        sink.sinkPad().setActive(true);
        installed = tracer;
        Tracers.install(tracer);
        assertTrue(src.pushEvent(Event.streamStart("s")));
        assertTrue(src.pushEvent(Event.caps(Caps.parse("test/x-data"))));
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))));
        assertEquals(FlowReturn.OK, src.push(Buffer.wrap(new byte[] {7}).withPts(ClockTime.SECOND)));
        Tracers.uninstall(tracer);
        String t = "[" + Thread.currentThread().getName() + "] ";
        assertEquals(List.of(
                t + "ct5src:src push event stream-start -> ct5sink:sink",
                t + "ct5src:src push event returned true",
                t + "ct5src:src push event caps -> ct5sink:sink",
                t + "ct5src:src push event returned true",
                t + "ct5src:src push event segment -> ct5sink:sink",
                t + "ct5src:src push event returned true",
                t + "ct5src:src push -> ct5sink:sink (pts 0:00:01.000000000)",
                t + "  ct5sink:sink chain",
                t + "  ct5sink:sink chain returned ok",
                t + "ct5src:src push returned ok"), captured.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void isRegisteredByTheCoreAndReadsItsParameters() {
        Registry registry = new Registry();
        assertSame(ChainTracer.FACTORY, registry.findTracer("chain"));
        List<Tracer> made = Tracers.installFromSpec("chain(events=true,queries=false)", registry);
        installed = made.get(0);
        assertTrue(made.get(0) instanceof ChainTracer c && c.tracesEvents() && !c.tracesQueries(), made.toString());
        assertEquals("chain(events=true,queries=false)", made.get(0).toString());
        assertEquals("chain", new ChainTracer("").toString());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new ChainTracer("event=true"));
        assertTrue(unknown.getMessage().contains("unknown parameter 'event'"), unknown.getMessage());
        IllegalArgumentException notBool = assertThrows(IllegalArgumentException.class, () -> new ChainTracer("events=maybe"));
        assertTrue(notBool.getMessage().contains("not a boolean"), notBool.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChainTracer("events"));
    }
}
