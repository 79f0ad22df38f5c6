package org.gstmini.core;

import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.SystemClock;
import org.gstmini.core.debug.DotDump;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top-level bin an application runs: it owns the {@link Bus}, chooses the clock, and keeps
 * running time.
 *
 * <p>Mirrors {@code GstPipeline} (gst/gstpipeline.c). On the way to PLAYING the pipeline
 * <ol>
 *   <li>picks a clock: one forced with {@link #useClock}, else the one a child provides (an
 *       audio device), else the {@link SystemClock}; it posts NEW_CLOCK when it changes;</li>
 *   <li>computes the <b>base time</b>, the clock time at which running time was 0:
 *       {@code base_time = clock.now - running time reached so far}, and gives clock and base
 *       time to every element;</li>
 *   <li>asks the sinks for the latency of a live pipeline and configures it.</li>
 * </ol>
 * On PLAYING→PAUSED it remembers the running time reached ({@code start_time}), so that after
 * PAUSED→PLAYING running time continues where it stopped instead of jumping by the pause.
 *
 * <pre>
 *   clock time   ──────────────|==== playing ====|··· paused ···|==== playing ====|──►
 *   running time               0 ───────────────► t             t ──────────────►
 *                          base_time                         base_time' = now − t
 * </pre>
 */
public class Pipeline extends Bin {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.pipeline");

    /** Forces the latency of a live pipeline instead of the measured one ("latency"). */
    public static final Property<Long> LATENCY = Property.ofLong("latency",
            "Latency to configure on the pipeline (-1 = use the measured latency)", -1, Long.MAX_VALUE, -1)
            .mutableIn(Property.Mutability.PLAYING);
    /** Extra time added to the base time so the first samples are not late ("delay"). */
    public static final Property<Long> DELAY = Property.ofLong("delay",
            "Expected delay needed for elements to spin up to PLAYING in nanoseconds", 0, Long.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    /** Drops unread messages when going to NULL ("auto-flush-bus"). */
    public static final Property<Boolean> AUTO_FLUSH_BUS = Property.ofBoolean("auto-flush-bus",
            "Whether to automatically flush the pipeline's bus when going from READY into NULL state", true)
            .mutableIn(Property.Mutability.PLAYING);

    private final Bus bus;
    private volatile Clock fixedClock;

    public Pipeline() {
        this(null);
    }

    public Pipeline(String name) {
        if (name != null) {
            setName(name);
        }
        installProperty(LATENCY, DELAY, AUTO_FLUSH_BUS);
        this.bus = new Bus(getName() + ":bus");
    }

    /** The bus the application reads ({@code gst_pipeline_get_bus}). */
    @Override
    public Bus getBus() {
        return bus;
    }

    /** Forces the pipeline to use {@code clock} ({@code gst_pipeline_use_clock}); null to choose again. */
    public void useClock(Clock clock) {
        this.fixedClock = clock;
    }

    /** Lets the pipeline choose its clock again ({@code gst_pipeline_auto_clock}). */
    public void autoClock() {
        this.fixedClock = null;
    }

    /** The clock the pipeline uses or would use now ({@code gst_pipeline_get_pipeline_clock}). */
    public Clock getPipelineClock() {
        Clock c = getClock();
        return c != null ? c : chooseClock();
    }

    private Clock chooseClock() {
        Clock forced = fixedClock;
        if (forced != null) {
            return forced;
        }
        Clock provided = provideClock();
        return provided != null ? provided : SystemClock.obtain();
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        switch (transition) {
            case NULL_TO_READY -> bus.setFlushing(false);
            case READY_TO_PAUSED -> setStartTime(0);
            case PAUSED_TO_PLAYING -> startClock();
            default -> {
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        switch (transition) {
            case PLAYING_TO_PAUSED -> rememberRunningTime();
            case READY_TO_NULL -> {
                if (get(AUTO_FLUSH_BUS)) {
                    bus.setFlushing(true);
                }
            }
            default -> {
            }
        }
        return ret;
    }

    /** Chooses and distributes the clock, then the base time for the running time so far. */
    private void startClock() {
        Clock previous = getClock();
        Clock clock = chooseClock();
        if (clock != previous) {
            setClock(clock);
            postMessage(new Message.NewClock(this, clock));
        }
        long now = clock.getTime();
        long base = now - getStartTime() + get(DELAY);
        LOG.debug("{}: clock {} at {}, running time {}, base time {}", getName(), clock.getName(),
                ClockTime.format(now), ClockTime.format(getStartTime()), ClockTime.format(base));
        setBaseTime(base);
    }

    private void rememberRunningTime() {
        Clock clock = getClock();
        if (clock != null) {
            setStartTime(clock.getTime() - getBaseTime());
        }
    }

    /** Also writes a dot dump when {@code GST_MINI_DEBUG_DUMP_DOT_DIR} is set ({@link DotDump#dumpStateChange}). */
    @Override
    void stateChangedHook(State oldState, State newState, State pendingState) {
        super.stateChangedHook(oldState, newState, pendingState);
        DotDump.dumpStateChange(this, oldState, newState);
    }

    @Override
    long forcedLatency() {
        long forced = get(LATENCY);
        return forced >= 0 ? forced : ClockTime.NONE;
    }
}
