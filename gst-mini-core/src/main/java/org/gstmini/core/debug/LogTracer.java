package org.gstmini.core.debug;

import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The {@code log} tracer: writes one log line for every hook, so you can watch a pipeline work
 * call by call without touching its code.
 *
 * <p>Mirrors GStreamer's "log" tracer (plugins/tracers/gstlog.c). Enable it with
 * {@code GST_MINI_TRACERS=log} and make its logger talk, since it writes below the usual level:
 *
 * <pre>
 *   GST_MINI_TRACERS=log GST_MINI_DEBUG="tracer.log:7" gst-launch ...
 * </pre>
 *
 * Everything goes to the SLF4J logger {@value #LOGGER_NAME} (GStreamer spreads it over
 * GST_BUFFER, GST_EVENT, GST_STATES... categories; one logger is simpler to switch on). Data-flow
 * hooks — buffer pushes and chains, events, queries — log at TRACE because there are many of
 * them; state changes and new elements log at DEBUG. Each line starts with the hook name and
 * the time since the process started, like GStreamer's:
 *
 * <pre>
 *   pad-push-pre: 0:00:00.812345678, pad=&lt;src:src&gt;, pts=0:00:00.000000000, duration=0:00:00.040000000, size=4
 *   pad-chain-pre: 0:00:00.812351234, pad=&lt;sink:sink&gt;, pts=0:00:00.000000000, duration=0:00:00.040000000, size=4
 *   pad-chain-post: 0:00:00.812360000, pad=&lt;sink:sink&gt;, res=OK
 *   pad-push-post: 0:00:00.812361111, pad=&lt;src:src&gt;, res=OK
 *   element-change-state-pre: 0:00:00.900000000, element=&lt;pipeline0&gt;, change=PAUSED_TO_READY
 * </pre>
 *
 * <p>Parameters: {@code log(name=mine)} puts {@code [mine]} in front of each line, to tell two
 * log tracers apart. A line is only built when the logger's level lets it through.
 *
 * <p>To capture the lines somewhere else (a test, a UI), subclass and override
 * {@link #isEnabled(Level)} and {@link #log(Level, String, String)}.
 */
public class LogTracer extends Tracer {
    /** The SLF4J logger the lines go to. */
    public static final String LOGGER_NAME = "org.gstmini.tracer.log";

    /** The factory registered by the core as tracer {@code log}. */
    public static final TracerFactory FACTORY = new TracerFactory("log",
            "Logs every hook through SLF4J logger " + LOGGER_NAME + " (data flow at TRACE, states at DEBUG)",
            LogTracer::new);

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final String name;

    /** A log tracer without parameters. */
    public LogTracer() {
        this("");
    }

    /**
     * A log tracer from the text of {@code log(...)}: comma-separated {@code key=value} pairs;
     * the only key is {@code name}.
     *
     * @throws IllegalArgumentException for an unknown key or a pair without {@code =}
     */
    public LogTracer(String params) {
        String n = "";
        String text = params == null ? "" : params.trim();
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                String p = pair.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("log tracer: expected key=value, got '" + p + "' (known keys: name)");
                }
                String key = p.substring(0, eq).trim();
                String value = p.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!key.equals("name")) {
                    throw new IllegalArgumentException("log tracer: unknown parameter '" + key + "' (known keys: name)");
                }
                n = value;
            }
        }
        this.name = n;
    }

    /** The name given with {@code log(name=...)}, or the empty string. */
    public String getName() {
        return name;
    }

    // ---------------------------------------------------------------- output

    /** Whether lines at {@code level} are wanted; the default asks the SLF4J logger. */
    protected boolean isEnabled(Level level) {
        return LOG.isEnabledForLevel(level);
    }

    /** Writes one line; the default logs {@code hook: message} on {@value #LOGGER_NAME}. */
    protected void log(Level level, String hook, String message) {
        LOG.atLevel(level).log(name.isEmpty() ? hook + ": " + message : "[" + name + "] " + hook + ": " + message);
    }

    private static String ts() {
        return ClockTime.format(StartTime.elapsedNanos());
    }

    private static String pad(Pad pad) {
        return "<" + pad + ">";
    }

    private static String element(Element e) {
        return "<" + e.getName() + ">";
    }

    private static String buffer(Buffer b) {
        StringBuilder sb = new StringBuilder();
        sb.append("pts=").append(ClockTime.format(b.pts()));
        if (b.dts() != ClockTime.NONE && b.dts() != b.pts()) {
            sb.append(", dts=").append(ClockTime.format(b.dts()));
        }
        sb.append(", duration=").append(ClockTime.format(b.duration())).append(", size=").append(b.size());
        if (!b.flags().isEmpty()) {
            sb.append(", flags=").append(b.flags());
        }
        return sb.toString();
    }

    private static String query(Query q) {
        String s = q.toString();
        String cls = q.getClass().getName();
        return s.startsWith(cls + "@") ? q.getClass().getSimpleName() : s;
    }

    // ---------------------------------------------------------------- hooks

    @Override
    public void padPushPre(Pad pad, Buffer buffer) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-push-pre", ts() + ", pad=" + pad(pad) + ", " + buffer(buffer));
        }
    }

    @Override
    public void padPushPost(Pad pad, FlowReturn result) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-push-post", ts() + ", pad=" + pad(pad) + ", res=" + result);
        }
    }

    @Override
    public void padChainPre(Pad pad, Buffer buffer) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-chain-pre", ts() + ", pad=" + pad(pad) + ", " + buffer(buffer));
        }
    }

    @Override
    public void padChainPost(Pad pad, FlowReturn result) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-chain-post", ts() + ", pad=" + pad(pad) + ", res=" + result);
        }
    }

    @Override
    public void padPushEventPre(Pad pad, Event event) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-push-event-pre", ts() + ", pad=" + pad(pad) + ", event=" + event);
        }
    }

    @Override
    public void padPushEventPost(Pad pad, boolean result) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-push-event-post", ts() + ", pad=" + pad(pad) + ", res=" + result);
        }
    }

    @Override
    public void padQueryPre(Pad pad, Query query) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-query-pre", ts() + ", pad=" + pad(pad) + ", query=" + query(query));
        }
    }

    @Override
    public void padQueryPost(Pad pad, Query query, boolean result) {
        if (isEnabled(Level.TRACE)) {
            log(Level.TRACE, "pad-query-post", ts() + ", pad=" + pad(pad) + ", query=" + query(query) + ", res=" + result);
        }
    }

    @Override
    public void elementChangeStatePre(Element element, StateChange transition) {
        if (isEnabled(Level.DEBUG)) {
            log(Level.DEBUG, "element-change-state-pre", ts() + ", element=" + element(element) + ", change=" + transition);
        }
    }

    @Override
    public void elementChangeStatePost(Element element, StateChange transition, StateChangeReturn result) {
        if (isEnabled(Level.DEBUG)) {
            log(Level.DEBUG, "element-change-state-post", ts() + ", element=" + element(element) + ", change="
                    + transition + ", res=" + result);
        }
    }

    @Override
    public void elementNew(Element element) {
        if (isEnabled(Level.DEBUG)) {
            String factory = element.getFactory() == null ? "" : ", factory=" + element.getFactory().getName();
            log(Level.DEBUG, "element-new", ts() + ", element=" + element(element) + factory);
        }
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "log" : "log(name=" + name + ")";
    }
}
