package org.gstmini.core;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.caps.Caps;

/**
 * Finds a pair of compatible pads between two elements and links them
 * ({@code gst_element_link_pads_full}, gst/gstutils.c): named pads when given (static or
 * request), else the first unlinked source pad whose caps meet an unlinked or requested sink
 * pad of the destination.
 */
final class ElementLinker {
    private ElementLinker() {
    }

    /**
     * Links and returns null on success; on failure returns (or with {@code raise}, throws) an
     * exception whose message names the pads tried and their caps.
     */
    static RuntimeException link(Element src, String srcPadName, Element dest, String destPadName, boolean raise) {
        List<Pad> srcCandidates = candidates(src, srcPadName, PadDirection.SRC);
        if (srcCandidates.isEmpty()) {
            return fail(raise, new IllegalStateException("could not link " + src.getName() + " to " + dest.getName() + ": "
                    + (srcPadName == null ? src.getName() + " has no free source pad" : src.getName() + " has no pad '" + srcPadName + "'")));
        }
        PadLinkException last = null;
        for (Pad sp : srcCandidates) {
            List<Pad> sinkCandidates = candidates(dest, destPadName, PadDirection.SINK);
            if (sinkCandidates.isEmpty()) {
                releaseIfRequested(src, sp, srcPadName);
                return fail(raise, new IllegalStateException("could not link " + src.getName() + " to " + dest.getName() + ": "
                        + (destPadName == null ? dest.getName() + " has no free sink pad" : dest.getName() + " has no pad '" + destPadName + "'")));
            }
            for (Pad dp : sinkCandidates) {
                PadLinkReturn r = sp.link(dp);
                if (r == PadLinkReturn.OK) {
                    return null;
                }
                last = new PadLinkException(sp, dp, r);
                releaseIfRequested(dest, dp, destPadName);
            }
            releaseIfRequested(src, sp, srcPadName);
        }
        return fail(raise, last);
    }

    private static RuntimeException fail(boolean raise, RuntimeException e) {
        if (raise) {
            throw e;
        }
        return e;
    }

    /** Free pads of one direction: the named one, or existing unlinked pads, then a requested pad. */
    private static List<Pad> candidates(Element e, String padName, PadDirection dir) {
        List<Pad> out = new ArrayList<>();
        if (padName != null) {
            Pad p = e.getStaticPad(padName);
            if (p == null) {
                p = e.requestPad(padName);
            }
            if (p != null && p.getDirection() == dir && !p.isLinked()) {
                out.add(p);
            }
            return out;
        }
        for (Pad p : dir == PadDirection.SRC ? e.getSrcPads() : e.getSinkPads()) {
            if (!p.isLinked()) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            for (PadTemplate t : e.getPadTemplates()) {
                if (t.direction() == dir && t.presence() == PadPresence.REQUEST) {
                    Pad p = e.requestPad(t, null, (Caps) null);
                    if (p != null) {
                        out.add(p);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Gives back a request pad we asked for but could not link, so failed tries leave no trace. */
    private static void releaseIfRequested(Element e, Pad p, String requestedName) {
        PadTemplate t = p.getPadTemplate();
        if (t != null && t.presence() == PadPresence.REQUEST && !p.isLinked() && p.getParent() == e) {
            e.releaseRequestPad(p);
        }
    }
}
