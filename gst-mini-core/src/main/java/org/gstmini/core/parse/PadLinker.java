package org.gstmini.core.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadLinkException;
import org.gstmini.core.PadLinkReturn;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the parser links two elements: {@link Element#linkPadsOrThrow} inside one bin; across
 * bins through ghost pads made on the way (what {@code gst_element_link_pads_full} does with
 * {@code pad_link_maybe_ghosting}, gst/gstutils.c); and, when the source pad does not exist
 * yet, a <em>delayed link</em> made when the pad appears ({@code gst_parse_perform_delayed_link}
 * and {@code gst_parse_found_pad}, gst/parse/grammar.y).
 */
final class PadLinker {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.parse");

    private PadLinker() {
    }

    /**
     * Links {@code src} to {@code sink} through the named pads (null: any free pad; a template
     * name such as {@code src_%u} requests a pad), or installs a delayed link when the source pad
     * is a sometimes pad that does not exist yet.
     *
     * @return true when linked now, false when the link was delayed
     * @throws RuntimeException (PadLinkException or IllegalStateException) naming the pads
     */
    static boolean link(Element src, String srcPad, Element sink, String sinkPad) {
        if (src.getParent() == sink.getParent()) {
            try {
                src.linkPadsOrThrow(srcPad, sink, sinkPad);
                return true;
            } catch (RuntimeException e) {
                if (canDelay(src, srcPad)) {
                    delay(src, srcPad, sink, sinkPad);
                    return false;
                }
                throw e;
            }
        }
        return linkAcrossBins(src, srcPad, sink, sinkPad);
    }

    // ---------------------------------------------------------------- delayed links

    /** The named source pad (or any, when null) may still appear: a SOMETIMES template matches. */
    static boolean canDelay(Element src, String srcPad) {
        if (srcPad == null) {
            for (Pad p : src.getSrcPads()) {
                if (!p.isLinked()) {
                    return false;
                }
            }
        } else if (src.getStaticPad(srcPad) != null) {
            return false;
        }
        for (PadTemplate t : src.getPadTemplates()) {
            if (t.direction() == PadDirection.SRC && t.presence() == PadPresence.SOMETIMES
                    && (srcPad == null || t.nameTemplate().equals(srcPad) || t.matches(srcPad))) {
                return true;
            }
        }
        return false;
    }

    private static void delay(Element src, String srcPad, Element sink, String sinkPad) {
        LOG.debug("delaying the link {}:{} -> {}:{} until the pad appears", src.getName(),
                srcPad == null ? "(any)" : srcPad, sink.getName(), sinkPad == null ? "(any)" : sinkPad);
        List<Consumer<Pad>> self = new ArrayList<>(1);
        Consumer<Pad> listener = pad -> {
            if (pad.getDirection() != PadDirection.SRC || pad.isLinked() || !nameMatches(srcPad, pad.getName())) {
                return;
            }
            try {
                if (link(src, pad.getName(), sink, sinkPad)) {
                    src.removePadAddedListener(self.get(0));
                    LOG.debug("delayed link {} -> {}:{} done", pad, sink.getName(), sinkPad);
                }
            } catch (RuntimeException e) {
                LOG.debug("delayed link of {} to {} failed, still waiting: {}", pad, sink.getName(), e.getMessage());
            }
        };
        self.add(listener);
        src.addPadAddedListener(listener);
    }

    private static boolean nameMatches(String wanted, String actual) {
        if (wanted == null || wanted.equals(actual)) {
            return true;
        }
        return wanted.contains("%")
                && new PadTemplate(wanted, PadDirection.SRC, PadPresence.SOMETIMES, Caps.ANY).matches(actual);
    }

    // ---------------------------------------------------------------- links across bins

    private static boolean linkAcrossBins(Element src, String srcPad, Element sink, String sinkPad) {
        Bin common = commonAncestor(src, sink);
        if (common == null) {
            throw new IllegalStateException("could not link " + src.getName() + " to " + sink.getName()
                    + ": they are not inside one pipeline or bin");
        }
        List<Pad> requested = new ArrayList<>();
        List<Pad> srcs = src.linkCandidates(PadDirection.SRC, srcPad, requested);
        if (srcs.isEmpty()) {
            if (canDelay(src, srcPad)) {
                delay(src, srcPad, sink, sinkPad);
                return false;
            }
            throw noPad(src, srcPad, sink, PadDirection.SRC);
        }
        List<Pad> sinks = sink.linkCandidates(PadDirection.SINK, sinkPad, requested);
        if (sinks.isEmpty()) {
            release(requested, null, null);
            throw noPad(sink, sinkPad, src, PadDirection.SINK);
        }
        Pad sp = null;
        Pad kp = null;
        for (Pad a : srcs) {
            for (Pad b : sinks) {
                if (sp == null && a.queryCaps(null).canIntersect(b.queryCaps(null))) {
                    sp = a;
                    kp = b;
                }
            }
        }
        if (sp == null) {
            Pad a = srcs.get(0);
            Pad b = sinks.get(0);
            PadLinkException e = new PadLinkException(a, b, PadLinkReturn.NOFORMAT);
            release(requested, null, null);
            throw e;
        }
        release(requested, sp, kp);
        List<GhostPad> made = new ArrayList<>();
        Pad outerSrc = ghostUp(sp, common, made);
        Pad outerSink = ghostUp(kp, common, made);
        PadLinkReturn r = outerSrc.link(outerSink);
        if (r != PadLinkReturn.OK) {
            PadLinkException e = new PadLinkException(outerSrc, outerSink, r);
            for (int k = made.size() - 1; k >= 0; k--) {
                GhostPad g = made.get(k);
                g.getParent().removePad(g);
                g.setTarget(null);
            }
            release(requested, null, null);
            throw e;
        }
        return true;
    }

    private static IllegalStateException noPad(Element e, String padName, Element other, PadDirection dir) {
        String what;
        if (padName == null) {
            what = e.getName() + " has no free " + (dir == PadDirection.SRC ? "source" : "sink") + " pad";
        } else {
            Pad p = e.getStaticPad(padName);
            if (p == null) {
                what = e.getName() + " has no pad '" + padName + "'";
            } else if (p.getDirection() != dir) {
                what = p + " is a " + (dir == PadDirection.SRC ? "sink" : "source") + " pad";
            } else {
                what = p + " is already linked to " + p.getPeer();
            }
        }
        return dir == PadDirection.SRC
                ? new IllegalStateException("could not link " + e.getName() + " to " + other.getName() + ": " + what)
                : new IllegalStateException("could not link " + other.getName() + " to " + e.getName() + ": " + what);
    }

    private static void release(List<Pad> requested, Pad keep1, Pad keep2) {
        for (Pad p : requested) {
            if (p != keep1 && p != keep2 && !p.isLinked() && p.getParent() != null) {
                p.getParent().releaseRequestPad(p);
            }
        }
    }


    /** The closest bin that holds both elements (at any depth), or null. */
    static Bin commonAncestor(Element a, Element b) {
        Set<Bin> ancestors = new HashSet<>();
        for (Bin p = a.getParent(); p != null; p = p.getParent()) {
            ancestors.add(p);
        }
        for (Bin p = b.getParent(); p != null; p = p.getParent()) {
            if (ancestors.contains(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Ghosts {@code pad} onto every bin between its element and {@code top} (exclusive), so that
     * it can be linked to a pad of an element that is a child of {@code top}. Returns the
     * outermost pad (the pad itself when its element is a child of {@code top}).
     */
    static Pad ghostUp(Pad pad, Bin top, List<GhostPad> made) {
        Pad cur = pad;
        Element owner = pad.getParent();
        while (owner.getParent() != top) {
            Bin b = owner.getParent();
            if (b == null) {
                throw new IllegalStateException(pad + " is not inside " + top.getName());
            }
            GhostPad g = new GhostPad(freePadName(b, cur.getName()), cur);
            b.addPad(g);
            made.add(g);
            cur = g;
            owner = b;
        }
        return cur;
    }

    /** {@code base}, or {@code base_1}, {@code base_2}... whichever {@code e} does not have yet. */
    static String freePadName(Element e, String base) {
        if (e.getStaticPad(base) == null) {
            return base;
        }
        for (int k = 1; ; k++) {
            String name = base + "_" + k;
            if (e.getStaticPad(name) == null) {
                return name;
            }
        }
    }
}
