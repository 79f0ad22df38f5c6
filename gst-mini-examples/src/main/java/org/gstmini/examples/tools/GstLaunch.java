package org.gstmini.examples.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gstmini.core.Bin;
import org.gstmini.core.Bus;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Pipeline;
import org.gstmini.core.PluginInfo;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.debug.Tracer;
import org.gstmini.core.debug.Tracers;
import org.gstmini.core.parse.Parse;
import org.gstmini.core.parse.ParseException;

/**
 * {@code gst-launch}: builds a pipeline from a description on the command line, plays it until
 * EOS, an error or Ctrl-C, and prints what happens, line for line like {@code gst-launch-1.0}
 * (tools/gst-launch.c):
 *
 * <pre>
 *   $ bin/gst-launch ticksrc num-buffers=3 ! uppercase ! consolesink
 *   Setting pipeline to PAUSED ...
 *   Pipeline is live and does not need PREROLL ...
 *   Pipeline is PREROLLED ...
 *   Setting pipeline to PLAYING ...
 *   New clock: GstSystemClock
 *   ...
 *   Got EOS from element "pipeline0".
 *   Execution ended after 0:00:00.612345678
 *   Setting pipeline to NULL ...
 *   Freeing pipeline ...
 * </pre>
 *
 * <h2>How it runs a pipeline</h2>
 * The application thread does what GStreamer's main loop does: it sets the pipeline to PAUSED,
 * then reads the bus. When the pipeline reports PAUSED ("PREROLLED": every sink holds its first
 * buffer, or the pipeline is live), it sets PLAYING. A LATENCY message makes it call
 * {@link Bin#recalculateLatency()}; EOS or an ERROR ends the loop; then the pipeline goes to NULL.
 * ERROR messages are printed by a bus sync handler, in the thread that posts them, as gst-launch
 * does, so they appear before the state-change failures they cause.
 *
 * <h2>Options</h2>
 * {@code -v} prints property changes of every element (through
 * {@link Bin#addPropertyDeepNotifyWatch()}) and the caps of every pad once negotiated (a small
 * tracer watches CAPS events; GStreamer gets them from the pads' "caps" property); {@code -X}
 * excludes a property from that; {@code -q} prints no progress; {@code -m} prints every bus
 * message; {@code -t} prints tags; {@code -e} sends EOS on Ctrl-C and waits for it, so files
 * are finished properly. {@code -h} lists them all.
 *
 * <h2>Ctrl-C</h2>
 * A JVM shutdown hook plays the part of gst-launch's SIGINT handler: it posts an application
 * message "GstLaunchInterrupt" on the bus and waits until the main loop has stopped the
 * pipeline; with {@code -e}, the loop first sends EOS and waits for it to come out at the sinks.
 * The hook then ends the JVM with gst-launch's exit code. (A shutdown hook needs no unsupported
 * API, unlike {@code sun.misc.Signal}; it also catches SIGTERM and SIGHUP, which end the
 * pipeline the same way.)
 *
 * <h2>Exit codes</h2>
 * 0 after EOS or an interrupt, 1 after an error or a pipeline that cannot be built, 255
 * (gst-launch's -1) when a state change fails outright.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} does all of it with streams of the
 * caller's choice and returns the exit code; tests drive the tool through it.
 */
public final class GstLaunch {
    /** Exit code after EOS or an interrupt ({@code LEC_NO_ERROR}). */
    public static final int EXIT_OK = 0;
    /** Exit code after an ERROR message or a description that cannot be built ({@code LEC_ERROR}). */
    public static final int EXIT_ERROR = 1;
    /** Exit code when a state change fails ({@code LEC_STATE_CHANGE_FAILURE}, -1 as a process exit code). */
    public static final int EXIT_STATE_CHANGE_FAILURE = 255;

    private static final String INTERRUPT = "GstLaunchInterrupt";

    private final PrintStream out;
    private final PrintStream err;

    // options
    private boolean quiet;
    private boolean verbose;
    private boolean messages;
    private boolean tags;
    private boolean eosOnShutdown;
    private final List<String> exclude = new ArrayList<>();

    // pipeline status, as in gst-launch.c
    private volatile Pipeline pipeline;
    private volatile State targetState = State.PAUSED;
    private volatile int lastCode = EXIT_OK;
    private volatile boolean interrupting;
    private volatile boolean printing = true;
    private boolean waitingEos;
    private boolean quit;
    private final AtomicBoolean errorPrinted = new AtomicBoolean();
    private long playStarted = -1;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode = EXIT_OK;

