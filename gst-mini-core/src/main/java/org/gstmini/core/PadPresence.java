package org.gstmini.core;

/** When pads made from a template exist. Mirrors {@code GstPadPresence}. */
public enum PadPresence {
    /** The pad always exists (created in the element's constructor). */
    ALWAYS,
    /** The pad appears when the element knows about a stream (a demuxer's output). */
    SOMETIMES,
    /** The pad is created when the application asks for it (a tee's {@code src_%u}). */
    REQUEST;

    /** The lowercase word gst-inspect prints. */
    public String nick() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
