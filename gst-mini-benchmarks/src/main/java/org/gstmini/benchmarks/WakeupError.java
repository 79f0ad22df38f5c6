package org.gstmini.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.Bus;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.SystemClock;
import org.gstmini.core.parse.Parse;
import org.gstmini.core.spi.Plugin;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * How late a synchronising sink wakes up: the <em>wake-up error</em> of BaseSink's clock wait.
 *
 * <pre>
 *   videotestsrc is-live=false|true num-buffers=1000 ! video/x-raw,framerate=100/1,width=64,height=48 ! wakeupsink
 * </pre>
 *
 * {@code wakeupsink} is a {@link BaseSink} with {@code sync=true} whose {@link BaseSink#render}
 * first reads the pipeline clock and then records {@code now − due}, where due is the clock
 * time BaseSink waited for:
 * {@code due = base_time + running_time(pts) + latency + ts-offset − render-delay}. The error
 * includes everything between the end of the wait and render: the clock wait's own wake-up,
 * and BaseSink's code after it (lateness check, last-sample, render call).
 *
 * <p>It prints median, p90, p99 and max in µs over the buffers after a warm-up (the first
 * {@code --warmup} buffers, default 100 = 1 s, are left out: JIT compilation), and the CPU the
 * process and the streaming thread used during the measured part, as % of one core. For
 * comparison, {@code park} measures the OS sleep floor: {@code LockSupport.parkNanos(10 ms)} in
 * a loop, lateness = woken − (start + 10 ms); {@code clock} measures
 * {@code SystemClock} single-shot waits 10 ms apart, without a pipeline.
 *
 * <pre>
 *   java -cp ... org.gstmini.benchmarks.WakeupError [nonlive] [live] [park] [clock]
 *        [--buffers N] [--warmup N] [--framerate F]
 * </pre>
 *
 * Without a mode it runs all four. Every value it prints is a measurement; nothing is checked
 * against a threshold.
 */
public final class WakeupError {
    private static final String SINK_FACTORY = "wakeupsink";
    private static final long PERIOD_NS = 10_000_000L;

    private WakeupError() {
    }

    public static void main(String[] args) throws Exception {
        int buffers = 1000;
        int warmup = 100;
        int framerate = 100;
        List<String> modes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--buffers", "-n" -> buffers = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--framerate" -> framerate = Integer.parseInt(args[++i]);
                case "nonlive", "live", "park", "clock" -> modes.add(args[i]);
                case "-h", "--help" -> {
                    System.out.println("usage: WakeupError [nonlive] [live] [park] [clock] [--buffers N] [--warmup N]"
                            + " [--framerate F]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (modes.isEmpty()) {
            modes = List.of("nonlive", "live", "park", "clock");
        }
        if (warmup >= buffers) {
            throw new IllegalArgumentException("--warmup must be smaller than --buffers");
        }
        System.out.printf(Locale.ROOT, "Wake-up error (%d CPUs, %s %s; load average %s; %d samples, first %d left out)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadAverage(), buffers, warmup);
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s %9s %11s %11s%n", "what", "min µs", "median", "p90", "p99",
                "max", "CPU process", "CPU thread");
        for (String mode : modes) {
            Result r = switch (mode) {
                case "nonlive" -> pipeline(false, buffers, warmup, framerate);
                case "live" -> pipeline(true, buffers, warmup, framerate);
                case "park" -> park(buffers, warmup);
                case "clock" -> clockWaits(buffers, warmup);
                default -> throw new AssertionError(mode);
            };
            System.out.println(r.format());
        }
    }

    // ---------------------------------------------------------------- results

    /** Lateness samples in ns and the CPU used while taking them. */
    record Result(String what, long[] lateNs, double processCpuPercent, double threadCpuPercent) {
        String format() {
            long[] s = lateNs.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "%-34s %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f%% %10s", what, s[0] / 1e3,
                    pct(s, 50) / 1e3, pct(s, 90) / 1e3, pct(s, 99) / 1e3, s[s.length - 1] / 1e3, processCpuPercent,
                    Double.isNaN(threadCpuPercent) ? "-" : String.format(Locale.ROOT, "%.1f%%", threadCpuPercent));
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
    }

    /** CPU time of the whole process in ns (all threads: streaming, JIT, GC, the main thread). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    // ---------------------------------------------------------------- the pipeline and its sink

    /**
     * The measuring sink: sync=true (BaseSink's default), records the lateness of each buffer
     * at the very top of render. Samples after {@code warmup} also start the CPU accounting.
     */
    static final class WakeupSink extends BaseSink {
        static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
        static final ElementFactory FACTORY = ElementFactory.builder(SINK_FACTORY, WakeupSink::new)
                .longName("Wake-up error sink").klass("Sink").description("Records how late render is called")
                .author("gst-mini benchmarks").padTemplate(SINK_TEMPLATE).build();

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        long[] late = new long[0];
        int count;
        int warmup;
        long wallStart;
        long wallEnd;
        long processCpuStart;
        long processCpuEnd;
        long threadCpuStart;
        long threadCpuEnd;

        WakeupSink() {
            super(SINK_TEMPLATE);
        }

        void expect(int buffers, int warmupBuffers) {
            late = new long[buffers];
            count = 0;
            warmup = warmupBuffers;
        }

        @Override
        protected FlowReturn render(Buffer buffer) {
            long now = getClock().getTime(); // first thing: the moment render was reached
            long rt = getSegment().toRunningTime(Format.TIME, buffer.pts());
            long due = getBaseTime() + adjust(rt);
            if (count < late.length) {
                late[count] = now - due;
            }
            count++;
            if (count == warmup + 1) { // first measured sample: start the CPU accounting
                wallStart = System.nanoTime();
                processCpuStart = processCpuNanos();
                threadCpuStart = THREADS.getCurrentThreadCpuTime();
            } else if (count == late.length) {
                wallEnd = System.nanoTime();
                processCpuEnd = processCpuNanos();
                threadCpuEnd = THREADS.getCurrentThreadCpuTime();
            }
            return FlowReturn.OK;
        }

        /** {@code gst_base_sink_adjust_time} with this sink's latency, ts-offset and render-delay. */
        private long adjust(long time) {
            long off = get(TS_OFFSET);
            long rd = get(RENDER_DELAY);
            time += getLatency();
            if (off < 0) {
                time = -off < time ? time + off : 0;
            } else {
                time += off;
            }
            return time > rd ? time - rd : 0;
        }
    }

    private static volatile boolean registered;

    /** Adds {@code wakeupsink} to the default registry, once. */
    static synchronized void registerSink() {
        if (registered) {
            return;
        }
        Registry.get().registerStatic(new Plugin() {
            @Override
            public String name() {
                return "gstminibenchmarks";
            }

            @Override
            public String description() {
                return "Measuring elements of the gst-mini benchmarks";
            }

            @Override
            public String version() {
                return "0.1.0";
            }

            @Override
            public String license() {
                return "LGPL";
            }

            @Override
            public String origin() {
                return "gst-mini";
            }

            @Override
            public void init(PluginRegistrar registrar) {
                registrar.registerElement(WakeupSink.FACTORY);
            }
        });
        registered = true;
    }

    /** The benchmark's pipeline line. */
    static String line(boolean live, int buffers, int framerate) {
        return String.format(Locale.ROOT, "videotestsrc is-live=%b num-buffers=%d ! video/x-raw,framerate=%d/1,width=64,"
                + "height=48 ! %s name=sink", live, buffers, framerate, SINK_FACTORY);
    }

    static Result pipeline(boolean live, int buffers, int warmup, int framerate) {
        registerSink();
        String line = line(live, buffers, framerate);
        Pipeline p = (Pipeline) Parse.launch(line);
        WakeupSink sink = (WakeupSink) p.getByName("sink");
        sink.expect(buffers, warmup);
        try {
            runToEos(p, line, buffers * 1000L / framerate + 30_000);
        } finally {
            p.setState(State.NULL);
        }
        if (sink.count != buffers) {
            throw new IllegalStateException(line + ": the sink rendered " + sink.count + " buffers, not " + buffers);
        }
        long wall = sink.wallEnd - sink.wallStart;
        return new Result("pipeline " + (live ? "live" : "non-live") + " (" + framerate + " fps)",
                Arrays.copyOfRange(sink.late, warmup, buffers),
                100.0 * (sink.processCpuEnd - sink.processCpuStart) / wall,
                100.0 * (sink.threadCpuEnd - sink.threadCpuStart) / wall);
    }

    /** What gst-launch does: PAUSED, then PLAYING once prerolled (or at once when live), until EOS. */
    private static void runToEos(Pipeline p, String line, long timeoutMillis) {
        Bus bus = p.getBus();
        StateChangeReturn r = p.setState(State.PAUSED);
        if (r == StateChangeReturn.FAILURE) {
            throw new IllegalStateException(line + ": failed to go to PAUSED");
        }
        if (r == StateChangeReturn.NO_PREROLL) {
            p.setState(State.PLAYING);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(line + ": no EOS after " + timeoutMillis + " ms");
            }
            Message m = bus.timedPop(left, MessageType.EOS, MessageType.ERROR, MessageType.ASYNC_DONE,
                    MessageType.LATENCY);
            if (m == null) {
                continue;
            }
            switch (m.type()) {
                case EOS -> {
                    return;
                }
                case ERROR -> throw new IllegalStateException(line + ": " + m);
                case LATENCY -> p.recalculateLatency();
                case ASYNC_DONE -> {
                    if (p.getTargetState() != State.PLAYING) {
                        p.setState(State.PLAYING);
                    }
                }
                default -> {
                }
            }
        }
    }

    // ---------------------------------------------------------------- floors

    /** The OS sleep floor: how late {@code parkNanos(10 ms)} returns. */
    static Result park(int samples, int warmup) {
        long[] late = new long[samples - warmup];
        long wallStart = 0;
        long cpuStart = 0;
        for (int i = 0; i < samples; i++) {
            if (i == warmup) {
                wallStart = System.nanoTime();
                cpuStart = processCpuNanos();
            }
            long t0 = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NS);
            long t1 = System.nanoTime();
            if (i >= warmup) {
                late[i - warmup] = t1 - t0 - PERIOD_NS;
            }
        }
        long wall = System.nanoTime() - wallStart;
        return new Result("LockSupport.parkNanos(10 ms)", late, 100.0 * (processCpuNanos() - cpuStart) / wall,
                Double.NaN);
    }

    /** SystemClock's own wait (park, then spin the last margin), without a pipeline: targets 10 ms apart. */
    static Result clockWaits(int samples, int warmup) {
        Clock clock = SystemClock.obtain();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] late = new long[samples - warmup];
        long wallStart = 0;
        long cpuStart = 0;
        long threadStart = 0;
        long target = clock.getTime() + PERIOD_NS;
        for (int i = 0; i < samples; i++) {
            if (i == warmup) {
                wallStart = System.nanoTime();
                cpuStart = processCpuNanos();
                threadStart = threads.getCurrentThreadCpuTime();
            }
            ClockId id = clock.newSingleShotId(target);
            id.waitFor();
            long now = clock.getTime();
            if (i >= warmup) {
                late[i - warmup] = now - target;
            }
            target += PERIOD_NS;
        }
        long wall = System.nanoTime() - wallStart;
        return new Result("SystemClock waits, 10 ms apart", late, 100.0 * (processCpuNanos() - cpuStart) / wall,
                100.0 * (threads.getCurrentThreadCpuTime() - threadStart) / wall);
    }
}
