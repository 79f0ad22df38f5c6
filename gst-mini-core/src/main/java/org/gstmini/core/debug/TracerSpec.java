package org.gstmini.core.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a {@code GST_MINI_TRACERS} list: a tracer name and the text between its
 * parentheses.
 *
 * <p>The syntax is GStreamer's {@code GST_TRACERS} (parsed in {@code _priv_gst_tracing_init},
 * gst/gsttracerutils.c): entries separated by {@code ;}, each a bare name or a name followed by
 * parameters in parentheses, which may nest:
 *
 * <pre>
 *   log
 *   log;stats
 *   log(name=mylog);latency(flags=pipeline+element)
 *   mine(filter=(a;b))                    the ';' inside the parentheses belongs to the parameters
 * </pre>
 *
 * <p>Unlike GStreamer, which splits at every {@code ;} and quietly ignores what it cannot read,
 * {@link #parseList} splits only outside parentheses and rejects malformed text with the position
 * of the fault.
 *
 * @param name   the tracer factory's name, e.g. {@code log}
 * @param params the text between the parentheses, trimmed; empty when there were none
 */
public record TracerSpec(String name, String params) {
    public TracerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
    }

    /**
     * Parses a whole {@code GST_MINI_TRACERS} value; empty entries ({@code "log;;"}) are skipped.
     *
     * @throws IllegalArgumentException for a missing name, an unclosed {@code (}, text after the
     *                                  {@code )}, or a name with characters other than letters,
     *                                  digits, {@code -}, {@code _} and {@code .}; the message
     *                                  names the position
     */
    public static List<TracerSpec> parseList(String text) {
        Objects.requireNonNull(text, "text");
        List<TracerSpec> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ';' && (depth == 0 || i == text.length())) {
                TracerSpec spec = parseOne(text, start, i);
                if (spec != null) {
                    out.add(spec);
                }
                start = i + 1;
                depth = 0;
            }
        }
        return out;
    }

    /** Parses {@code text[from, to)}; null when blank. */
    private static TracerSpec parseOne(String text, int from, int to) {
        int b = from;
        while (b < to && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        int e = to;
        while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (b == e) {
            return null;
        }
        int open = text.indexOf('(', b);
        if (open < 0 || open >= e) {
            return new TracerSpec(checkName(text, b, e), "");
        }
        int nameEnd = open;
        while (nameEnd > b && Character.isWhitespace(text.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        if (nameEnd == b) {
            throw SpecErrors.at("GST_MINI_TRACERS", "missing tracer name before '('", text, open);
        }
        String name = checkName(text, b, nameEnd);
        int depth = 1;
        int close = -1;
        for (int i = open + 1; i < e; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw SpecErrors.at("GST_MINI_TRACERS", "missing ')' to close the parameters of '" + name + "'", text, e);
        }
        if (close + 1 != e) {
            throw SpecErrors.at("GST_MINI_TRACERS", "unexpected text after the parameters of '" + name
                    + "' (separate tracers with ';')", text, close + 1);
        }
        return new TracerSpec(name, text.substring(open + 1, close).trim());
    }

    private static String checkName(String text, int b, int e) {
        for (int i = b; i < e; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                throw SpecErrors.at("GST_MINI_TRACERS", "unexpected character '" + c + "' in tracer name", text, i);
            }
        }
        return text.substring(b, e);
    }

    /** {@code name} or {@code name(params)}, as written in {@code GST_MINI_TRACERS}. */
    @Override
    public String toString() {
        return params.isEmpty() ? name : name + "(" + params + ")";
    }
}
