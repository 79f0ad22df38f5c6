package org.gstmini.examples.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Names;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.PluginInfo;
import org.gstmini.core.Property;
import org.gstmini.core.Registry;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.debug.Tracer;
import org.gstmini.core.debug.TracerFactory;

/**
 * {@code gst-inspect}: lists the plugins and features of the registry, or describes one element,
 * plugin or tracer, in the layout of {@code gst-inspect-1.0} (tools/gst-inspect.c):
 *
 * <pre>
 *   bin/gst-inspect                 every plugin's features, then "Total count: N plugins, M features"
 *   bin/gst-inspect ticksrc         an element: factory, plugin, class hierarchy, pad templates,
 *                                   flags, clocking, pads, properties with types, ranges and defaults
 *   bin/gst-inspect hello           a plugin: its details and features
 *   bin/gst-inspect chain           a tracer
 * </pre>
 *
 * Like gst-inspect, it makes an element of the factory to list its pads and properties, and the
 * "Default" it prints is that element's value. Properties are sorted by name. Where GStreamer
 * prints GObject type names, this prints Java ones: the class hierarchy of the element, enum
 * types named after their class ({@code Queue.Leaky} is {@code "QueueLeaky"}).
 *
 * <p>Exit code 0, or 1 when the name is unknown (GStreamer's gst-inspect-1.0 exits with 255).
 * {@link #run(String[], PrintStream, PrintStream)} does it all with streams of the caller's
 * choice; tests drive the tool through it.
 */
public final class GstInspect {
    /** Where the values of the property lines start: indent 12 in gst-inspect's {@code n_print}. */
    private static final String VALUE_INDENT = " ".repeat(24);

    private final PrintStream out;
    private final PrintStream err;
    private final Registry registry;
    /** Printed in front of every line; "factory: " for -a, like gst-inspect's {@code _name}. */
    private String linePrefix = "";

    private GstInspect(PrintStream out, PrintStream err, Registry registry) {
        this.out = out;
        this.err = err;
        this.registry = registry;
    }