    /** A launcher printing progress to {@code out} and errors to {@code err}. */
    public GstLaunch(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code gst-launch} with the arguments of the command line. */
    public static void main(String[] args) {
        ToolSetup.logging("gst-launch"); // WARN by default, then GST_MINI_DEBUG; before any logger exists
        GstLaunch launch = new GstLaunch(System.out, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(launch::onShutdownSignal, "gst-launch:interrupt"));
        int code = launch.run(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the tool with {@code args} as on the command line, printing to the given streams;
     * returns the exit code. Blocks until the pipeline has ended.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new GstLaunch(out, err).run(args);
    }

    /** Runs this launcher once; see {@link #run(String[], PrintStream, PrintStream)}. */
    public int run(String[] args) {
        int code = EXIT_ERROR; // if something throws, the hook must not report success
        try {
            code = launch(args);
            return code;
        } finally {
            exitCode = code;
            out.flush();
            err.flush();
            finished.countDown();
        }
    }

    // ---------------------------------------------------------------- Ctrl-C

    /**
     * What Ctrl-C does ({@code intr_handler}): asks the main loop to stop the pipeline, or with
     * {@code -e} to send EOS first. Safe to call from any thread; does nothing before the
     * pipeline is running or after it has ended. Returns whether a pipeline was interrupted.
     */
    public boolean interrupt() {
        Pipeline p = pipeline;
        if (p == null || finished.getCount() == 0) {
            return false;
        }
        print("handling interrupt.");
        return p.postMessage(new Message.Application(p,
                Structure.of(INTERRUPT).with("message", "Pipeline interrupted")));
    }

    /** Waits until {@link #run(String[])} has returned; true if it did within the time. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** The shutdown hook: interrupt, wait for the loop to clean up, then exit with its code. */
    private void onShutdownSignal() {
        if (!interrupt()) {
            return; // nothing running (or a normal System.exit after run): let the JVM go
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        // Exit with gst-launch's code instead of the JVM's 130 for SIGINT.
        Runtime.getRuntime().halt(exitCode);
    }

    // ---------------------------------------------------------------- the run

    private int launch(String[] args) {
        List<String> words = new ArrayList<>();
        Integer early = parseOptions(args, words);
        if (early != null) {
            return early;
        }
        String description = joinDescription(words);

        Element built;
        try {
            built = Parse.launch(description);
        } catch (ParseException e) {
            err.println(parseErrorPrefix(e) + e.getMessage());
            return EXIT_ERROR;
        } catch (RuntimeException e) {
            err.println("ERROR: pipeline could not be constructed: " + e.getMessage());
            return EXIT_ERROR;
        }
        Pipeline p;
        if (built instanceof Pipeline pl) {
            p = pl;
        } else {
            Element made = Registry.get().make("pipeline", null);
            if (!(made instanceof Pipeline pl)) {
                err.println("ERROR: the 'pipeline' element wasn't found.");
                return EXIT_ERROR;
            }
            p = pl;
            p.add(built);
        }
        return play(p);
    }

    /**
     * "WARNING: erroneous pipeline: " when GStreamer would have built part of the pipeline (an
     * unknown element or property, a bad value, a failed link, a missing name), "ERROR: pipeline
     * could not be constructed: " for syntax errors.
     */
    private static String parseErrorPrefix(ParseException e) {
        boolean partial = e.getCause() != null || e.reason().startsWith("no element named");
        return partial ? "WARNING: erroneous pipeline: " : "ERROR: pipeline could not be constructed: ";
    }

    private int play(Pipeline p) {
        Bus bus = p.getBus();
        CapsNotifier caps = null;
        if (verbose && !quiet) {
            p.addPropertyDeepNotifyWatch();
            if (!exclude.contains("caps")) {
                caps = new CapsNotifier(p);
                Tracers.install(caps);
            }
        }
        bus.setSyncHandler(this::syncHandler);
        pipeline = p;
        try {
            print("Setting pipeline to PAUSED ...");
            StateChangeReturn ret = p.setState(State.PAUSED);
            boolean failed = false;
            switch (ret) {
                case FAILURE -> {
                    err.println("Failed to set pipeline to PAUSED.");
                    lastCode = EXIT_STATE_CHANGE_FAILURE;
                    failed = true;
                }
                case NO_PREROLL -> print("Pipeline is live and does not need PREROLL ...");
                case ASYNC -> print("Pipeline is PREROLLING ...");
                default -> {
                }
            }
            if (!failed) {
                runLoop(bus);
                if (playStarted >= 0) {
                    print("Execution ended after " + ClockTime.format(System.nanoTime() - playStarted));
                }
            }
        } finally {
            // No need to see all those pad caps going to NULL: stop the -v output first.
            printing = false;
            if (caps != null) {
                Tracers.uninstall(caps);
            }
            print("Setting pipeline to NULL ...");
            p.setState(State.NULL);
            bus.setSyncHandler(null);
        }
        print("Freeing pipeline ...");
        return lastCode;
    }

    /** The main loop: one message at a time until EOS, an error or an interrupt. */
    private void runLoop(Bus bus) {
        while (!quit) {
            Message m = bus.timedPop(ClockTime.NONE);
            if (m == null) {
                break; // the bus was set flushing under us
            }
            handle(m);
        }
    }

    // ---------------------------------------------------------------- messages

    /** Runs in the posting thread ({@code bus_sync_handler}): errors are printed at once. */
    private Bus.SyncReply syncHandler(Bus bus, Message m) {
        // Only the first error, as gst-launch-1.0 (its loop ends there): base classes post a
        // fallback "state change failed" error after an element's own, which would only confuse.
        if (m instanceof Message.Error e && !errorPrinted.getAndSet(true)) {
            printError(e);
            if (targetState == State.PAUSED) {
                err.println("ERROR: pipeline doesn't want to preroll.");
            } else if (interrupting) {
                print("An error happened while waiting for EOS");
            }
            lastCode = EXIT_ERROR;
        }
        return Bus.SyncReply.PASS;
    }

    private void printError(Message.Error e) {
        StringBuilder sb = new StringBuilder();
        if (e.source() != null) {
            sb.append("ERROR: from element ").append(e.sourcePath()).append(": ").append(e.text());
        } else {
            sb.append("ERROR: ").append(e.text());
        }
        if (!e.debug().isEmpty()) {
            sb.append("\nAdditional debug info:\n").append(e.debug());
        }
        synchronized (err) {
            err.println(sb);
            err.flush();
        }
    }

    /** What gst-launch's {@code bus_handler} does with each message. */
    private void handle(Message m) {
        if (messages) {
            print(describeSource(m) + MessageDetails.details(m));
        }
        Pipeline p = pipeline;
        switch (m.type()) {
            case NEW_CLOCK -> print("New clock: " + ((Message.NewClock) m).clock().getName());
            case CLOCK_LOST -> {
                print("Clock lost, selecting a new one");
                p.setState(State.PAUSED);
                p.setState(State.PLAYING);
            }
            case EOS -> {
                print("Got EOS from element \"" + sourceName(m) + "\".");
                if (eosOnShutdown) {
                    print("EOS received - stopping pipeline...");
                }
                quit = true;
            }
            case TAG -> {
                if (tags) {
                    printTags((Message.Tag) m);
                }
            }
            case INFO -> {
                Message.Info info = (Message.Info) m;
                if (!info.debug().isEmpty()) {
                    print("INFO:\n" + info.debug());
                }
            }
            case WARNING -> {
                Message.Warning w = (Message.Warning) m;
                print("WARNING: from element " + w.sourcePath() + ": " + w.text()
                        + (w.debug().isEmpty() ? "" : "\nAdditional debug info:\n" + w.debug()));
            }
            case STATE_CHANGED -> {
                Message.StateChanged sc = (Message.StateChanged) m;
                if (m.source() == p && targetState == State.PAUSED && sc.newState() == State.PAUSED) {
                    print("Pipeline is PREROLLED ...");
                    doInitialPlay(p);
                }
            }
            case LATENCY -> {
                print("Redistribute latency...");
                p.recalculateLatency();
            }
            case APPLICATION -> {
                Message.Application a = (Message.Application) m;
                if (a.structure().hasName(INTERRUPT)) {
                    handleInterrupt(p);
                }
            }
            case PROPERTY_NOTIFY -> printPropertyNotify((Message.PropertyNotify) m);
            case ERROR -> quit = true; // printed by the sync handler already
            default -> {
            }
        }
    }

    private void doInitialPlay(Pipeline p) {
        print("Setting pipeline to PLAYING ...");
        playStarted = System.nanoTime();
        if (p.setState(State.PLAYING) == StateChangeReturn.FAILURE) {
            err.println("ERROR: pipeline doesn't want to play.");
            lastCode = EXIT_STATE_CHANGE_FAILURE;
            quit = true; // gst-launch waits for the error message; it has been printed already
            return;
        }
        targetState = State.PLAYING;
    }

    private void handleInterrupt(Pipeline p) {
        print("Interrupt: Stopping pipeline ...");
        interrupting = true;
        if (!eosOnShutdown) {
            quit = true;
        } else if (waitingEos) {
            print("Interrupt while waiting for EOS - stopping pipeline...");
            quit = true;
        } else {
            print("EOS on shutdown enabled -- Forcing EOS on the pipeline");
            p.sendEvent(Event.eos());
            print("Waiting for EOS...");
            waitingEos = true;
        }
    }

    private void printTags(Message.Tag t) {
        print("FOUND TAG      : found by element \"" + sourceName(t) + "\".");
        Structure tagList = t.tags();
        for (String name : tagList.fieldNames()) {
            Object value = tagList.get(name);
            String text = value instanceof String s ? s : Formats.serialize(value);
            print(String.format("%16s: %s", name, text));
        }
    }

    private void printPropertyNotify(Message.PropertyNotify pn) {
        if (quiet || !printing || exclude.contains(pn.propertyName())) {
            return;
        }
        print(pn.sourcePath() + ": " + pn.propertyName() + " = " + MessageDetails.propertyValue(pn));
    }

    private static String sourceName(Message m) {
        return m.source() == null ? "(application)" : m.source().getName();
    }

    private static String describeSource(Message m) {
        String type = MessageDetails.typeName(m.type());
        if (m.source() == null) {
            return "Got message #" + Integer.toUnsignedString(m.seqnum()) + " (" + type + "): ";
        }
        return "Got message #" + Integer.toUnsignedString(m.seqnum()) + " from element \"" + m.source().getName()
                + "\" (" + type + "): ";
    }

    /** gst-launch's {@code PRINT}: progress output, suppressed by {@code -q}. */
    private void print(String line) {
        if (!quiet) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    // ---------------------------------------------------------------- -v: pad caps

    /**
     * Prints {@code /Pipeline:pipeline0/Identity:identity0.GstPad:src: caps = ...} when a pad's
     * caps change, as gst-launch -v does from the pads' "caps" notifications: a source pad's
     * when a CAPS event is pushed from it, the peer sink pad's once it accepted the event (so
     * the lines come in GStreamer's order: src pads downstream first, then sink pads on the way
     * back up).
     */
    private final class CapsNotifier extends Tracer {
        private final Pipeline top;
        private final ConcurrentHashMap<Pad, Caps> shown = new ConcurrentHashMap<>();

        CapsNotifier(Pipeline top) {
            this.top = top;
        }

        @Override
        public void padPushEventPre(Pad pad, Event event) {
            if (event instanceof Event.CapsEvent c && pad.getDirection() == PadDirection.SRC && inPipeline(pad)) {
                show(pad, c.caps());
            }
        }

        @Override
        public void padPushEventPost(Pad pad, boolean result) {
            if (pad.getDirection() != PadDirection.SRC) {
                return;
            }
            Pad peer = pad.getPeer();
            if (peer != null && inPipeline(peer)) {
                Caps current = peer.getCurrentCaps();
                if (current != null) {
                    show(peer, current);
                }
            }
        }

        private void show(Pad pad, Caps caps) {
            Caps before = shown.put(pad, caps);
            if (!caps.equals(before) && printing) {
                print(Formats.padPath(pad) + ": caps = " + caps);
            }
        }

        private boolean inPipeline(Pad pad) {
            Element e = pad.getParent();
            if (e == null) {
                return false;
            }
            while (e.getParent() != null) {
                e = e.getParent();
            }
            return e == top;
        }
    }

    // ---------------------------------------------------------------- command line

    /** Reads the options; returns an exit code when the tool should stop at once (help, bad option). */
    private Integer parseOptions(String[] args, List<String> words) {
        boolean optionsDone = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsDone || !a.startsWith("-") || a.equals("-")) {
                words.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsDone = true;
                continue;
            }
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "--help" -> {
                        printHelp();
                        return EXIT_OK;
                    }
                    case "--version" -> {
                        printVersion();
                        return EXIT_OK;
                    }
                    case "--verbose" -> verbose = true;
                    case "--quiet" -> quiet = true;
                    case "--messages" -> messages = true;
                    case "--tags" -> tags = true;
                    case "--eos-on-shutdown" -> eosOnShutdown = true;
                    case "--no-fault", "--no-position", "--force-position" -> {
                        // accepted for compatibility: there is no fault handler or position display
                    }
                    case "--exclude" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                return badOption("Missing argument for --exclude");
                            }
                            value = args[++i];
                        }
                        exclude.add(value);
                    }
                    default -> {
                        return badOption("Unknown option " + a);
                    }
                }
                continue;
            }
            // short options, possibly grouped: -vm
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                switch (c) {
                    case 'h', '?' -> {
                        printHelp();
                        return EXIT_OK;
                    }
                    case 'v' -> verbose = true;
                    case 'q' -> quiet = true;
                    case 'm' -> messages = true;
                    case 't' -> tags = true;
                    case 'e' -> eosOnShutdown = true;
                    case 'f' -> {
                        // --no-fault: accepted, nothing to do
                    }
                    case 'X' -> {
                        String value = a.substring(k + 1);
                        if (value.isEmpty()) {
                            if (i + 1 >= args.length) {
                                return badOption("Missing argument for -X");
                            }
                            value = args[++i];
                        }
                        exclude.add(value);
                        k = a.length();
                    }
                    default -> {
                        return badOption("Unknown option " + a);
                    }
                }
            }
        }
        return null;
    }

    private int badOption(String message) {
        err.println("Error initializing: " + message);
        err.println("Run 'gst-launch --help' to see a full list of available command line options.");
        return EXIT_ERROR;
    }

    private static final Pattern PROPERTY_WITH_SPACE = Pattern.compile("([A-Za-z][A-Za-z0-9_:-]*)=([^\"'(].*)",
            Pattern.DOTALL);

    /**
     * Joins the words of the description with spaces, as {@code gst_parse_launchv} does. A word
     * that is a property whose value holds white space ({@code "location=my file.txt"}, quoted
     * by the shell) gets its value quoted, so it stays one value; gst_parse_launchv escapes the
     * spaces instead. Any other word is taken as written, so a whole description may also be
     * passed as one argument.
     */
    static String joinDescription(List<String> words) {
        List<String> parts = new ArrayList<>(words.size());
        for (String w : words) {
            Matcher m = PROPERTY_WITH_SPACE.matcher(w);
            if (m.matches() && m.group(2).chars().anyMatch(Character::isWhitespace) && !w.contains("!")) {
                String value = m.group(2).replace("\\", "\\\\").replace("\"", "\\\"");
                parts.add(m.group(1) + "=\"" + value + "\"");
            } else {
                parts.add(w);
            }
        }
        return String.join(" ", parts);
    }

    private void printVersion() {
        PluginInfo core = Registry.get().findPlugin("staticelements");
        out.println("gst-launch (gst-mini) version " + (core == null ? "unknown" : core.version()));
    }

    private void printHelp() {
        out.println("""
                Usage:
                  gst-launch [OPTION...] PIPELINE-DESCRIPTION

                Builds the pipeline described, e.g. 'ticksrc num-buffers=3 ! uppercase ! consolesink',
                and plays it until end-of-stream, an error or Ctrl-C.

                Help Options:
                  -h, --help                        Show help options
                  --version                         Print version information and exit

                Application Options:
                  -t, --tags                        Output tags (also known as metadata)
                  -v, --verbose                     Output status information and property notifications
                  -q, --quiet                       Do not print any progress information
                  -m, --messages                    Output messages
                  -X, --exclude=PROPERTY-NAME       Do not output status information for the specified property
                                                    if verbose output is enabled (can be used multiple times)
                  -f, --no-fault                    Accepted for compatibility (there is no fault handler)
                  -e, --eos-on-shutdown             Force EOS on sources before shutting the pipeline down

                Environment:
                  GST_MINI_PLUGIN_PATH              Directories with more plugin jars (like GST_PLUGIN_PATH)
                  GST_MINI_DEBUG                    Log levels per category, e.g. "*:2,pad:6" (like GST_DEBUG)
                  GST_MINI_TRACERS                  Tracers to install, e.g. "chain" or "log" (like GST_TRACERS)
                  GST_MINI_DEBUG_DUMP_DOT_DIR       Write a Graphviz picture at every state change""");
        List<String> tracers = Registry.get().tracerFactories().stream().map(t -> t.name()).toList();
        out.println();
        out.println("Tracers available for GST_MINI_TRACERS: " + (tracers.isEmpty() ? "none" : String.join(", ", tracers))
                + " (details: gst-inspect <name>)");
    }
}
