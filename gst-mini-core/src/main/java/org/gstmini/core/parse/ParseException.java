package org.gstmini.core.parse;

import java.util.Objects;

/**
 * A pipeline description could not be turned into a pipeline: a syntax error, an unknown
 * element or property, a value the property cannot take, a link that failed, or a reference to
 * a name that does not exist.
 *
 * <p>Mirrors the {@code GST_PARSE_ERROR} domain that {@code gst_parse_launch()} reports
 * (gst/gstparse.h: SYNTAX, NO_SUCH_ELEMENT, NO_SUCH_PROPERTY, LINK, COULD_NOT_SET_PROPERTY,
 * EMPTY_BIN, EMPTY). GStreamer only says <em>what</em> went wrong; this exception also says
 * <em>where</em>, with the description and a caret under the offending token:
 *
 * <pre>
 * no element "fakesnk"; did you mean 'fakesink'?
 *   testsrc ! fakesnk
 *             ^
 * </pre>
 *
 * <p>{@link #reason()} is the first part alone, {@link #position()} the 0-based index of the
 * token in {@link #description()}. When the problem came from another exception (the registry's
 * {@link org.gstmini.core.NoSuchElementFactoryException}, a property's
 * {@link org.gstmini.core.UnknownPropertyException}, a
 * {@link org.gstmini.core.PadLinkException}, a {@link org.gstmini.core.caps.CapsParseException})
 * that exception is the {@linkplain #getCause() cause} and its message is the reason.
 */
public final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The whole description that was parsed. */
    private final String description;
    /** Where the offending token starts in it. */
    private final int position;
    /** What went wrong. */
    private final String reason;

    /**
     * @param reason      what went wrong and, where possible, what to do about it
     * @param description the whole pipeline description being parsed
     * @param position    the 0-based index in {@code description} of the offending token
     */
    public ParseException(String reason, String description, int position) {
        this(reason, description, position, null);
    }

    /**
     * Like {@link #ParseException(String, String, int)}, keeping the exception that caused it.
     *
     * @param reason      what went wrong and, where possible, what to do about it
     * @param description the whole pipeline description being parsed
     * @param position    the 0-based index in {@code description} of the offending token
     * @param cause       the exception that reported the problem, or null
     */
    public ParseException(String reason, String description, int position, Throwable cause) {
        super(format(Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(description, "description"),
                position), cause);
        this.description = description;
        this.position = position;
        this.reason = reason;
    }

    /**
     * The 0-based index in {@link #description()} where the offending token starts.
     *
     * @return the position of the problem
     */
    public int position() {
        return position;
    }

    /**
     * The pipeline description that was being parsed.
     *
     * @return the whole description
     */
    public String description() {
        return description;
    }

    /**
     * The problem alone, without the description and the caret.
     *
     * @return what went wrong
     */
    public String reason() {
        return reason;
    }

    private static String format(String reason, String description, int position) {
        // Tabs and newlines would break the alignment of the caret: show them as spaces.
        String shown = description.replaceAll("[\\t\\n\\r\\f]", " ");
        int at = Math.max(0, Math.min(position, shown.length()));
        return reason + "\n  " + shown + "\n  " + " ".repeat(at) + "^";
    }
}
