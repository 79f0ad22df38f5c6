package org.gstmini.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a pair of compatible pads between two elements and links them
 * ({@code gst_element_link_pads_full}, gst/gstutils.c): named pads when given (static or
 * request), else the first unlinked source pad whose caps meet an unlinked or requested sink
 * pad of the destination. Request pads asked for but left unlinked are given back, so a failed
 * attempt leaves no trace.
 */
final class ElementLinker {
    private ElementLinker() {
    }

    /**
     * Links and returns null on success; on failure returns (or with {@code raise}, throws) an
     * exception whose message names the pads tried and their caps.
     */
    static RuntimeException link(Element src, String srcPadName, Element dest, String destPadName, boolean raise) {
        List<Pad> requested = new ArrayList<>();
        try {
            List<Pad> srcCandidates = src.linkCandidates(PadDirection.SRC, srcPadName, requested);
            if (srcCandidates.isEmpty()) {
                return fail(raise, noPad(src, dest, src, srcPadName, "source"));
            }
            PadLinkException last = null;
            for (Pad sp : srcCandidates) {
                List<Pad> sinkCandidates = dest.linkCandidates(PadDirection.SINK, destPadName, requested);
                if (sinkCandidates.isEmpty()) {
                    return fail(raise, noPad(src, dest, dest, destPadName, "sink"));
                }
                for (Pad dp : sinkCandidates) {
                    PadLinkReturn r = sp.link(dp);
                    if (r == PadLinkReturn.OK) {
                        return null;
                    }
                    last = new PadLinkException(sp, dp, r);
                }
            }
            return fail(raise, last);
        } finally {
            for (Pad p : requested) {
                if (!p.isLinked() && p.getParent() != null) {
                    p.getParent().releaseRequestPad(p);
                }
            }
        }
    }

    private static IllegalStateException noPad(Element src, Element dest, Element owner, String padName, String kind) {
        return new IllegalStateException("could not link " + src.getName() + " to " + dest.getName() + ": "
                + (padName == null ? owner.getName() + " has no free " + kind + " pad"
                        : owner.getName() + " has no pad '" + padName + "'"));
    }

    private static RuntimeException fail(boolean raise, RuntimeException e) {
        if (raise) {
            throw e;
        }
        return e;
    }
}