    /** Runs {@code gst-inspect} with the arguments of the command line. */
    public static void main(String[] args) {
        ToolSetup.logging("gst-inspect"); // WARN by default, then GST_MINI_DEBUG; before any logger exists
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the tool with {@code args} as on the command line, with the default registry,
     * printing to the given streams; returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Registry.get());
    }

    /** Like {@link #run(String[], PrintStream, PrintStream)} with a registry of one's own. */
    public static int run(String[] args, PrintStream out, PrintStream err, Registry registry) {
        try {
            return new GstInspect(out, err, registry).inspect(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int inspect(String[] args) {
        boolean printAll = false;
        boolean pluginOnly = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "-h", "--help", "-?" -> {
                    printHelp();
                    return 0;
                }
                case "-a", "--print-all" -> printAll = true;
                case "--plugin" -> pluginOnly = true;
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        err.println("Error initializing: Unknown option " + a);
                        return 1;
                    }
                    names.add(a);
                }
            }
        }
        if (printAll && !names.isEmpty()) {
            err.println("-a requires no extra arguments");
            return 1;
        }
        if (names.isEmpty()) {
            if (printAll) {
                printAllElements();
            } else {
                printList();
            }
            return 0;
        }
        String name = names.get(names.size() - 1); // as gst-inspect: the last argument
        if (!pluginOnly) {
            ElementFactory factory = registry.findFactory(name);
            if (factory != null) {
                return printElement(factory);
            }
            TracerFactory tracer = registry.findTracer(name);
            if (tracer != null) {
                printTracer(tracer);
                return 0;
            }
        }
        PluginInfo plugin = registry.findPlugin(name);
        if (plugin != null) {
            printPluginDetails(plugin);
            printPluginFeatures(plugin);
            return 0;
        }
        List<String> known = new ArrayList<>();
        registry.factories().forEach(f -> known.add(f.getName()));
        registry.tracerFactories().forEach(t -> known.add(t.name()));
        registry.plugins().forEach(p -> known.add(p.name()));
        err.println("No such element or plugin '" + name + "'" + Names.suggestion(name, known));
        return 1;
    }

    // ---------------------------------------------------------------- output helpers

    private void line(String text) {
        out.println(linePrefix + text);
    }

    private void blank() {
        line("");
    }

    // ---------------------------------------------------------------- the list

    /** A feature of a plugin: an element factory or a tracer factory. */
    private record Feature(String name, ElementFactory element, TracerFactory tracer) {
        String summary() {
            return element != null ? name + ": " + element.getLongName() : name + " (TracerFactory)";
        }
    }

    private List<Feature> featuresOf(PluginInfo plugin) {
        List<Feature> features = new ArrayList<>();
        for (ElementFactory f : registry.factoriesOfPlugin(plugin.name())) {
            features.add(new Feature(f.getName(), f, null));
        }
        for (TracerFactory t : registry.tracerFactoriesOfPlugin(plugin.name())) {
            features.add(new Feature(t.name(), null, t));
        }
        features.sort(Comparator.comparing(Feature::name));
        return features;
    }

    private void printList() {
        int plugins = 0;
        int features = 0;
        for (PluginInfo p : registry.plugins()) {
            plugins++;
            for (Feature f : featuresOf(p)) {
                features++;
                out.println(p.name() + ":  " + f.summary());
            }
        }
        out.println();
        out.println("Total count: " + plural(plugins, "plugin") + ", " + plural(features, "feature"));
        List<String> problems = registry.loadErrors();
        if (!problems.isEmpty()) {
            err.println(plural(problems.size(), "problem") + " while loading plugins:");
            problems.forEach(p -> err.println("  " + p));
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private void printAllElements() {
        for (ElementFactory f : registry.factories()) {
            linePrefix = f.getName() + ": ";
            printElement(f);
        }
        linePrefix = "";
    }

    // ---------------------------------------------------------------- plugins

    private PluginInfo pluginOfTracer(TracerFactory tracer) {
        for (PluginInfo p : registry.plugins()) {
            if (registry.tracerFactoriesOfPlugin(p.name()).contains(tracer)) {
                return p;
            }
        }
        return null;
    }

    private void printPluginDetails(PluginInfo p) {
        line("Plugin Details:");
        detail("Name", p.name());
        detail("Description", p.description());
        detail("Filename", p.filename() == null ? "(null)" : p.filename());
        detail("Version", p.version());
        detail("License", p.license());
        String module = sourceModule(p.filename());
        if (module != null) {
            detail("Source module", module);
        }
        detail("Origin URL", p.origin());
        blank();
    }

    /** "org.gstmini.plugins.good" from "module org.gstmini.plugins.good (/path/x.jar)", else null. */
    private static String sourceModule(String filename) {
        if (filename == null || !filename.startsWith("module ")) {
            return null;
        }
        String rest = filename.substring("module ".length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private void detail(String key, String value) {
        line("  " + String.format("%-25s", key) + value);
    }

    private void printPluginFeatures(PluginInfo p) {
        List<Feature> features = featuresOf(p);
        int elements = 0;
        int tracers = 0;
        for (Feature f : features) {
            line("  " + f.summary());
            if (f.element() != null) {
                elements++;
            } else {
                tracers++;
            }
        }
        blank();
        line("  " + features.size() + " features:");
        if (elements > 0) {
            line("  +-- " + elements + " elements");
        }
        if (tracers > 0) {
            line("  +-- " + tracers + " tracers");
        }
        blank();
    }

    // ---------------------------------------------------------------- tracers

    private void printTracer(TracerFactory tracer) {
        line("Factory Details:");
        detail("Name", tracer.name());
        detail("Description", tracer.description());
        blank();
        PluginInfo plugin = pluginOfTracer(tracer);
        if (plugin != null) {
            printPluginDetails(plugin);
        }
        Tracer instance = null;
        try {
            instance = tracer.constructor().apply("");
        } catch (RuntimeException e) {
            line("(could not make a tracer without parameters: " + e.getMessage() + ")");
        }
        if (instance != null) {
            printHierarchy(instance.getClass());
        }
        line("NOTE: enable it with the GST_MINI_TRACERS environment variable (like GST_TRACERS):");
        blank();
        line("    $ GST_MINI_TRACERS=\"" + tracer.name() + "\" bin/gst-launch ...");
        line("    $ GST_MINI_TRACERS=\"" + tracer.name() + "(key1=value1,key2=value2)\" bin/gst-launch ...");
    }

    // ---------------------------------------------------------------- elements

    private int printElement(ElementFactory factory) {
        Element element;
        try {
            element = factory.create(null);
        } catch (RuntimeException e) {
            err.println("couldn't construct element for some reason: " + e);
            return 1;
        }
        printFactoryDetails(factory);
        if (factory.getPlugin() != null) {
            printPluginDetails(factory.getPlugin());
        }
        printHierarchy(element.getClass());
        printElementFlags(element);
        printPadTemplates(factory);
        printClocking(element);
        printPads(element);
        printProperties(element);
        printChildren(element);
        return 0;
    }

    private void printFactoryDetails(ElementFactory f) {
        line("Factory Details:");
        detail("Rank", f.getRank().name().toLowerCase(Locale.ROOT) + " (" + f.getRank().value() + ")");
        detail("Long-name", f.getLongName());
        detail("Klass", f.getKlass());
        detail("Description", f.getDescription());
        detail("Author", f.getAuthor());
        blank();
    }

    /** The class hierarchy, drawn as gst-inspect draws the GObject one. */
    private void printHierarchy(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (int level = 0; level < chain.size(); level++) {
            String name = chain.get(level).getName();
            line(level == 0 ? name : "      ".repeat(level - 1) + " +----" + name);
        }
        blank();
    }

    private void printElementFlags(Element element) {
        line("Element Flags:");
        boolean any = false;
        for (ElementFlag flag : ElementFlag.values()) {
            if (element.hasFlag(flag)) {
                line("  - " + flag.name());
                any = true;
            }
        }
        if (!any) {
            line("  no flags set");
        }
        blank();
    }

    private void printPadTemplates(ElementFactory factory) {
        line("Pad Templates:");
        List<PadTemplate> templates = new ArrayList<>(factory.getPadTemplates());
        if (templates.isEmpty()) {
            line("  none");
            return;
        }
        templates.sort(Comparator.comparing(PadTemplate::nameTemplate));
        for (int i = 0; i < templates.size(); i++) {
            PadTemplate t = templates.get(i);
            line("  " + (t.direction() == PadDirection.SRC ? "SRC" : "SINK") + " template: '" + t.nameTemplate() + "'");
            line("    Availability: " + switch (t.presence()) {
                case ALWAYS -> "Always";
                case SOMETIMES -> "Sometimes";
                case REQUEST -> "On request";
            });
            line("    Capabilities:");
            printCaps(t.caps(), "      ");
            if (i + 1 < templates.size()) {
                line("  ");
            }
        }
    }

    /**
     * Caps one structure after the other, each field on its own line, its name right-aligned
     * ({@code print_caps} in gst-inspect.c).
     */
    private void printCaps(Caps caps, String indent) {
        List<String> lines = new ArrayList<>();
        capsLines(caps, indent, lines);
        lines.forEach(this::line);
    }

    static void capsLines(Caps caps, String indent, List<String> into) {
        if (caps.isAny()) {
            into.add(indent + "ANY");
            return;
        }
        if (caps.isEmpty()) {
            into.add(indent + "EMPTY");
            return;
        }
        for (Structure s : caps.structures()) {
            into.add(indent + s.name());
            for (String field : s.fieldNames()) {
                into.add(indent + "  " + String.format("%15s", field) + ": " + Formats.serialize(s.get(field)));
            }
        }
    }

    private void printClocking(Element element) {
        boolean requires = element.hasFlag(ElementFlag.REQUIRE_CLOCK);
        boolean provides = element.hasFlag(ElementFlag.PROVIDE_CLOCK);
        blank();
        if (!requires && !provides) {
            line("Element has no clocking capabilities.");
            return;
        }
        line("Clocking Interaction:");
        if (requires) {
            line("  element requires a clock");
        }
        if (provides) {
            line("  element provides a clock");
        }
    }

    private void printPads(Element element) {
        blank();
        line("Pads:");
        List<Pad> pads = element.getPads();
        if (pads.isEmpty()) {
            line("  none");
            return;
        }
        for (Pad pad : pads) {
            line("  " + (pad.getDirection() == PadDirection.SRC ? "SRC" : "SINK") + ": '" + pad.getName() + "'");
            if (pad.getPadTemplate() != null) {
                line("    Pad Template: '" + pad.getPadTemplate().nameTemplate() + "'");
            }
        }
    }

    private void printChildren(Element element) {
        if (element instanceof org.gstmini.core.Bin bin && !bin.getChildren().isEmpty()) {
            blank();
            line("Children:");
            bin.getChildren().forEach(c -> line("  " + c.getName()));
        }
    }

    // ---------------------------------------------------------------- properties

    private void printProperties(Element element) {
        blank();
        line("Element Properties:");
        TreeMap<String, Property<?>> sorted = new TreeMap<>();
        for (Property<?> p : element.listProperties()) {
            sorted.put(p.name(), p);
        }
        if (sorted.isEmpty()) {
            line("  none");
        }
        for (Property<?> p : sorted.values()) {
            line("  " + String.format("%-20s", p.name()) + ": " + p.blurb());
            line(VALUE_INDENT + "flags: " + flags(p));
            Object value;
            try {
                value = element.getProperty(p.name());
            } catch (RuntimeException e) {
                value = p.defaultValue();
            }
            for (String l : typeLines(p, value)) {
                line(l);
            }
        }
    }

    /** readable, writable, and from which states it may be changed ({@code GST_PARAM_MUTABLE_*}). */
    static String flags(Property<?> p) {
        StringBuilder sb = new StringBuilder("readable");
        if (p.isWritable()) {
            sb.append(", writable");
            if (!p.name().equals(Element.NAME.name())) {
                sb.append(switch (p.mutability()) {
                    case READY -> ", changeable only in NULL or READY state";
                    case PAUSED -> ", changeable only in NULL, READY or PAUSED state";
                    case PLAYING -> ", changeable in NULL, READY, PAUSED or PLAYING state";
                });
            }
        }
        return sb.toString();
    }

    /**
     * The type line(s) of a property, in gst-inspect's words: {@code Integer. Range: -1 -
     * 2147483647 Default: -1 }, {@code Boolean. Default: false}, {@code String. Default: null},
     * {@code Enum "QueueLeaky" Default: 0, "no"} followed by every value.
     */
    static List<String> typeLines(Property<?> p, Object value) {
        Class<?> type = p.type();
        String v = VALUE_INDENT;
        List<String> lines = new ArrayList<>();
        if (type == Integer.class || type == Long.class) {
            String name = type == Integer.class ? "Integer" : "Integer64";
            String range = p.min() != null && p.max() != null ? "Range: " + p.min() + " - " + p.max() + " " : "";
            lines.add(v + name + ". " + range + "Default: " + value + " ");
        } else if (type == Double.class) {
            String range = p.min() != null && p.max() != null
                    ? "Range: " + Formats.cG15((Double) p.min()) + " - " + Formats.cG15((Double) p.max()) + " " : "";
            String def = value instanceof Double d ? Formats.cG15(d) : String.valueOf(value);
            lines.add(v + "Double. " + range + "Default: " + def + " ");
        } else if (type == Boolean.class) {
            lines.add(v + "Boolean. Default: " + value);
        } else if (type == String.class) {
            lines.add(v + "String. Default: " + (value == null ? "null" : "\"" + value + "\""));
        } else if (type == Fraction.class) {
            String range = p.min() != null && p.max() != null ? "Range: " + p.min() + " - " + p.max() + " " : "";
            lines.add(v + "Fraction. " + range + "Default: " + value + " ");
        } else if (type.isEnum()) {
            enumLines(type, value, lines);
        } else if (type == Caps.class) {
            if (value == null) {
                lines.add(v + "Caps (NULL)");
            } else {
                // gst-inspect prints the caps with a 27-space prefix at indent 12, then an empty line
                capsLines((Caps) value, v + " ".repeat(27), lines);
                lines.add("");
            }
        } else {
            lines.add(v + "Object of type \"" + typeName(type) + "\"");
        }
        return lines;
    }

    private static void enumLines(Class<?> type, Object value, List<String> lines) {
        String v = VALUE_INDENT;
        Enum<?> current = value instanceof Enum<?> e ? e : null;
        lines.add(v + "Enum \"" + typeName(type) + "\" Default: "
                + (current == null ? "null" : Property.numberOf(current) + ", \"" + Property.nickOf(current) + "\""));
        for (Object constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            lines.add(v + "   (" + Property.numberOf(e) + "): " + String.format("%-16s", Property.nickOf(e)) + " - "
                    + Property.descriptionOf(e));
        }
    }

    /** A type's name as gst-inspect would give it: nested types include their outer class ({@code QueueLeaky}). */
    static String typeName(Class<?> type) {
        StringBuilder sb = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            sb.insert(0, outer.getSimpleName());
        }
        return sb.toString();
    }

    private void printHelp() {
        out.println("""
                Usage:
                  gst-inspect [OPTION...] [ELEMENT-NAME | PLUGIN-NAME | TRACER-NAME]

                Without a name, lists every plugin and its features. With a name, describes the element
                (its pads, properties with types, ranges and defaults), the plugin or the tracer.

                Help Options:
                  -h, --help                        Show help options

                Application Options:
                  -a, --print-all                   Print all elements
                  --plugin                          List the plugin contents

                Plugins come from the module path, the class path and the jars in the directories of
                GST_MINI_PLUGIN_PATH (like GST_PLUGIN_PATH).""");
    }
}
