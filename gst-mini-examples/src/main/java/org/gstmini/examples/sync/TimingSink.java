package org.gstmini.examples.sync;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Registry;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * A sink that shows <em>when</em> it renders: at the top of {@link #render(Buffer)} it prints
 * the buffer's running time, the terms {@link BaseSink} added to it, the clock time the buffer
 * was due at, the clock time now, and how late it is.
 *
 * <p>By the time {@code render} runs, BaseSink has already waited on the pipeline clock
 * ({@code gst_base_sink_do_sync}) until
 *
 * <pre>
 *   due = running_time + latency + ts-offset + base_time      (minus render-delay, 0 here)
 * </pre>
 *
 * so "now − due" is the lateness: a few microseconds of wake-up time when all is well,
 * more when the streaming thread came back from somewhere else too late.
 *
 * <p>To mimic a sink that sometimes needs long (a display that stalls, a disk that blocks),
 * {@code hiccup-every=N hiccup-ms=T} makes every N-th render take T milliseconds. The pause is
 * a wait that {@link #unlock()} cuts short, as BaseSink's contract asks of a render that
 * blocks: a state change or a flush never waits for a hiccup to end.
 *
 * <p>Not a GStreamer element; it is the teaching sink of the {@code sync} examples, registered
 * by {@link #register()} with {@code Registry.registerStatic} (GStreamer's
 * {@code gst_plugin_register_static}), so that it can be named in a launch line.
 */
public final class TimingSink extends BaseSink {
    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("timingsink", TimingSink::new)
            .longName("Timing sink").klass("Sink")
            .description("Prints when each buffer was due on the clock and when it was rendered")
            .author("gst-mini examples").padTemplate(SINK_TEMPLATE).build();

    public static final Property<Boolean> SILENT = Property.ofBoolean("silent",
            "Print no line per buffer (listeners still see every render)", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> HICCUP_EVERY = Property.ofInt("hiccup-every",
            "Every N-th render takes hiccup-ms (0 = never)", 0, Integer.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> HICCUP_MS = Property.ofInt("hiccup-ms",
            "How long a hiccup render takes, in milliseconds", 0, 60_000, 100)
            .mutableIn(Property.Mutability.PLAYING);

    /** The column titles printed above the first line; {@link Timing#row()} fills them. */
    public static final String HEADER = String.format(Locale.ROOT, "%-19s %3s  %-17s   %-9s   %-9s   %-18s   %-18s  %-18s  %s",
            "thread", "#", "running_time", "latency", "ts-offset", "base_time", "due (clock)", "clock now", "late");

    /**
     * What the sink saw at the top of one render: all times in nanoseconds, {@code due} and
     * {@code now} on the pipeline clock.
     */
    public record Timing(String thread, long index, long runningTime, long latency, long tsOffset, long baseTime,
                         long due, long now) {
        /** now − due: positive when the render started after its time. */
        public long lateness() {
            return now - due;
        }

        /** One line under {@link #HEADER}. */
        public String row() {
            return String.format(Locale.ROOT, "%-19s %3d  %-17s + %-9s + %-9s + %-18s = %-18s  %-18s  %+,d µs",
                    "[" + thread + "]", index, ClockTime.format(runningTime), millis(latency), millis(tsOffset),
                    ClockTime.format(baseTime), ClockTime.format(due), ClockTime.format(now),
                    lateness() / ClockTime.USECOND);
        }
    }

    private volatile PrintStream out = System.out;
    private volatile Consumer<Timing> listener;
    private long index; // streaming thread only

    /** Cuts a hiccup short: set by unlock(), cleared by unlockStop(). */
    private final ReentrantLock hiccupLock = new ReentrantLock();
    private final Condition hiccupWake = hiccupLock.newCondition();
    private boolean unlocked; // guarded by hiccupLock

    public TimingSink() {
        super(SINK_TEMPLATE);
        installProperty(SILENT, HICCUP_EVERY, HICCUP_MS);
    }

    /** Registers {@code timingsink} in the default registry, once per JVM. */
    public static synchronized void register() {
        Registry registry = Registry.get();
        if (registry.findFactory(FACTORY.getName()) == null) {
            registry.registerStatic(new PluginDefinition("syncexamples", "The teaching sink of the sync examples",
                    "0.1.0", "LGPL", "gst-mini examples") {
                @Override
                public void init(PluginRegistrar registrar) {
                    registrar.registerElement(FACTORY);
                }
            });
        }
    }

    /** Where the per-buffer lines go (default {@link System#out}). */
    public void setOutput(PrintStream stream) {
        this.out = Objects.requireNonNull(stream, "stream");
    }

    /** Called on the streaming thread at the top of every render, before any hiccup. */
    public void setListener(Consumer<Timing> listener) {
        this.listener = listener;
    }

    @Override
    protected boolean start() {
        index = 0;
        return true;
    }

    @Override
    protected FlowReturn render(Buffer buffer) {
        Clock clock = getClock();
        long now = clock == null ? ClockTime.NONE : clock.getTime(); // first thing: how late are we?
        long runningTime = getSegment().toRunningTime(buffer.dtsOrPts()); // what BaseSink synced on
        long latency = getLatency();
        long tsOffset = get(TS_OFFSET);
        long baseTime = getBaseTime();
        long due = runningTime + latency + tsOffset + baseTime - get(RENDER_DELAY);
        Timing timing = new Timing(Thread.currentThread().getName(), index, runningTime, latency, tsOffset, baseTime,
                due, now);
        Consumer<Timing> l = listener;
        if (l != null) {
            l.accept(timing);
        }
        if (!get(SILENT)) {
            PrintStream o = out;
            if (index == 0) {
                o.println(HEADER);
            }
            o.println(timing.row());
        }
        index++;
        int every = get(HICCUP_EVERY);
        if (every > 0 && index % every == 0 && !hiccup(get(HICCUP_MS) * ClockTime.MSECOND)) {
            // unlock() cut the hiccup short: a flush or READY (FLUSHING), or PAUSED (wait for PLAYING).
            return waitPreroll();
        }
        return FlowReturn.OK;
    }

    /** Waits {@code nanos}; false when {@link #unlock()} ended the wait early. */
    private boolean hiccup(long nanos) {
        hiccupLock.lock();
        try {
            long left = nanos;
            while (!unlocked && left > 0) {
                try {
                    left = hiccupWake.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !unlocked;
        } finally {
            hiccupLock.unlock();
        }
    }

    @Override
    protected boolean unlock() {
        hiccupLock.lock();
        try {
            unlocked = true;
            hiccupWake.signalAll();
        } finally {
            hiccupLock.unlock();
        }
        return true;
    }

    @Override
    protected boolean unlockStop() {
        hiccupLock.lock();
        try {
            unlocked = false;
        } finally {
            hiccupLock.unlock();
        }
        return true;
    }

    /** "30.000 ms", "0 ms". */
    static String millis(long nanos) {
        if (nanos == 0) {
            return "0 ms";
        }
        return String.format(Locale.ROOT, "%.3f ms", nanos / (double) ClockTime.MSECOND);
    }
}
