package org.gstmini.core.caps;

/**
 * Thrown when caps or structure text cannot be parsed — GStreamer's
 * {@code gst_caps_from_string()} and {@code gst_structure_from_string()} just return NULL; here
 * the error says what was expected and where.
 *
 * <p>The message shows the input with a caret under the offending character:
 * <pre>
 * invalid caps: expected '=' after field name 'width' at position 18:
 *   video/x-raw, width 320
 *                     ^
 * </pre>
 */
public final class CapsParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    /**
     * @param what     what was being parsed, {@code "caps"} or {@code "structure"}
     * @param reason   what went wrong, e.g. {@code "expected '=' after field name 'width'"}
     * @param input    the whole text being parsed
     * @param position the 0-based index in {@code input} where the problem is
     */
    public CapsParseException(String what, String reason, String input, int position) {
        super(format(what, reason, input, position));
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    /** The 0-based index in {@link #input()} where parsing failed. */
    public int position() {
        return position;
    }

    /** The text that was being parsed. */
    public String input() {
        return input;
    }

    /** The problem alone, without the position and the picture of the input. */
    public String reason() {
        return reason;
    }

    private static String format(String what, String reason, String input, int position) {
        // Tabs and newlines would break the alignment of the caret: show them as spaces.
        String shown = input.replaceAll("[\\t\\n\\r\\f]", " ");
        return "invalid " + what + ": " + reason + " at position " + position + ":\n  "
                + shown + "\n  " + " ".repeat(Math.max(0, position)) + "^";
    }
}
