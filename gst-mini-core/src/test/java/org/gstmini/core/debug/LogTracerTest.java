package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.caps.Caps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogTracerTest {

    /** A log tracer that keeps its lines instead of logging them. */
    static final class CapturingLogTracer extends LogTracer {
        final List<String> lines = new CopyOnWriteArrayList<>();

        CapturingLogTracer(String params) {
            super(params);
        }

        @Override
        protected boolean isEnabled(Level level) {
            return true;
        }

        @Override
        protected void log(Level level, String hook, String message) {
            lines.add(level + " " + hook + ": " + message);
        }

        /** The lines mentioning {@code what}. */
        List<String> about(String what) {
            return lines.stream().filter(l -> l.contains(what)).toList();
        }

        int indexOf(String prefix) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private CapturingLogTracer tracer;

    @AfterEach
    void uninstall() {
        if (tracer != null) {
            Tracers.uninstall(tracer);
        }
    }

    @Test
    void logsEveryHookOfAPushThroughTwoLinkedPads() {
        TestSrc src = new TestSrc("ltsrc");
        TestSink sink = new TestSink("ltsink");
        src.src.linkOrThrow(sink.sink);
        src.src.setActive(true);
        sink.sink.setActive(true);
        tracer = new CapturingLogTracer("");
        Tracers.install(tracer);

        assertTrue(src.src.pushEvent(Event.streamStart("stream")));
        assertTrue(src.src.pushEvent(Event.caps(Caps.parse("video/x-raw, format=(string)RGB"))));
        assertTrue(src.src.pushEvent(Event.segment(new Segment(Format.TIME))));
        Buffer buffer = Buffer.wrap(new byte[] {1, 2, 3, 4}).withPts(ClockTime.SECOND).withDuration(40 * ClockTime.MSECOND);
        assertEquals(FlowReturn.OK, src.src.push(buffer));
        Tracers.uninstall(tracer);

        List<String> mine = tracer.about("<ltsrc:src>");
        assertEquals(3, mine.stream().filter(l -> l.startsWith("TRACE pad-push-event-pre: ")).count(), mine.toString());
        assertEquals(3, mine.stream().filter(l -> l.startsWith("TRACE pad-push-event-post: ") && l.endsWith("res=true")).count(),
                mine.toString());
        assertTrue(mine.stream().anyMatch(l -> l.contains("event=StreamStartEvent[streamId=stream")), mine.toString());

        int pushPre = tracer.indexOf("TRACE pad-push-pre: ");
        int chainPre = tracer.indexOf("TRACE pad-chain-pre: ");
        int chainPost = tracer.indexOf("TRACE pad-chain-post: ");
        int pushPost = tracer.indexOf("TRACE pad-push-post: ");
        assertTrue(pushPre >= 0 && pushPre < chainPre && chainPre < chainPost && chainPost < pushPost,
                "push-pre, chain-pre, chain-post, push-post nest like the calls:\n" + String.join("\n", tracer.lines));
        String pre = tracer.lines.get(pushPre);
        assertTrue(pre.matches("TRACE pad-push-pre: \\d+:\\d{2}:\\d{2}\\.\\d{9}, pad=<ltsrc:src>, "
                + "pts=0:00:01\\.000000000, duration=0:00:00\\.040000000, size=4"), pre);
        assertTrue(tracer.lines.get(chainPre).contains("pad=<ltsink:sink>, pts=0:00:01.000000000"), tracer.lines.get(chainPre));
        assertTrue(tracer.lines.get(chainPost).endsWith("pad=<ltsink:sink>, res=OK"), tracer.lines.get(chainPost));
        assertTrue(tracer.lines.get(pushPost).endsWith("pad=<ltsrc:src>, res=OK"), tracer.lines.get(pushPost));
        assertEquals(1, sink.buffers.size());
    }

    @Test
    void logsQueriesStateChangesAndNewElements() {
        tracer = new CapturingLogTracer("name=mine");
        Tracers.install(tracer);

        TestSrc src = new TestSrc("lqsrc");
        TestSink sink = new TestSink("lqsink");
        src.src.linkOrThrow(sink.sink);
        assertTrue(src.src.peerQuery(new Query.CapsQuery(null)));
        src.setState(State.READY);
        src.setState(State.NULL);
        ElementFactory factory = ElementFactory.builder("lttestsink", () -> new TestSink("made")).build();
        Element made = factory.create(null);
        Tracers.uninstall(tracer);

        List<String> queries = tracer.about("<lqsink:sink>");
        assertTrue(queries.stream().anyMatch(l -> l.startsWith("TRACE pad-query-pre: ") && l.contains("query=caps query")),
                String.join("\n", tracer.lines));
        assertTrue(queries.stream().anyMatch(l -> l.contains("pad-query-post: ") && l.endsWith("res=true")), queries.toString());

        List<String> states = tracer.about("element=<lqsrc>");
        assertEquals(List.of("element-change-state-pre", "element-change-state-post", "element-change-state-pre",
                "element-change-state-post"), states.stream().map(l -> l.split(" ")[1].replace(":", "")).toList(), states.toString());
        assertTrue(states.get(1).startsWith("DEBUG element-change-state-post: "), states.get(1));
        assertTrue(states.get(1).endsWith("change=NULL->READY, res=SUCCESS"), states.get(1));
        assertTrue(states.get(3).endsWith("change=READY->NULL, res=SUCCESS"), states.get(3));

        List<String> created = tracer.about("element-new");
        assertEquals(1, created.size(), created.toString());
        assertTrue(created.get(0).endsWith("element=<" + made.getName() + ">, factory=lttestsink"), created.get(0));
    }

    @Test
    void theNameParameterPrefixesTheLines() {
        assertEquals("mine", new LogTracer("name=mine").getName());
        assertEquals("quoted", new LogTracer("name=\"quoted\"").getName());
        assertEquals("", new LogTracer("").getName());
        assertEquals("log(name=mine)", new LogTracer("name=mine").toString());
    }

    @Test
    void unknownParametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogTracer("level=9"));
        assertTrue(e.getMessage().contains("unknown parameter 'level'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogTracer("justaword"));
    }

    @Test
    void theFactoryIsCalledLog() {
        assertEquals("log", LogTracer.FACTORY.name());
        assertEquals("x", ((LogTracer) LogTracer.FACTORY.constructor().apply("name=x")).getName());
    }
}
