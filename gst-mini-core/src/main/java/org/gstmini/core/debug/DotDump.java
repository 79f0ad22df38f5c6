package org.gstmini.core.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.State;
import org.gstmini.core.Task;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a bin as a Graphviz graph: every element, its pads, its state, and the caps on every
 * link. The picture answers the first questions of any debugging session — is everything
 * linked? what got negotiated? who is stuck in which state?
 *
 * <p>Mirrors {@code GST_DEBUG_BIN_TO_DOT_DATA} / {@code gst_debug_bin_to_dot_data()},
 * {@code gst_debug_bin_to_dot_file()} and {@code gst_debug_bin_to_dot_file_with_ts()}
 * (gst/gstdebugutils.c). The output has the same shape as GStreamer's, so the habits carry over:
 *
 * <pre>
 *  ┌ Pipeline pipeline0 [=] ─────────────────────────────────────────────┐
 *  │ ┌ TestSrc src [=] ┐                      ┌ TestSink sink [=] ───┐   │
 *  │ │          [src]──┼── video/x-raw ──────►│──[sink]              │   │
 *  │ └─────────────────┘   format: RGB        └──────────────────────┘   │
 *  └─────────────────────────────────────────────────────────────────────┘
 * </pre>
 *
 * <ul>
 *   <li>Every element (and, recursively, every bin) is a <b>cluster</b> labelled with its class
 *       (and factory), its name, its state — {@code [=]} for PAUSED, {@code [-] -> [=]} while
 *       going from READY to PAUSED — and the properties that differ from their defaults.
 *       Sources are red, sinks blue, filters green, bins white.</li>
 *   <li>Pads are boxes inside their element: sink pads on the left, source pads on the right,
 *       with the activation mode ({@code [>]} push, {@code [<]} pull, {@code [-]} inactive),
 *       the flags ({@code [bfb]}: <b>b</b>locked, <b>f</b>lushing, <b>b</b>locking; upper case
 *       when set, plus {@code E} after EOS) and {@code [T]} when a task runs on the pad.</li>
 *   <li>A ghost pad is drawn with its hidden internal pad, joined by a dashed edge; the internal
 *       pad links to the ghost pad's target inside the bin.</li>
 *   <li>Each link is an edge labelled with the caps flowing on it: the negotiated (current) caps
 *       in detail, one field per line; before negotiation, the media types the pads' CAPS query
 *       allows, abbreviated. When the two ends disagree both are shown, at the tail and the
 *       head of the edge.</li>
 * </ul>
 *
 * <h2>Getting dumps</h2>
 * Render text from {@link #toDot(Bin)} with {@code dot -Tsvg pipeline.dot > pipeline.svg}. Or
 * set the environment variable {@value #DIR_ENV} to a directory: then {@link #dumpToFile} writes
 * there, and every top-level {@link org.gstmini.core.Pipeline} writes a dump at each of its state
 * changes, named like gst-launch's {@code GST_DEBUG_BIN_TO_DOT_FILE_WITH_TS} dumps:
 * {@code 0.00.00.123456789-pipeline0.READY_PAUSED.dot} (the time since the process started, then
 * the pipeline's name and the transition).
 *
 * <p>The system property {@value #DIR_PROPERTY}, when set, takes precedence over the environment
 * variable (tests point it at a temporary directory; an empty value turns dumps off).
 */
public final class DotDump {
    /** The environment variable naming the dump directory, like {@code GST_DEBUG_DUMP_DOT_DIR}. */
    public static final String DIR_ENV = "GST_MINI_DEBUG_DUMP_DOT_DIR";
    /** The system property that, when set, overrides {@value #DIR_ENV}; empty means "no dumps". */
    public static final String DIR_PROPERTY = "gstmini.debug.dump.dot.dir";

    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.debug");

    /** What to draw, GStreamer's {@code GstDebugGraphDetails}; {@link #toDot(Bin)} draws all. */
    public enum Detail {
        /** Label links with the media type ({@code GST_DEBUG_GRAPH_SHOW_MEDIA_TYPE}). */
        MEDIA_TYPE,
        /** Label links with every caps field ({@code GST_DEBUG_GRAPH_SHOW_CAPS_DETAILS}). */
        CAPS_DETAILS,
        /** Show properties that differ from their defaults ({@code GST_DEBUG_GRAPH_SHOW_NON_DEFAULT_PARAMS}). */
        NON_DEFAULT_PARAMS,
        /** Show element states and pad modes, flags and tasks ({@code GST_DEBUG_GRAPH_SHOW_STATES}). */
        STATES
    }

    /** Everything ({@code GST_DEBUG_GRAPH_SHOW_ALL}). */
    public static final Set<Detail> ALL = Collections.unmodifiableSet(EnumSet.allOf(Detail.class));

    /** Index = {@link State#ordinal()}: VOID_PENDING, NULL, READY, PAUSED, PLAYING. */
    private static final String STATE_ICONS = "~0-=>";
    /** Index = {@link org.gstmini.core.PadMode#ordinal()}: NONE, PUSH, PULL. */
    private static final String MODE_ICONS = "-><";
    private static final String LEGEND = "Legend\\l"
            + "Element-States: [~] void-pending, [0] null, [-] ready, [=] paused, [>] playing\\l"
            + "Pad-Activation: [-] none, [>] push, [<] pull\\l"
            + "Pad-Flags: [b]locked, [f]lushing, [b]locking, [E]OS; upper-case is set\\l"
            + "Pad-Task: [T] has started task, [t] has paused task\\l";
    /** Caps values longer than this are cut, as {@code string_append_field} does. */
    private static final int MAX_VALUE_LENGTH = 25;
    /** Property values longer than this are cut. */
    private static final int MAX_PARAM_LENGTH = 60;
    /** How many media types an abbreviated (not negotiated) caps label lists. */
    private static final int MAX_ABBREVIATED = 3;

    private DotDump() {
    }

    // ---------------------------------------------------------------- text

    /** The whole bin as Graphviz dot text, with every detail ({@code gst_debug_bin_to_dot_data}). */
    public static String toDot(Bin bin) {
        return toDot(bin, ALL);
    }

    /** The bin as Graphviz dot text, with the chosen details. */
    public static String toDot(Bin bin, Set<Detail> details) {
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(details, "details");
        return new Writer(details.isEmpty() ? EnumSet.noneOf(Detail.class) : EnumSet.copyOf(details)).graph(bin);
    }

    // ---------------------------------------------------------------- files

    /**
     * The directory dumps go to: the system property {@value #DIR_PROPERTY} if set (empty: none),
     * else the environment variable {@value #DIR_ENV}; null when dumps are off.
     */
    public static Path dumpDirectory() {
        String value = System.getProperty(DIR_PROPERTY);
        if (value == null) {
            value = System.getenv(DIR_ENV);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            LOG.warn("{}: '{}' is not a usable directory: {}", DIR_ENV, value, e.getMessage());
            return null;
        }
    }

    /**
     * Writes {@code <dump dir>/<fileNameNoExt>.dot} when a dump directory is set
     * ({@code gst_debug_bin_to_dot_file}); returns the file written, or null when dumps are off or
     * writing failed (logged at WARN). The directory is created if needed; characters that
     * cannot appear in file names are replaced by {@code _}.
     */
    public static Path dumpToFile(Bin bin, String fileNameNoExt) {
        Objects.requireNonNull(bin, "bin");
        Path dir = dumpDirectory();
        if (dir == null) {
            return null;
        }
        String name = fileNameNoExt == null || fileNameNoExt.isBlank() ? "unnamed" : fileNameNoExt;
        Path file = dir.resolve(safeFileName(name) + ".dot");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, toDot(bin), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.warn("failed to write the graph of {} to '{}': {}", bin.getName(), file, e.toString());
            return null;
        }
        LOG.info("wrote bin graph to '{}'", file);
        return file;
    }

    /**
     * Like {@link #dumpToFile} with the time since the process started in front of the name,
     * {@code 0.00.01.500000000-<name>.dot}, so that successive dumps sort in time order
     * ({@code gst_debug_bin_to_dot_file_with_ts}).
     */
    public static Path dumpToFileWithTs(Bin bin, String fileNameNoExt) {
        String name = fileNameNoExt == null || fileNameNoExt.isBlank() ? "unnamed" : fileNameNoExt;
        return dumpToFile(bin, timestamp(StartTime.elapsedNanos()) + "-" + name);
    }

    /**
     * Called by a pipeline after each committed state change: when dumps are on and the bin is
     * top-level, writes {@code <ts>-<name>.<OLD>_<NEW>.dot}, as gst-launch does on every
     * STATE_CHANGED message of its pipeline. Returns the file, or null. Never throws: a failed
     * dump must not fail a state change.
     */
    public static Path dumpStateChange(Bin bin, State oldState, State newState) {
        if (bin == null || bin.getParent() != null || dumpDirectory() == null) {
            return null;
        }
        try {
            return dumpToFileWithTs(bin, bin.getName() + "." + oldState.nick() + "_" + newState.nick());
        } catch (RuntimeException e) {
            LOG.warn("dot dump of {} at {} -> {} failed", bin.getName(), oldState, newState, e);
            return null;
        }
    }

    /**
     * {@code h.mm.ss.nnnnnnnnn}: GStreamer's time format with dots instead of colons, which some
     * file systems refuse ({@code "%u.%02u.%02u.%09u"} in gstdebugutils.c).
     */
    static String timestamp(long nanos) {
        long t = Math.max(0, nanos);
        long s = t / 1_000_000_000L;
        return String.format("%d.%02d.%02d.%09d", s / 3600, (s / 60) % 60, s % 60, t % 1_000_000_000L);
    }

    private static String safeFileName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- the writer

    /** One dump: the text so far and the ids handed out to elements and pads. */
    private static final class Writer {
        private final Set<Detail> details;
        private final StringBuilder out = new StringBuilder(4096);
        private final Map<Object, String> ids = new IdentityHashMap<>();
        private int seq;

        Writer(Set<Detail> details) {
            this.details = details;
        }

        String graph(Bin bin) {
            out.append("digraph pipeline {\n")
                    .append("  rankdir=LR;\n")
                    .append("  fontname=\"sans\";\n")
                    .append("  fontsize=\"10\";\n")
                    .append("  labelloc=t;\n")
                    .append("  nodesep=.1;\n")
                    .append("  ranksep=.2;\n")
                    .append("  label=\"<").append(esc(typeName(bin))).append(">\\n").append(esc(bin.getName()))
                    .append(stateText(bin)).append(paramsText(bin)).append("\";\n")
                    .append("  node [style=\"filled,rounded\", shape=box, fontsize=\"9\", fontname=\"sans\",")
                    .append(" margin=\"0.0,0.0\"];\n")
                    .append("  edge [labelfontsize=\"6\", fontsize=\"9\", fontname=\"monospace\"];\n")
                    .append("  \n")
                    .append("  legend [\n")
                    .append("    pos=\"0,0!\",\n")
                    .append("    margin=\"0.05,0.05\",\n")
                    .append("    style=\"filled\",\n")
                    .append("    label=\"").append(LEGEND).append("\",\n")
                    .append("  ];\n")
                    .append("\n");
            children(bin, 1);
            out.append("}\n");
            return out.toString();
        }

        /** The clusters of a bin's children and the links between them ({@code debug_dump_element}). */
        private void children(Bin bin, int indent) {
            String sp = "  ".repeat(indent);
            for (Element e : bin.getChildren()) {
                String id = id(e);
                out.append(sp).append("subgraph ").append(q("cluster_" + id)).append(" {\n")
                        .append(sp).append("  fontname=\"Bitstream Vera Sans\";\n")
                        .append(sp).append("  fontsize=\"8\";\n")
                        .append(sp).append("  style=\"filled,rounded\";\n")
                        .append(sp).append("  color=black;\n")
                        .append(sp).append("  label=\"").append(esc(typeName(e))).append("\\n").append(esc(e.getName()))
                        .append(stateText(e)).append(paramsText(e)).append("\";\n");
                List<Pad> sinks = e.getSinkPads();
                List<Pad> srcs = e.getSrcPads();
                padCluster(id + "_sink", sinks, sp + "  ");
                padCluster(id + "_src", srcs, sp + "  ");
                if (!sinks.isEmpty() && !srcs.isEmpty()) {
                    // An invisible edge keeps sink pads left of source pads.
                    out.append(sp).append("  ").append(q(id(sinks.get(0)))).append(" -> ").append(q(id(srcs.get(0))))
                            .append(" [style=\"invis\"];\n");
                }
                if (e instanceof Bin b) {
                    out.append(sp).append("  fillcolor=\"#ffffff\";\n");
                    children(b, indent + 1);
                } else {
                    String fill = !srcs.isEmpty() && sinks.isEmpty() ? "#ffaaaa"
                            : srcs.isEmpty() && !sinks.isEmpty() ? "#aaaaff"
                            : !srcs.isEmpty() ? "#aaffaa" : "#ffffff";
                    out.append(sp).append("  fillcolor=\"").append(fill).append("\";\n");
                }
                out.append(sp).append("}\n\n");
                links(e, sp);
            }
        }

        private void padCluster(String id, List<Pad> pads, String sp) {
            if (pads.isEmpty()) {
                return;
            }
            out.append(sp).append("subgraph ").append(q("cluster_" + id)).append(" {\n")
                    .append(sp).append("  label=\"\";\n")
                    .append(sp).append("  style=\"invis\";\n");
            for (Pad p : pads) {
                elementPad(p, sp + "  ");
            }
            out.append(sp).append("}\n");
        }

        /** A pad, and for a ghost pad its internal pad too ({@code debug_dump_element_pad}). */
        private void elementPad(Pad pad, String sp) {
            boolean src = pad.getDirection() == PadDirection.SRC;
            String color;
            if (pad instanceof GhostPad ghost) {
                color = src ? "#ffdddd" : "#ddddff";
                GhostPad.Internal internal = ghost.getInternal();
                if (internal.getPeer() != null) {
                    padNode(internal, color, sp);
                    String from = q(id(src ? internal : ghost));
                    String to = q(id(src ? ghost : internal));
                    out.append(sp).append(from).append(" -> ").append(to).append(" [style=dashed, minlen=0]\n");
                }
            } else {
                color = src ? "#ffaaaa" : "#aaaaff";
            }
            padNode(pad, color, sp);
        }

        /** One pad node ({@code debug_dump_pad}). */
        private void padNode(Pad pad, String color, String sp) {
            String style = "filled,solid";
            PadTemplate t = pad.getPadTemplate();
            if (t != null && t.presence() == PadPresence.SOMETIMES) {
                style = "filled,dotted";
            } else if (t != null && t.presence() == PadPresence.REQUEST) {
                style = "filled,dashed";
            }
            StringBuilder label = new StringBuilder(esc(pad.getName()));
            if (details.contains(Detail.STATES)) {
                char blocked = pad.isBlocked() ? 'B' : 'b';
                label.append("\\n[").append(MODE_ICONS.charAt(pad.getMode().ordinal())).append("][")
                        .append(blocked).append(pad.isFlushing() ? 'F' : 'f').append(blocked)
                        .append(pad.isEos() ? "E" : "").append(']');
                Task task = pad.getTask();
                if (task != null) {
                    switch (task.getStatus()) {
                        case STARTED -> label.append("[T]");
                        case PAUSED -> label.append("[t]");
                        default -> {
                        }
                    }
                }
            }
            out.append(sp).append(q(id(pad))).append(" [color=black, fillcolor=\"").append(color)
                    .append("\", label=\"").append(label).append("\", height=\"0.2\", style=\"").append(style)
                    .append("\"];\n");
        }

        /**
         * The links leaving an element: from each linked source pad, and into each sink pad fed
         * by a ghost pad's internal pad (which belongs to no element of its own).
         */
        private void links(Element e, String sp) {
            for (Pad p : e.getPads()) {
                Pad peer = p.getPeer();
                if (peer == null) {
                    continue;
                }
                if (p.getDirection() == PadDirection.SRC) {
                    link(p, peer, sp);
                } else if (peer instanceof GhostPad.Internal) {
                    link(peer, p, sp);
                }
            }
        }

        /** One link edge with its caps ({@code debug_dump_element_pad_link}). */
        private void link(Pad src, Pad sink, String sp) {
            out.append(sp).append(q(id(src))).append(" -> ").append(q(id(sink)));
            if (details.contains(Detail.MEDIA_TYPE) || details.contains(Detail.CAPS_DETAILS)) {
                String srcMedia = media(src);
                String sinkMedia = media(sink);
                if (srcMedia.equals(sinkMedia)) {
                    out.append(" [label=\"").append(srcMedia).append("\"]");
                } else {
                    // dot places head and tail labels badly; an empty wide label makes room.
                    out.append(" [labeldistance=\"10\", labelangle=\"0\", label=\"")
                            .append(" ".repeat(50)).append("\", taillabel=\"").append(srcMedia)
                            .append("\", headlabel=\"").append(sinkMedia).append("\"]");
                }
            }
            out.append('\n');
        }

        /** The (escaped) caps label of one end of a link. */
        private String media(Pad pad) {
            Caps current = pad.getCurrentCaps();
            if (current != null) {
                return describe(current);
            }
            Caps allowed;
            try {
                allowed = pad.queryCaps(null);
            } catch (RuntimeException ex) {
                LOG.debug("{}: caps query failed while dumping: {}", pad, ex.toString());
                allowed = pad.getPadTemplateCaps();
            }
            return abbreviate(allowed);
        }

        /** Negotiated caps: every field on its own line, or only the media type ({@code debug_dump_describe_caps}). */
        private String describe(Caps caps) {
            if (caps.isAny() || caps.isEmpty()) {
                return caps.isAny() ? "ANY" : "EMPTY";
            }
            if (!details.contains(Detail.CAPS_DETAILS)) {
                return caps.size() == 1 ? esc(caps.structure(0).name()) : "*";
            }
            StringBuilder sb = new StringBuilder();
            for (Structure s : caps.structures()) {
                sb.append(esc(s.name())).append("\\l");
                for (String field : s.fieldNames()) {
                    sb.append(esc(String.format("  %18s: %s", field, shorten(valueText(s, field))))).append("\\l");
                }
            }
            return sb.toString();
        }

        /** Caps that are not negotiated yet: the distinct media types, at most a few of them. */
        private String abbreviate(Caps caps) {
            if (caps.isAny() || caps.isEmpty()) {
                return caps.isAny() ? "ANY" : "EMPTY";
            }
            Set<String> names = new LinkedHashSet<>();
            for (Structure s : caps.structures()) {
                names.add(s.name());
            }
            if (!details.contains(Detail.CAPS_DETAILS)) {
                return names.size() == 1 ? esc(names.iterator().next()) : "*";
            }
            List<String> shown = new ArrayList<>(names);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(MAX_ABBREVIATED, shown.size()); i++) {
                sb.append(esc(shown.get(i))).append("\\l");
            }
            if (shown.size() > MAX_ABBREVIATED) {
                sb.append("(+").append(shown.size() - MAX_ABBREVIATED).append(" more)\\l");
            }
            return sb.toString();
        }

        /** The {@code \n[=]} part of an element label ({@code debug_dump_get_element_state}). */
        private String stateText(Element e) {
            if (!details.contains(Detail.STATES)) {
                return "";
            }
            State current = e.getCurrentState();
            State pending = e.getPendingState();
            if (pending == State.VOID_PENDING) {
                return "\\n[" + STATE_ICONS.charAt(current.ordinal()) + "]" + (e.isLockedState() ? "(locked)" : "");
            }
            return "\\n[" + STATE_ICONS.charAt(current.ordinal()) + "] -> [" + STATE_ICONS.charAt(pending.ordinal()) + "]";
        }

        /** {@code \nprop=value} for each property not at its default ({@code debug_dump_get_element_params}). */
        private String paramsText(Element e) {
            if (!details.contains(Detail.NON_DEFAULT_PARAMS)) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (Property<?> p : e.listProperties()) {
                if (p == Element.NAME || p.name().equals("name")) {
                    continue;
                }
                Object value;
                try {
                    value = e.getProperty(p.name());
                } catch (RuntimeException ex) {
                    continue;
                }
                if (Objects.equals(value, p.defaultValue())) {
                    continue;
                }
                String text = p.format(value);
                if (text.length() > MAX_PARAM_LENGTH) {
                    text = text.substring(0, MAX_PARAM_LENGTH - 3) + "...";
                }
                sb.append("\\n").append(esc(p.name() + "=" + text));
            }
            return sb.toString();
        }

        /** A stable id for an element or pad within this dump, readable and unique. */
        private String id(Object o) {
            String id = ids.get(o);
            if (id != null) {
                return id;
            }
            if (o instanceof Pad pad) {
                Element owner = pad instanceof GhostPad.Internal in ? in.ghost().getParent() : pad.getParent();
                id = (owner == null ? "unparented" : id(owner)) + "_" + canon(pad.getName()) + "_" + (++seq);
            } else {
                id = canon(((Element) o).getName()) + "_" + (++seq);
            }
            ids.put(o, id);
            return id;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The class and, when made by a factory, the factory: {@code FileSrc (filesrc)}. */
    private static String typeName(Element e) {
        Class<?> type = e.getClass();
        while (type.isAnonymousClass()) {
            type = type.getSuperclass();
        }
        String cls = type.getSimpleName();
        return e.getFactory() == null ? cls : cls + " (" + e.getFactory().getName() + ")";
    }

    /** The text of one field's value, without its {@code (type)} prefix ({@code gst_value_serialize}). */
    private static String valueText(Structure s, String field) {
        String text = Structure.of(s.name()).with(field, s.get(field)).toString();
        String prefix = s.name() + ", " + field + "=";
        String v = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        if (v.startsWith("(")) {
            int close = v.indexOf(')');
            if (close > 0) {
                v = v.substring(close + 1);
            }
        }
        return v;
    }

    /** Cuts a long value to {@value #MAX_VALUE_LENGTH} characters, keeping its closing bracket. */
    static String shorten(String v) {
        if (v.length() <= MAX_VALUE_LENGTH) {
            return v;
        }
        String close = switch (v.charAt(0)) {
            case '<' -> " >";
            case '[' -> " ]";
            case '(' -> " )";
            case '{' -> " }";
            case '"' -> "\"";
            default -> "";
        };
        return v.substring(0, MAX_VALUE_LENGTH - 3 - close.length()) + "..." + close;
    }

    /** Only letters, digits and underscores, as {@code debug_dump_make_object_name} makes them. */
    private static String canon(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        return sb.toString();
    }

    /** A quoted dot id. */
    private static String q(String id) {
        return "\"" + esc(id) + "\"";
    }

    /**
     * Escapes text for a double-quoted dot string: backslashes and quotes get a backslash, line
     * breaks become dot's {@code \n}, other control characters a space.
     */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        sb.append("\\n");
                    }
                }
                default -> sb.append(c < 32 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
