package org.gstmini.core.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;

/**
 * The installed tracers, and the dispatch the core calls at each hook point.
 *
 * <p>The core guards every hook with {@code if (Tracers.active)}, so tracing costs one field
 * read when nothing is installed. Install tracers before starting a pipeline; installing while
 * data flows is safe but threads may see the change a little later.
 */
public final class Tracers {
    /** True when at least one tracer is installed; read by the core on every hook. */
    public static volatile boolean active;

    private static volatile Tracer[] installed = new Tracer[0];

    private Tracers() {
    }

    /** Adds a tracer; it sees every hook from now on. */
    public static synchronized void install(Tracer tracer) {
        Objects.requireNonNull(tracer, "tracer");
        List<Tracer> list = new ArrayList<>(List.of(installed));
        list.add(tracer);
        installed = list.toArray(new Tracer[0]);
        active = true;
    }

    /** Removes a tracer installed before. */
    public static synchronized void uninstall(Tracer tracer) {
        List<Tracer> list = new ArrayList<>(List.of(installed));
        list.remove(tracer);
        installed = list.toArray(new Tracer[0]);
        active = !list.isEmpty();
    }

    /** The tracers installed now. */
    public static List<Tracer> installed() {
        return List.of(installed);
    }

    public static void padPushPre(Pad pad, Buffer buffer) {
        for (Tracer t : installed) {
            t.padPushPre(pad, buffer);
        }
    }

    public static void padPushPost(Pad pad, FlowReturn result) {
        for (Tracer t : installed) {
            t.padPushPost(pad, result);
        }
    }

    public static void padChainPre(Pad pad, Buffer buffer) {
        for (Tracer t : installed) {
            t.padChainPre(pad, buffer);
        }
    }

    public static void padChainPost(Pad pad, FlowReturn result) {
        for (Tracer t : installed) {
            t.padChainPost(pad, result);
        }
    }

    public static void padPushEventPre(Pad pad, Event event) {
        for (Tracer t : installed) {
            t.padPushEventPre(pad, event);
        }
    }

    public static void padPushEventPost(Pad pad, boolean result) {
        for (Tracer t : installed) {
            t.padPushEventPost(pad, result);
        }
    }

    public static void padQueryPre(Pad pad, Query query) {
        for (Tracer t : installed) {
            t.padQueryPre(pad, query);
        }
    }

    public static void padQueryPost(Pad pad, Query query, boolean result) {
        for (Tracer t : installed) {
            t.padQueryPost(pad, query, result);
        }
    }

    public static void elementChangeStatePre(Element element, StateChange transition) {
        for (Tracer t : installed) {
            t.elementChangeStatePre(element, transition);
        }
    }

    public static void elementChangeStatePost(Element element, StateChange transition, StateChangeReturn result) {
        for (Tracer t : installed) {
            t.elementChangeStatePost(element, transition, result);
        }
    }

    public static void elementNew(Element element) {
        for (Tracer t : installed) {
            t.elementNew(element);
        }
    }
}
