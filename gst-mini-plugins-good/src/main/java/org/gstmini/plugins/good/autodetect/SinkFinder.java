package org.gstmini.plugins.good.autodetect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gstmini.core.Bin;
import org.gstmini.core.Bus;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.Rank;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the element an {@link AutoVideoSink} wraps: the best-ranked video sink that opens.
 * Mirrors {@code gst_auto_detect_find_best}, {@code gst_auto_detect_factory_filter} and
 * {@code create_element_with_pretty_name} (gst-plugins-good/gst/autodetect/gstautodetect.c).
 *
 * <pre>
 *   registry ──► klass has "Sink" and "Video", rank ≥ MARGINAL ──► best rank first, then name
 *                      │
 *                      ▼ each factory in turn
 *   create "autovideosink0-actual-sink-swingvideo"
 *   sink pad's caps meet filter-caps? ──── no ───► next
 *                      │ yes
 *   setState(READY) inside a trial bin whose bus is its own
 *        SUCCESS ──► back to NULL: this is the choice
 *        else    ──► keep its ERROR messages for the warning, back to NULL, next
 * </pre>
 *
 * <p>Why the trial bus: opening its device (a window, a display) at NULL→READY is how a sink
 * shows whether it can work here, and when it cannot it says why with an ERROR message. That
 * message must not reach the application: {@code gst-launch} would stop at the first ERROR even
 * though the next candidate works. GStreamer gives each candidate a private bus with
 * {@code gst_element_set_bus}; an element here finds its bus through its parent, so the
 * candidate is tried inside a {@link TrialBin} that answers with a bus of its own.
 */
final class SinkFinder {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.autodetect");

    /** Why a candidate was not taken: a phrase for the warning, and its first error's code and debug text. */
    record Rejection(String factory, String reason, ErrorCode code, String debug) {
        @Override
        public String toString() {
            return factory + " (" + reason + ")";
        }
    }

    /** The chosen sink, or null when none opened, and the candidates refused on the way. */
    record Outcome(Element sink, List<Rejection> rejected) {
        /** The code of the first candidate's error, as GStreamer forwards the first error. */
        ErrorCode code() {
            return rejected.stream().map(Rejection::code).filter(Objects::nonNull).findFirst()
                    .orElse(ErrorCode.RESOURCE_NOT_FOUND);
        }

        /** One sentence: which candidates were tried and why each was refused, or that there were none. */
        String why() {
            if (rejected.isEmpty()) {
                return "No element with klass Sink/Video and a rank of marginal or higher is installed"
                        + " (swingvideosink comes with the gst-mini-plugins-ui jar)";
            }
            return "Tried " + rejected.stream().map(Rejection::toString).collect(Collectors.joining("; "));
        }

        /** The candidates' debug texts, one line each. */
        String debug() {
            return rejected.stream().filter(r -> !r.debug().isEmpty()).map(r -> r.factory() + ": " + r.debug())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** A bin with a bus of its own: what a candidate posts while it opens stays here. */
    private static final class TrialBin extends Bin {
        private final Bus bus;

        TrialBin(String name) {
            super(name);
            bus = new Bus(name);
        }

        @Override
        public Bus getBus() {
            return bus;
        }
    }

    private SinkFinder() {
    }

    /**
     * Tries the video sinks of {@code registry} for the bin named {@code binName}; a null
     * {@code filterCaps} lets every candidate's caps through.
     */
    static Outcome findBest(Registry registry, String binName, Caps filterCaps) {
        List<Rejection> rejected = new ArrayList<>();
        for (ElementFactory f : registry.factoriesWithKlass("Sink", "Video")) {
            if (f.getRank().value() < Rank.MARGINAL.value() || f.getName().equals(AutoVideoSink.FACTORY.getName())) {
                continue; // only autoplugging ranks; never ourselves
            }
            Element candidate = f.create(binName + "-actual-sink-" + marker(f.getName()));
            LOG.debug("{}: testing {}", binName, f.getName());
            Pad pad = candidate.getStaticPad("sink");
            if (filterCaps != null && (pad == null || !filterCaps.canIntersect(pad.queryCaps(null)))) {
                rejected.add(new Rejection(f.getName(), "does not accept filter-caps " + filterCaps, null, ""));
                continue;
            }
            Rejection why = open(candidate, f.getName());
            if (why == null) {
                LOG.debug("{}: {} opens, taking it", binName, f.getName());
                return new Outcome(candidate, rejected);
            }
            rejected.add(why);
        }
        return new Outcome(null, rejected);
    }

    /**
     * Sets the candidate to READY and back to NULL inside a trial bin; null if it opened, else
     * why not, from the first ERROR it posted. Only the first: the base classes follow an
     * element's own error with a generic "state change failed" one, which says nothing more
     * (gst-launch shows only the first error for the same reason).
     */
    private static Rejection open(Element candidate, String factory) {
        TrialBin trial = new TrialBin(candidate.getName() + "-trial");
        trial.add(candidate);
        StateChangeReturn ret = candidate.setState(State.READY);
        candidate.setState(State.NULL);
        trial.remove(candidate);
        if (ret == StateChangeReturn.SUCCESS) {
            return null;
        }
        if (!(trial.getBus().timedPop(0, MessageType.ERROR) instanceof Message.Error error)) {
            return new Rejection(factory, "failed to go to READY and posted no error", null, "");
        }
        return new Rejection(factory, error.text(), error.code(), error.debug());
    }

    /**
     * The factory's name without a "sink" suffix and a "gst" prefix, for the child's name:
     * "swingvideosink" gives "swingvideo" ({@code create_element_with_pretty_name}).
     */
    private static String marker(String factory) {
        String m = factory.endsWith("sink") ? factory.substring(0, factory.length() - 4) : factory;
        return m.startsWith("gst") ? m.substring(3) : m;
    }
}
