package org.gstmini.core.debug;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GST_DEBUG}-style log levels for gst-mini: {@code GST_MINI_DEBUG="*:2,pad:6,queue:5"}.
 *
 * <p>Mirrors {@code gst_debug_set_threshold_from_string()} (gst/gstinfo.c), which reads
 * {@code GST_DEBUG}. The value is a comma-separated list; each entry is either
 * {@code category:level} or a bare {@code level} (the default for everything else):
 *
 * <pre>
 *   GST_MINI_DEBUG=3                   everything at FIXME (= WARN)
 *   GST_MINI_DEBUG="*:2,pad:6"         everything at WARNING, pads at LOG
 *   GST_MINI_DEBUG="*:WARNING,q*:5"    names work too; q* is a glob, like GStreamer's
 *   GST_MINI_DEBUG="tracer.log:7"      what the log tracer writes
 * </pre>
 *
 * <h2>Categories</h2>
 * A category is the name of an SLF4J logger under {@value #LOGGER_PREFIX}: category {@code pad}
 * is logger {@code org.gstmini.pad}. The core logs on {@code pad}, {@code element}, {@code bin},
 * {@code pipeline}, {@code task}, {@code registry}, {@code tracer}, {@code debug}; elements
 * usually log on their factory's name ({@code queue}). As with GStreamer, <b>order matters</b>:
 * a later entry overrides an earlier one it matches, so {@code "pad:6,*:2"} leaves pads at 2.
 *
 * <h2>Levels</h2>
 * GStreamer has more levels than SLF4J; they map like this:
 * <pre>
 *   0 NONE     → off          4 INFO     → info
 *   1 ERROR    → error        5 DEBUG    → debug
 *   2 WARNING  → warn         6 LOG      → trace
 *   3 FIXME    → warn         7 TRACE    → trace     (8, 9 MEMDUMP → trace)
 * </pre>
 * Names are accepted in any case.
 *
 * <h2>How levels reach the logger</h2>
 * SLF4J's API cannot set levels; each backend has its own way. This class targets
 * <b>slf4j-simple</b>, the backend the gst-mini tools bind, through its system properties:
 * {@code org.slf4j.simpleLogger.log.org.gstmini.pad=trace} per category and
 * {@code org.slf4j.simpleLogger.defaultLogLevel} for {@code *} and bare levels. slf4j-simple
 * reads the default once, when the first logger is created, and a logger's own level when that
 * logger is created. So <b>call {@link #applyFromEnvironment()} first thing in {@code main}</b>,
 * before anything logs:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     DebugLevels.applyFromEnvironment();   // before any logger exists
 *     ...
 * }
 * }</pre>
 *
 * <p>With another backend (Logback, Log4j), configure levels in its own file instead; the
 * properties are then harmless.
 *
 * <p>Globs: slf4j-simple knows no wildcards, so a glob such as {@code q*} is expanded against the
 * categories this class knows ({@link #KNOWN_CATEGORIES}, the names given explicitly earlier in
 * the same value, and any extra names passed to {@link #toSimpleLoggerProperties(String, Collection)}).
 * {@code *} alone needs no expansion: it sets the default.
 */
public final class DebugLevels {
    /** The environment variable, like {@code GST_DEBUG}. */
    public static final String ENV = "GST_MINI_DEBUG";
    /** The system property that, when set, is used instead of {@value #ENV}. */
    public static final String PROPERTY = "gstmini.debug";
    /** Category {@code pad} is the logger {@code org.gstmini.pad}. */
    public static final String LOGGER_PREFIX = "org.gstmini.";
    /** slf4j-simple's default level property. */
    public static final String SIMPLE_DEFAULT_KEY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** slf4j-simple's per-logger level property prefix. */
    public static final String SIMPLE_LOG_PREFIX = "org.slf4j.simpleLogger.log.";

    /** The categories globs are matched against: the core's loggers and the log tracer's. */
    public static final List<String> KNOWN_CATEGORIES = List.of("bin", "bus", "clock", "debug", "element", "pad",
            "parse", "pipeline", "registry", "task", "tracer", "tracer.log");

    /** GStreamer's level names, index = level number ({@code gst_debug_level_get_name}). */
    private static final List<String> LEVEL_NAMES = List.of("NONE", "ERROR", "WARNING", "FIXME", "INFO", "DEBUG",
            "LOG", "TRACE", "", "MEMDUMP");
    /** slf4j-simple's level for each GStreamer level number. */
    private static final List<String> SIMPLE_LEVELS = List.of("off", "error", "warn", "warn", "info", "debug",
            "trace", "trace", "trace", "trace");

    private DebugLevels() {
    }

    /**
     * Reads {@value #PROPERTY} (if set) or {@value #ENV} and sets the matching slf4j-simple
     * system properties. Does nothing when neither is set.
     *
     * @throws IllegalArgumentException when the value is malformed; the message shows where
     */
    public static void applyFromEnvironment() {
        // Like GStreamer without GST_DEBUG: warnings and errors only, unless the application set
        // slf4j-simple's default itself. GST_MINI_DEBUG then adds on top.
        if (System.getProperty(SIMPLE_DEFAULT_KEY) == null) {
            System.setProperty(SIMPLE_DEFAULT_KEY, "warn");
        }
        String spec = System.getProperty(PROPERTY);
        if (spec == null) {
            spec = System.getenv(ENV);
        }
        if (spec != null && !spec.isBlank()) {
            apply(spec);
        }
    }

    /** Sets the slf4j-simple system properties for {@code spec} and returns them. */
    public static Map<String, String> apply(String spec) {
        Map<String, String> props = toSimpleLoggerProperties(spec);
        props.forEach(System::setProperty);
        return props;
    }

    /**
     * The slf4j-simple system properties for a {@code GST_MINI_DEBUG} value, in a stable order
     * (the default first, then categories as last set). A pure function.
     *
     * <pre>
     *   "*:2,pad:6"  →  org.slf4j.simpleLogger.defaultLogLevel=warn
     *                   org.slf4j.simpleLogger.log.org.gstmini.pad=trace
     * </pre>
     *
     * @throws IllegalArgumentException for an unknown level, an empty or malformed category; the
     *                                  message names the 0-based position
     */
    public static Map<String, String> toSimpleLoggerProperties(String spec) {
        return toSimpleLoggerProperties(spec, List.of());
    }

    /**
     * Like {@link #toSimpleLoggerProperties(String)}, with more category names for globs to match
     * (for example the element factory names a tool knows).
     */
    public static Map<String, String> toSimpleLoggerProperties(String spec, Collection<String> extraCategories) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(extraCategories, "extraCategories");
        String defaultLevel = null;
        Map<String, String> categories = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= spec.length(); i++) {
            if (i < spec.length() && spec.charAt(i) != ',') {
                continue;
            }
            int b = skipSpace(spec, start, i);
            int e = trimEnd(spec, b, i);
            start = i + 1;
            if (b == e) {
                continue; // empty entry, e.g. a trailing comma
            }
            int colon = spec.indexOf(':', b);
            if (colon < 0 || colon >= e) {
                defaultLevel = level(spec, b, e);
                continue;
            }
            int ce = trimEnd(spec, b, colon);
            if (ce == b) {
                throw SpecErrors.at(ENV, "missing category before ':'", spec, colon);
            }
            String pattern = category(spec, b, ce);
            String level = level(spec, skipSpace(spec, colon + 1, e), e);
            if (pattern.chars().allMatch(c -> c == '*')) {
                categories.clear();
                defaultLevel = level;
            } else if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
                Set<String> candidates = new LinkedHashSet<>(KNOWN_CATEGORIES);
                candidates.addAll(extraCategories);
                candidates.addAll(categories.keySet());
                for (String c : candidates) {
                    if (globMatches(pattern, c)) {
                        categories.remove(c);
                        categories.put(c, level);
                    }
                }
            } else {
                categories.remove(pattern);
                categories.put(pattern, level);
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (defaultLevel != null) {
            props.put(SIMPLE_DEFAULT_KEY, defaultLevel);
        }
        categories.forEach((c, level) -> props.put(SIMPLE_LOG_PREFIX + LOGGER_PREFIX + c, level));
        return props;
    }

    /**
     * The slf4j-simple level ({@code off error warn info debug trace}) for a GStreamer level
     * number 0..9.
     */
    public static String simpleLevel(int gstLevel) {
        if (gstLevel < 0 || gstLevel >= SIMPLE_LEVELS.size()) {
            throw new IllegalArgumentException("debug level " + gstLevel + " is out of range 0..9");
        }
        return SIMPLE_LEVELS.get(gstLevel);
    }

    /**
     * The GStreamer level number for a number or name ({@code 5}, {@code DEBUG}, {@code debug}),
     * or -1 if it is neither ({@code parse_debug_level}).
     */
    public static int parseLevel(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return -1;
        }
        if (t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '9') {
            return t.charAt(0) - '0';
        }
        return LEVEL_NAMES.indexOf(t.toUpperCase(Locale.ROOT));
    }

    private static String level(String spec, int b, int e) {
        int n = parseLevel(spec.substring(b, e));
        if (n < 0) {
            String word = spec.substring(b, e);
            throw SpecErrors.at(ENV, (word.isEmpty() ? "missing level" : "unknown level '" + word + "'")
                    + " (use 0-9 or NONE, ERROR, WARNING, FIXME, INFO, DEBUG, LOG, TRACE, MEMDUMP)", spec, b);
        }
        return SIMPLE_LEVELS.get(n);
    }

    private static String category(String spec, int b, int e) {
        for (int i = b; i < e; i++) {
            char c = spec.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '*' || c == '?')) {
                throw SpecErrors.at(ENV, "unexpected character '" + c + "' in category name (expected category:level)",
                        spec, i);
            }
        }
        return spec.substring(b, e);
    }

    private static int skipSpace(String s, int b, int e) {
        while (b < e && Character.isWhitespace(s.charAt(b))) {
            b++;
        }
        return b;
    }

    private static int trimEnd(String s, int b, int e) {
        while (e > b && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** GLib's {@code g_pattern_match_simple}: {@code *} any run of characters, {@code ?} any one. */
    static boolean globMatches(String pattern, String name) {
        return glob(pattern, 0, name, 0);
    }

    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
