package org.gstmini.core;

/**
 * A link between two pads failed. The message names both pads, the reason, and for a caps
 * mismatch the caps each side offered, so the user can see which filter or element to change.
 */
public final class PadLinkException extends IllegalStateException {
    private final PadLinkReturn reason;

    public PadLinkException(Pad src, Pad sink, PadLinkReturn reason) {
        super(describe(src, sink, reason));
        this.reason = reason;
    }

    public PadLinkReturn reason() {
        return reason;
    }

    private static String describe(Pad src, Pad sink, PadLinkReturn reason) {
        String head = "could not link " + src + " to " + sink + ": ";
        return head + switch (reason) {
            case NOFORMAT -> "their caps have nothing in common\n  " + src + " can produce: " + src.queryCaps(null)
                    + "\n  " + sink + " accepts: " + sink.queryCaps(null);
            case WAS_LINKED -> (src.isLinked() ? src + " is already linked to " + src.getPeer() : sink + " is already linked to " + sink.getPeer());
            case WRONG_DIRECTION -> "links go from a source pad to a sink pad (" + src + " is " + src.getDirection()
                    + ", " + sink + " is " + sink.getDirection() + ")";
            case WRONG_HIERARCHY -> src.getParent() != null && src.getParent() == sink.getParent()
                    ? "both pads belong to " + src.getParent().getName() + ", and a link onto itself would be a loop"
                    : "the elements are not in the same bin; add them to one bin or link through ghost pads";
            case NOSCHED -> "the pads cannot agree on a scheduling mode";
            case REFUSED -> "a link function refused the link";
            case OK -> "no error";
        };
    }
}
