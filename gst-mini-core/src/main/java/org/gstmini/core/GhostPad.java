package org.gstmini.core;

import java.util.Objects;

/**
 * A pad of a bin that stands for a pad of an element inside it, so the bin links like any
 * element. Mirrors {@code GstGhostPad} and {@code GstProxyPad} (gst/gstghostpad.c).
 *
 * <pre>
 *          ┌──────────────── bin ─────────────────┐
 *          │                                      │
 *   peer ──► ghost "sink" ──► internal ──► target │      (a sink ghost pad)
 *          │                  (src)     element's │
 *          │                            sink pad  │
 *          └──────────────────────────────────────┘
 * </pre>
 *
 * <p>The ghost pad owns a hidden <em>internal</em> pad of the opposite direction, linked to the
 * target. Whatever arrives on one of the pair leaves through the other: buffers and events
 * travel straight through, queries are answered by the other side. Both are still direct calls
 * on the same streaming thread.
 */
public class GhostPad extends Pad {
    private final Internal internal;

    /** The hidden other half of a ghost pad ({@code GstProxyPad}'s internal pad). */
    public static final class Internal extends Pad {
        private final GhostPad ghost;

        private Internal(GhostPad ghost) {
            super(ghost.getName() + "-internal", ghost.getDirection().opposite());
            this.ghost = ghost;
        }

        /** The ghost pad this internal pad belongs to. */
        public GhostPad ghost() {
            return ghost;
        }

        @Override
        public String toString() {
            return ghost + "(internal)";
        }
    }

    /** A ghost pad for {@code target}, with the target's direction ({@code gst_ghost_pad_new}). */
    public GhostPad(String name, Pad target) {
        this(name, target.getDirection());
        if (!setTarget(target)) {
            throw new IllegalStateException("ghost pad " + name + ": could not link to target " + target);
        }
    }

    /** A ghost pad without target yet ({@code gst_ghost_pad_new_no_target}). */
    public GhostPad(String name, PadDirection direction) {
        super(name, direction);
        this.internal = new Internal(this);
        wire();
    }

    /** A ghost pad from a template of the bin, without target yet. */
    public GhostPad(String name, PadTemplate template) {
        super(name, template);
        this.internal = new Internal(this);
        wire();
    }

    /** The hidden internal pad. */
    public Internal getInternal() {
        return internal;
    }

    /** The pad inside the bin this ghost pad stands for, or null ({@code gst_ghost_pad_get_target}). */
    public Pad getTarget() {
        return internal.getPeer();
    }

    /**
     * Points the ghost pad at a pad inside the bin (null to clear), relinking the internal pad
     * ({@code gst_ghost_pad_set_target}). Returns false if the link fails.
     */
    public boolean setTarget(Pad target) {
        Pad old = getTarget();
        if (old != null) {
            if (getDirection() == PadDirection.SRC) {
                old.unlink(internal);
            } else {
                internal.unlink(old);
            }
        }
        if (target == null) {
            return true;
        }
        if (target.getDirection() != getDirection()) {
            throw new IllegalArgumentException("ghost pad " + this + " is " + getDirection() + " but target "
                    + target + " is " + target.getDirection());
        }
        PadLinkReturn r = getDirection() == PadDirection.SRC ? target.link(internal) : internal.link(target);
        if (r == PadLinkReturn.OK && isActive()) {
            internal.activateMode(getMode(), true);
        }
        return r == PadLinkReturn.OK;
    }

    /** Data and events entering one half leave through the other; queries go to the far side. */
    private void wire() {
        Pad outer = this;
        Pad inner = internal;
        Pad receiving = getDirection() == PadDirection.SINK ? outer : inner; // the half data arrives on
        Pad sending = receiving == outer ? inner : outer;
        receiving.setChainFunction((pad, parent, buffer) -> sending.push(buffer));
        outer.setEventFunction((pad, parent, event) -> inner.pushEvent(event));
        inner.setEventFunction((pad, parent, event) -> outer.pushEvent(event));
        outer.setQueryFunction((pad, parent, query) -> answerThrough(inner, query));
        inner.setQueryFunction((pad, parent, query) -> answerThrough(outer, query));
        outer.setActivateModeFunction((pad, parent, mode, active) -> internal.activateMode(mode, active));
        outer.setProxyCaps(true);
        inner.setProxyCaps(true);
    }

    /** Asks the peer of {@code other}; without a peer, CAPS is ANY and any caps are accepted. */
    private static boolean answerThrough(Pad other, Query query) {
        if (other.peerQuery(query)) {
            return true;
        }
        if (other.getPeer() == null) {
            if (query instanceof Query.CapsQuery q) {
                q.setResult(q.filter() != null ? q.filter() : other.getPadTemplateCaps());
                return true;
            }
            if (query instanceof Query.AcceptCapsQuery q) {
                q.setResult(true);
                return true;
            }
        }
        return false;
    }

    /** Shortcut: ghosts {@code element}'s pad {@code padName} onto {@code bin} under the same name. */
    public static GhostPad expose(Bin bin, Element element, String padName) {
        Objects.requireNonNull(bin, "bin");
        Pad target = element.getStaticPad(padName);
        if (target == null) {
            throw new IllegalArgumentException(element.getName() + " has no pad '" + padName + "' to ghost");
        }
        GhostPad g = new GhostPad(padName, target);
        bin.addPad(g);
        return g;
    }
}
