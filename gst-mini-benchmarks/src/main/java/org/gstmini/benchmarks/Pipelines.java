package org.gstmini.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.Bin;
import org.gstmini.core.Bus;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.parse.Parse;

/**
 * The pipelines of the throughput benchmark, as gst-launch lines, and a small driver that
 * builds one with {@link Parse#launch}, prerolls it, plays it to EOS and checks that every
 * buffer reached every sink.
 *
 * <p>The same lines run under {@code bin/gst-launch} and {@code gst-launch-1.0} in
 * {@code time-gst-launch.sh}; fakesrc and fakesink keep their defaults (silent=true,
 * sync=false, empty buffers), as in GStreamer.
 */
public final class Pipelines {
    /** The benchmark's pipelines by short name; {@code %d} is num-buffers. */
    public static final Map<String, String> LINES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fakesrc-fakesink", "fakesrc num-buffers=%d ! fakesink");
        m.put("identity-1", "fakesrc num-buffers=%d ! identity ! fakesink");
        m.put("identity-5", "fakesrc num-buffers=%d !" + " identity !".repeat(5) + " fakesink");
        m.put("identity-10", "fakesrc num-buffers=%d !" + " identity !".repeat(10) + " fakesink");
        m.put("queue", "fakesrc num-buffers=%d ! queue ! fakesink");
        m.put("tee-2-queues", "fakesrc num-buffers=%d ! tee name=t t. ! queue ! fakesink t. ! queue ! fakesink");
        LINES = Collections.unmodifiableMap(m);
    }

    private Pipelines() {
    }

    /** The gst-launch line of pipeline {@code name} with {@code buffers} buffers. */
    public static String line(String name, long buffers) {
        String format = LINES.get(name);
        if (format == null) {
            throw new IllegalArgumentException("no pipeline named \"" + name + "\"; known: " + LINES.keySet());
        }
        return String.format(java.util.Locale.ROOT, format, buffers);
    }

    /** How many identity elements pipeline {@code name} has (for the slope), or -1 if it is not a chain of them. */
    public static int identities(String name) {
        if (name.equals("fakesrc-fakesink")) {
            return 0;
        }
        if (name.startsWith("identity-")) {
            return Integer.parseInt(name.substring("identity-".length()));
        }
        return -1;
    }

    /**
     * One pipeline run: built and prerolled by {@link #prepare}, played to EOS by {@link #play}
     * (the part to time), checked and stopped by {@link #finish}.
     */
    public static final class Run {
        private final String description;
        private final long buffers;
        private final Element pipeline;
        private final Bus bus;
        private final List<Element> sinks;

        private Run(String description, long buffers, Element pipeline) {
            this.description = description;
            this.buffers = buffers;
            this.pipeline = pipeline;
            this.bus = pipeline.getBus();
            List<Element> s = new ArrayList<>();
            if (pipeline instanceof Bin bin) {
                for (Element e : bin.getChildrenRecursive()) {
                    if (e.getFactory() != null && "fakesink".equals(e.getFactory().getName())) {
                        s.add(e);
                    }
                }
            }
            this.sinks = s;
        }

        /** The pipeline being run. */
        public Element pipeline() {
            return pipeline;
        }

        /** Sets PLAYING and blocks until EOS; throws on an ERROR message or after {@code timeoutSeconds}. */
        public void play(long timeoutSeconds) {
            if (pipeline.setState(State.PLAYING) == StateChangeReturn.FAILURE) {
                throw new IllegalStateException(description + ": failed to go to PLAYING");
            }
            Message m = bus.timedPop(TimeUnit.SECONDS.toNanos(timeoutSeconds), MessageType.EOS, MessageType.ERROR);
            if (m == null) {
                throw new IllegalStateException(description + ": no EOS after " + timeoutSeconds + " s");
            }
            if (m.type() == MessageType.ERROR) {
                throw new IllegalStateException(description + ": " + m);
            }
        }

        /** Buffers rendered by each fakesink (their {@code stats} "rendered" field). */
        public List<Long> renderedPerSink() {
            List<Long> r = new ArrayList<>();
            for (Element s : sinks) {
                Structure stats = (Structure) s.getProperty("stats");
                r.add(stats.getLong("rendered"));
            }
            return r;
        }

        /** Checks that every sink rendered every buffer, then sets NULL. */
        public void finish() {
            try {
                List<Long> rendered = renderedPerSink();
                if (sinks.isEmpty() || rendered.stream().anyMatch(n -> n != buffers)) {
                    throw new IllegalStateException(description + ": the sinks rendered " + rendered + " buffers, not "
                            + buffers + " each");
                }
            } finally {
                pipeline.setState(State.NULL);
            }
        }

        /** Sets NULL without checking. */
        public void stop() {
            pipeline.setState(State.NULL);
        }
    }

    /**
     * Builds pipeline {@code name} with {@code buffers} buffers and brings it to PAUSED: every
     * sink holds its first buffer (prerolled), so {@link Run#play} times the data flow alone.
     */
    public static Run prepare(String name, long buffers) {
        String description = line(name, buffers);
        Element p = Parse.launch(description);
        Run run = new Run(description, buffers, p);
        StateChangeReturn r = p.setState(State.PAUSED);
        if (r == StateChangeReturn.FAILURE) {
            run.stop();
            throw new IllegalStateException(description + ": failed to go to PAUSED");
        }
        Element.StateResult s = p.getState(TimeUnit.SECONDS.toNanos(30));
        if (s.result() != StateChangeReturn.SUCCESS || s.current() != State.PAUSED) {
            run.stop();
            throw new IllegalStateException(description + ": did not preroll: " + s);
        }
        return run;
    }
}
