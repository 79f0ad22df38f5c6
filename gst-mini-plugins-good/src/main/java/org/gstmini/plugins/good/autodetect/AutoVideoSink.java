package org.gstmini.plugins.good.autodetect;

import java.util.function.Supplier;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.GhostPad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.plugins.good.coreelements.FakeSink;

/**
 * A video sink that picks the real one when it starts: the best-ranked installed video sink that
 * can open here, or a {@code fakesink} (with a WARNING saying why) when none can, as on a
 * machine without a display. Mirrors {@code autovideosink}
 * (gst-plugins-good/gst/autodetect/gstautovideosink.c) and its base class {@code GstAutoDetect}
 * (gstautodetect.c), which GStreamer shares with autoaudiosink, autovideosrc and autoaudiosrc.
 *
 * <pre>
 *   gst-launch filesrc location=simple.png ! pngdec ! videoconvert ! imagefreeze ! autovideosink
 *
 *          ┌────────────── autovideosink0 (a Bin) ────────────────┐
 *          │                                                      │
 *   ... ──►│ ghost "sink" ──► autovideosink0-actual-sink-swingvideo │   picked at NULL→READY
 *          │                  (or fake-video-sink: a fakesink)    │
 *          └──────────────────────────────────────────────────────┘
 * </pre>
 *
 * <p>The choice is made at NULL→READY ({@code gst_auto_detect_detect}) by {@link SinkFinder}:
 * every factory whose klass says Sink and Video, with a rank of at least MARGINAL, best first;
 * the first that goes to READY is kept. Until then, and again after READY→NULL, a fakesink
 * named {@code fake-video-sink} stands in, so that the ghost pad has a target and the bin links
 * like any sink ({@code gst_auto_detect_reset}). A new choice is made at every NULL→READY: a
 * display that appeared meanwhile is used.
 *
 * <p>Properties: {@code filter-caps} (default {@code video/x-raw}) keeps only candidates whose
 * sink pad accepts those caps, so a sink of encoded video is never picked for raw frames;
 * {@code sync} and {@code ts-offset} are handed to the chosen sink if it has them, at the choice
 * and whenever they change. (GStreamer's autovideosink also shows {@code async-handling} and
 * {@code message-forward}, properties of every {@code GstBin}, which gst-mini's Bin does not have.)
 */
public final class AutoVideoSink extends Bin {
    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("autovideosink", AutoVideoSink::new)
            .longName("Auto video sink").klass("Sink/Video")
            .description("Wrapper video sink for automatically detected video sink")
            .author("gst-mini").padTemplate(SINK_TEMPLATE).build();

    public static final Property<Caps> FILTER_CAPS = Property.ofCaps("filter-caps", "Filter sink candidates using these caps.",
            Caps.parse("video/x-raw"));
    public static final Property<Boolean> SYNC = Property.ofBoolean("sync", "Sync on the clock", true)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Long> TS_OFFSET = Property.ofLong("ts-offset", "Timestamp offset in nanoseconds",
            Long.MIN_VALUE, Long.MAX_VALUE, 0).mutableIn(Property.Mutability.PLAYING);

    /** The name of the stand-in fakesink, as GStreamer's ("fake-" media "-" type). */
    static final String FAKE_NAME = "fake-video-sink";

    /** Where the candidates come from: the default registry, or a test's own. */
    private final Supplier<Registry> registry;

    // settings, set by properties
    private volatile Caps filterCaps = FILTER_CAPS.defaultValue();
    private volatile boolean sync = SYNC.defaultValue();
    private volatile long tsOffset = TS_OFFSET.defaultValue();

    /** The wrapped sink: the chosen one, or the stand-in fakesink. Changed only by state changes. */
    private volatile Element kid;
    private final GhostPad sinkPad = new GhostPad("sink", SINK_TEMPLATE);

    /** The element the factory makes: candidates come from {@link Registry#get()}. */
    public AutoVideoSink() {
        this(Registry::get);
    }

    /** An autovideosink choosing among the video sinks of {@code registry}. */
    AutoVideoSink(Supplier<Registry> registry) {
        this.registry = registry;
        installProperty(FILTER_CAPS, SYNC, TS_OFFSET);
        addPad(sinkPad);
        reset(); // the stand-in also makes the bin a sink (Bin.add copies the SINK flag)
    }

    /** The sink inside: the chosen one after NULL→READY, else the stand-in fakesink. */
    Element getKid() {
        return kid;
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        if (property == FILTER_CAPS) {
            filterCaps = (Caps) value;
        } else if (property == SYNC) {
            sync = (Boolean) value;
            configure(kid, SYNC, value);
        } else if (property == TS_OFFSET) {
            tsOffset = (Long) value;
            configure(kid, TS_OFFSET, value);
        }
    }

    /** Hands a setting on to the sink inside when it has a property of that name. */
    private static void configure(Element sink, Property<?> property, Object value) {
        if (sink != null && sink.findProperty(property.name()) != null) {
            sink.setProperty(property.name(), value);
        }
    }

    /** Chooses the sink at NULL→READY; puts the stand-in back at READY→NULL ({@code gst_auto_detect_change_state}). */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.NULL_TO_READY && !detect()) {
            return StateChangeReturn.FAILURE;
        }
        StateChangeReturn ret = super.changeState(transition);
        if (ret != StateChangeReturn.FAILURE && transition == StateChange.READY_TO_NULL) {
            reset();
        }
        return ret;
    }

    /**
     * Replaces the kid by the best sink that opens, or by a fakesink with a WARNING on the bus
     * when none does ({@code gst_auto_detect_detect}). The bin's own change then takes the new
     * kid to READY.
     */
    private boolean detect() {
        clearKid();
        SinkFinder.Outcome found = SinkFinder.findBest(registry.get(), getName(), filterCaps);
        Element chosen = found.sink();
        if (chosen == null) {
            postWarning(found.code(), "Failed to find a usable video sink, using a fakesink instead: nothing will be"
                    + " shown. " + found.why() + ".", found.debug());
            chosen = fakeSink();
        }
        return attach(chosen);
    }

    /** The stand-in before the first choice and after READY→NULL ({@code gst_auto_detect_reset}). */
    private void reset() {
        clearKid();
        attach(fakeSink());
    }

    /** Adds {@code sink} with the current settings and points the ghost pad at it. */
    private boolean attach(Element sink) {
        configure(sink, SYNC, sync);
        configure(sink, TS_OFFSET, tsOffset);
        add(sink);
        kid = sink;
        if (!sinkPad.setTarget(sink.getStaticPad("sink"))) {
            postError(ErrorCode.LIBRARY_INIT, "Failed to set target pad: " + sink.getName() + " does not accept the"
                    + " caps of what is linked to " + getName() + "; check filter-caps",
                    "GhostPad.setTarget(" + sink.getName() + ":sink) failed");
            return false;
        }
        return true;
    }

    /** Takes the kid to NULL and out of the bin ({@code gst_auto_detect_clear_kid}). */
    private void clearKid() {
        Element old = kid;
        if (old != null) {
            old.setState(State.NULL);
            remove(old);
            kid = null;
        }
    }

    private static Element fakeSink() {
        return FakeSink.FACTORY.create(FAKE_NAME);
    }
}
