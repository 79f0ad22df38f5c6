package org.gstmini.plugins.good.coreelements;

import java.io.PrintStream;
import java.util.Locale;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Pad;

/**
 * How the debugging elements (fakesrc, fakesink) describe a buffer: the "last-message" line and
 * the hex dump of {@code dump=true}, in GStreamer's formats.
 */
final class BufferText {
    private BufferText() {
    }

    /**
     * The last-message line of a buffer, e.g. fakesink's
     * {@code chain   ******* (fakesink0:sink) (4 bytes, dts: none, pts: 0:00:00.000000000, ...) 0x1a2b}.
     *
     * @param action   "chain  " or "create  ", as each element writes it
     * @param ptsLabel "pts: " (fakesink) or "pts:" (fakesrc, which prints no space)
     * @param tail     text after the flags, e.g. ", meta: none"
     */
    static String lastMessage(String action, Pad pad, Buffer buf, String ptsLabel, String tail) {
        int bits = 0;
        StringBuilder names = new StringBuilder();
        for (BufferFlag f : buf.flags()) {
            bits |= f.value();
            names.append(names.length() == 0 ? "" : " ").append(f.nick());
        }
        return String.format(Locale.ROOT, "%s ******* (%s) (%d bytes, dts: %s, %s%s, duration: %s, offset: %d, "
                        + "offset_end: %d, flags: %08x %s%s) 0x%x",
                action, pad, buf.size(), timeOrNone(buf.dts()), ptsLabel, timeOrNone(buf.pts()),
                timeOrNone(buf.duration()), buf.offset(), buf.offsetEnd(), bits, names, tail,
                System.identityHashCode(buf));
    }

    private static String timeOrNone(long t) {
        return t == ClockTime.NONE ? "none" : ClockTime.format(t);
    }

    /**
     * Prints the buffer's bytes as {@code gst_util_dump_mem} does: per line of 16 bytes the
     * offset, where the line starts, the bytes in hex and as characters.
     */
    static void dumpMem(Buffer buffer, PrintStream out) {
        byte[] bytes = buffer.toByteArray();
        int base = System.identityHashCode(buffer);
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            StringBuilder hex = new StringBuilder(48);
            StringBuilder chars = new StringBuilder(16);
            for (int i = line; i < Math.min(bytes.length, line + 16); i++) {
                int b = bytes[i] & 0xff;
                hex.append(String.format(Locale.ROOT, "%02x ", b));
                chars.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append(String.format(Locale.ROOT, "%08x (0x%x): %-48.48s %-16.16s%n", line, base + line, hex, chars));
        }
        out.print(sb);
        out.flush();
    }
}
