package org.gstmini.core;

/** Why a link succeeded or failed. Mirrors {@code GstPadLinkReturn} (gst/gstpad.h). */
public enum PadLinkReturn {
    OK,
    /** The pads have no common parent bin: link through ghost pads instead. */
    WRONG_HIERARCHY,
    /** One of the pads is already linked. */
    WAS_LINKED,
    /** The first pad is not a source pad or the second not a sink pad. */
    WRONG_DIRECTION,
    /** The caps the two pads accept have nothing in common. */
    NOFORMAT,
    /** The pads cannot cooperate in scheduling. */
    NOSCHED,
    /** A link function refused the link. */
    REFUSED;

    public boolean isOk() {
        return this == OK;
    }
}
