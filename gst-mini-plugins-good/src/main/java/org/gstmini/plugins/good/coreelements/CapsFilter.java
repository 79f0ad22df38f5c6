package org.gstmini.plugins.good.coreelements;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes data through unchanged but limits the formats negotiated across it to its
 * {@code caps} property; mirrors {@code capsfilter} (plugins/elements/gstcapsfilter.c).
 *
 * <pre>
 * gst-launch videotestsrc ! capsfilter caps="video/x-raw, format=GRAY8" ! ...
 * gst-launch videotestsrc ! video/x-raw, format=GRAY8 ! ...              # the same, written short
 * </pre>
 *
 * <p>All the work is caps algebra in {@link BaseTransform}'s hooks: {@link #transformCaps}
 * intersects whatever passes with the filter, so a CAPS query from upstream learns only the
 * formats inside it and the source picks one of those; {@link #acceptCaps} refuses caps that
 * have nothing in common with the filter, so a CAPS event outside it fails with
 * NOT_NEGOTIATED. Buffers pass untouched (passthrough, the same objects).
 *
 * <p>The caps may change while PLAYING. In {@link CapsFilterCapsChangeMode#IMMEDIATE} mode
 * (the default) the element then sends RECONFIGURE upstream, and the source renegotiates
 * before its next buffer. In {@link CapsFilterCapsChangeMode#DELAYED} mode the previous
 * filter caps stay acceptable until upstream has sent caps that fit the new ones.
 *
 * <p>Not provided: GStreamer's capsfilter can put its own fixed caps on a stream that arrives
 * without any (a raw file read by filesrc); here a stream must carry caps before data (see
 * {@link org.gstmini.core.Pad}), so that path does not exist.
 */
public final class CapsFilter extends BaseTransform {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.capsfilter");
    private static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
    private static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("capsfilter", CapsFilter::new)
            .longName("CapsFilter").klass("Generic").description("Pass data without modification, limiting formats")
            .author("gst-mini").padTemplate(SRC_TEMPLATE).padTemplate(SINK_TEMPLATE).build();

    public static final Property<Caps> CAPS = Property.ofCaps("caps",
            "Restrict the possible allowed capabilities (NULL means ANY)", Caps.ANY)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<CapsFilterCapsChangeMode> CAPS_CHANGE_MODE = Property.ofEnum("caps-change-mode",
            "Filter caps change behaviour", CapsFilterCapsChangeMode.IMMEDIATE).mutableIn(Property.Mutability.PLAYING);

    /** Guards the filter settings: they change on the application thread, negotiation reads them. */
    private final Object lock = new Object();
    private Caps filterCaps = Caps.ANY;
    /** Whether negotiation has looked at the current filter caps since they were set. */
    private boolean filterCapsUsed;
    private CapsFilterCapsChangeMode changeMode = CapsFilterCapsChangeMode.IMMEDIATE;
    /** DELAYED mode: filter caps upstream may still be using, newest first. */
    private final List<Caps> previousCaps = new ArrayList<>();

    public CapsFilter() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(CAPS, CAPS_CHANGE_MODE);
        setGapAware(true);
        // The filter's own order is the preference, not "whatever upstream already has".
        setPreferPassthrough(false);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property.name().equals(CAPS.name())) {
            Caps newCaps = value == null ? Caps.ANY : (Caps) value;
            synchronized (lock) {
                Caps old = filterCaps;
                filterCaps = newCaps;
                if (filterCapsUsed && changeMode == CapsFilterCapsChangeMode.DELAYED) {
                    previousCaps.add(0, old);
                } else if (changeMode != CapsFilterCapsChangeMode.DELAYED) {
                    previousCaps.clear();
                }
                filterCapsUsed = false;
            }
            LOG.debug("{}: new filter caps {}", getName(), newCaps);
            reconfigureSink();
        } else if (property.name().equals(CAPS_CHANGE_MODE.name())) {
            synchronized (lock) {
                CapsFilterCapsChangeMode old = changeMode;
                changeMode = (CapsFilterCapsChangeMode) value;
                if (old != changeMode) {
                    previousCaps.clear();
                }
            }
        }
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == CAPS) {
            synchronized (lock) {
                return filterCaps;
            }
        }
        return super.readProperty(property);
    }

    /** What passes is what the other side offers, inside the filter (or a previous one, when delayed). */
    @Override
    protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
        Caps current;
        Caps previous = null;
        synchronized (lock) {
            current = filterCaps;
            filterCapsUsed = true;
            if (changeMode == CapsFilterCapsChangeMode.DELAYED && !previousCaps.isEmpty()) {
                previous = Caps.EMPTY;
                for (Caps c : previousCaps) {
                    previous = previous.merge(c);
                }
            }
        }
        Caps ret = restrict(current, caps, filter);
        if (ret.isEmpty() && previous != null) {
            LOG.debug("{}: current filter caps are not compatible, retrying with previous ones", getName());
            ret = restrict(previous, caps, filter);
        }
        return ret;
    }

    private static Caps restrict(Caps filterCaps, Caps caps, Caps filter) {
        Caps f = filter == null ? filterCaps : filter.intersect(filterCaps, Caps.IntersectMode.FIRST);
        return f.intersect(caps, Caps.IntersectMode.FIRST);
    }

    /** Accepts caps that have something in common with the filter (or, delayed, a previous filter). */
    @Override
    protected boolean acceptCaps(PadDirection direction, Caps caps) {
        boolean ok;
        boolean fromPrevious = false;
        Caps current;
        synchronized (lock) {
            current = filterCaps;
            filterCapsUsed = true;
            ok = caps.canIntersect(current);
            if (!ok && changeMode == CapsFilterCapsChangeMode.DELAYED) {
                for (Caps c : previousCaps) {
                    if (caps.canIntersect(c)) {
                        ok = true;
                        fromPrevious = true;
                        break;
                    }
                }
            }
        }
        if (fromPrevious) {
            reconfigureSink(); // upstream still looks at old caps: ask it to move on
        }
        if (!ok) {
            LOG.debug("{}: refusing caps {}: nothing in common with filter caps {}", getName(), caps, current);
        }
        return ok;
    }

    @Override
    protected boolean sinkEvent(Event event) {
        boolean ret = super.sinkEvent(event);
        if (event instanceof Event.CapsEvent ce) {
            synchronized (lock) {
                if (changeMode == CapsFilterCapsChangeMode.DELAYED) {
                    // Forget the previous filters older than the newest one these caps still fit.
                    int fits = -1;
                    for (int i = previousCaps.size() - 1; i >= 0; i--) {
                        if (ce.caps().canIntersect(previousCaps.get(i))) {
                            fits = i;
                            break;
                        }
                    }
                    if (fits >= 0) {
                        previousCaps.subList(fits + 1, previousCaps.size()).clear();
                    } else if (ce.caps().canIntersect(filterCaps)) {
                        previousCaps.clear();
                        filterCapsUsed = true;
                    }
                }
            }
        }
        return ret;
    }

    @Override
    protected boolean stop() {
        synchronized (lock) {
            previousCaps.clear();
        }
        return true;
    }
}
