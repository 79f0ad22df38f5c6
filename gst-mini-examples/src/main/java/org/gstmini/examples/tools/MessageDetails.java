package org.gstmini.examples.tools;

import java.util.Locale;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Property;
import org.gstmini.core.State;

/**
 * What {@code gst-launch -m} prints for each message: the message's type name and its details
 * as a structure, like {@code gst_message_get_structure} gives them in GStreamer:
 *
 * <pre>
 *   Got message #12 from element "pipeline0" (state-changed): GstMessageStateChanged, old-state=(GstState)null, new-state=(GstState)ready, pending-state=(GstState)paused;
 *   Got message #20 from element "pipeline0" (eos): no message details
 * </pre>
 */
final class MessageDetails {
    private MessageDetails() {
    }

    /** The name GStreamer gives the type ({@code GST_MESSAGE_TYPE_NAME}): "state-changed", "eos". */
    static String typeName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The whole line after "Got message #n from ...: ", i.e. the details or "no message details". */
    static String details(Message m) {
        String s = structure(m);
        return s == null ? "no message details" : s;
    }

    /** The structure text of a message, or null for messages that carry none (EOS, LATENCY...). */
    static String structure(Message m) {
        if (m instanceof Message.StateChanged sc) {
            return "GstMessageStateChanged, old-state=(GstState)" + state(sc.oldState())
                    + ", new-state=(GstState)" + state(sc.newState())
                    + ", pending-state=(GstState)" + state(sc.pending()) + ";";
        }
        if (m instanceof Message.AsyncDone ad) {
            return "GstMessageAsyncDone, running-time=(guint64)" + Long.toUnsignedString(ad.runningTime()) + ";";
        }
        if (m instanceof Message.NewClock nc) {
            return "GstMessageNewClock, clock=(GstClock)" + Formats.quoted(nc.clock().getName()) + ";";
        }
        if (m instanceof Message.ClockLost cl) {
            return "GstMessageClockLost, clock=(GstClock)" + Formats.quoted(cl.clock().getName()) + ";";
        }
        if (m instanceof Message.Report r) {
            String name = switch (m.type()) {
                case ERROR -> "GstMessageError";
                case WARNING -> "GstMessageWarning";
                default -> "GstMessageInfo";
            };
            return name + ", gerror=(GError)" + Formats.quoted(r.text()) + ", debug=(string)"
                    + Formats.quoted(r.debug()) + ", code=(string)" + Formats.quoted(r.code().toString()) + ";";
        }
        if (m instanceof Message.Tag t) {
            return "GstMessageTag, taglist=(taglist)" + Formats.quoted(t.tags().toString()) + ";";
        }
        if (m instanceof Message.Qos q) {
            return "GstMessageQOS, live=(boolean)" + q.live()
                    + ", running-time=(guint64)" + Long.toUnsignedString(q.runningTime())
                    + ", stream-time=(guint64)" + Long.toUnsignedString(q.streamTime())
                    + ", timestamp=(guint64)" + Long.toUnsignedString(q.timestamp())
                    + ", duration=(guint64)" + Long.toUnsignedString(q.duration())
                    + ", jitter=(gint64)" + q.jitter()
                    + ", processed=(guint64)" + q.processed()
                    + ", dropped=(guint64)" + q.dropped() + ";";
        }
        if (m instanceof Message.ElementMessage e) {
            return e.structure() + ";";
        }
        if (m instanceof Message.Application a) {
            return a.structure() + ";";
        }
        if (m instanceof Message.PropertyNotify pn) {
            return "GstMessagePropertyNotify, property-name=(string)" + Formats.quoted(pn.propertyName())
                    + ", property-value=" + Formats.quoted(propertyValue(pn)) + ";";
        }
        return null;
    }

    /** A property value as gst-launch prints it: enum nicks, caps in GStreamer syntax, "(no value)". */
    static String propertyValue(Message.PropertyNotify pn) {
        Object value = pn.value();
        if (value == null) {
            return "(no value)";
        }
        Element source = pn.source();
        Property<?> p = source == null ? null : source.findProperty(pn.propertyName());
        return p != null ? p.format(value) : String.valueOf(value);
    }

    private static String state(State s) {
        return s == State.VOID_PENDING ? "void-pending" : s.name().toLowerCase(Locale.ROOT);
    }
}
