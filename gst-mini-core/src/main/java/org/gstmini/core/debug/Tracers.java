package org.gstmini.core.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Names;
import org.gstmini.core.Pad;
import org.gstmini.core.Query;
import org.gstmini.core.Registry;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed tracers, and the dispatch the core calls at each hook point.
 *
 * <p>The core guards every hook with {@code if (Tracers.active)}, so tracing costs one field
 * read when nothing is installed. Install tracers before starting a pipeline; installing while
 * data flows is safe but threads may see the change a little later.
 *
 * <h2>Tracers from the environment</h2>
 * Like GStreamer's {@code GST_TRACERS}, the environment variable {@value #ENV} names tracers to
 * install, with optional parameters: {@code GST_MINI_TRACERS="log"} or
 * {@code GST_MINI_TRACERS="log(name=mine)"} (syntax in {@link TracerSpec}). Each name is
 * looked up with {@link Registry#findTracer} — tracers are plugin features — and the factory
 * makes the tracer from the text between the parentheses. This happens once, automatically,
 * when the first {@link org.gstmini.core.Element} is created ({@link #installFromEnvironment()}),
 * or earlier if an application calls it first. The system property {@value #PROPERTY}, when set,
 * takes precedence over the variable: {@code java -Dgstmini.tracers=log ...}.
 */
public final class Tracers {
    /** The environment variable listing the tracers to install, like {@code GST_TRACERS}. */
    public static final String ENV = "GST_MINI_TRACERS";
    /** The system property that, when set, is used instead of {@value #ENV}. */
    public static final String PROPERTY = "gstmini.tracers";

    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.tracer");
    /** Held while the environment's tracers are installed, so a second caller waits for them. */
    private static final Object ENV_LOCK = new Object();
    private static boolean environmentDone; // guarded by ENV_LOCK

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

    /**
     * Installs the tracers named in {@value #PROPERTY} or, if that property is not set, in
     * {@value #ENV} — the first time it is called; later calls do nothing. Mirrors
     * {@code _priv_gst_tracing_init} (gst/gsttracerutils.c), which {@code gst_init} runs after
     * loading the registry. Problems (a malformed list, an unknown tracer, parameters a tracer
     * refuses) are logged at WARN on {@code org.gstmini.tracer} and never thrown: a typo in a
     * debugging variable must not stop the application. When neither is set, the registry is not
     * even touched.
     *
     * <p>The core calls it from the {@link org.gstmini.core.Pipeline} constructor; call it
     * yourself first to trace elements created before any pipeline.
     */
    public static void installFromEnvironment() {
        synchronized (ENV_LOCK) {
            if (environmentDone) {
                return;
            }
            environmentDone = true;
            String spec = System.getProperty(PROPERTY);
            if (spec == null) {
                spec = System.getenv(ENV);
            }
            if (spec == null || spec.isBlank()) {
                return;
            }
            LOG.info("enabling tracers: '{}'", spec);
            try {
                installFromSpec(spec, Registry.get());
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /** Lets tests run {@link #installFromEnvironment()} again. */
    static void resetEnvironmentGuard() {
        synchronized (ENV_LOCK) {
            environmentDone = false;
        }
    }

    /**
     * Installs the tracers of a {@code GST_MINI_TRACERS}-style list, found in {@code registry},
     * and returns them in order. An unknown name, or a factory that refuses its parameters
     * (throws IllegalArgumentException), is skipped with a WARN that suggests close names.
     *
     * @throws IllegalArgumentException when the list itself is malformed (see
     *                                  {@link TracerSpec#parseList}); nothing is installed then
     */
    public static List<Tracer> installFromSpec(String spec, Registry registry) {
        Objects.requireNonNull(registry, "registry");
        List<TracerSpec> specs = TracerSpec.parseList(spec);
        List<Tracer> made = new ArrayList<>();
        for (TracerSpec s : specs) {
            TracerFactory factory = registry.findTracer(s.name());
            if (factory == null) {
                List<String> known = registry.tracerFactories().stream().map(TracerFactory::name).toList();
                LOG.warn("{}: no tracer named '{}'{} (known tracers: {})", ENV, s.name(),
                        Names.suggestion(s.name(), known), known.isEmpty() ? "none" : String.join(", ", known));
                continue;
            }
            Tracer tracer;
            try {
                tracer = factory.constructor().apply(s.params());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: cannot create tracer '{}': {}", ENV, s, e.getMessage());
                continue;
            }
            if (tracer == null) {
                LOG.warn("{}: tracer factory '{}' made no tracer", ENV, s.name());
                continue;
            }
            install(tracer);
            made.add(tracer);
            LOG.debug("installed tracer {}", s);
        }
        return made;
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
