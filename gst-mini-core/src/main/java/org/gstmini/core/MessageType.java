package org.gstmini.core;

/** The kinds of bus messages, used to filter {@link Bus#timedPop}. Mirrors {@code GstMessageType}. */
public enum MessageType {
    EOS,
    ERROR,
    WARNING,
    INFO,
    TAG,
    STATE_CHANGED,
    ASYNC_START,
    ASYNC_DONE,
    NEW_CLOCK,
    CLOCK_LOST,
    LATENCY,
    QOS,
    STREAM_START,
    DURATION_CHANGED,
    /** An element-specific message carrying a structure (gst_message_new_element). */
    ELEMENT,
    /** An application-defined message (gst_message_new_application). */
    APPLICATION,
    /** A property changed on an element watched with {@link Bin#addPropertyDeepNotifyWatch}. */
    PROPERTY_NOTIFY
}
