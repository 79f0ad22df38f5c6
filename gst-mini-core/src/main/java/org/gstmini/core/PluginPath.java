package org.gstmini.core;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.gstmini.core.spi.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file half of {@link Registry#scanPath}: finds the jars of a plugin path and turns them
 * into child {@link ModuleLayer}s (or, when the core runs on the class path, a class loader)
 * for the registry to search with {@link java.util.ServiceLoader}.
 *
 * <p>GStreamer's {@code gst_registry_scan_path_level} walks directories and opens each shared
 * library with {@code g_module_open}; loading a jar as a module is the Java counterpart.
 * Problems are handed to the registry's reporter, never thrown.
 */
final class PluginPath {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.registry");

    private final BiConsumer<String, Throwable> reporter;

    /** @param reporter takes a problem's sentence and its cause (or null) */
    PluginPath(BiConsumer<String, Throwable> reporter) {
        this.reporter = reporter;
    }

    /** The directories listed in {@value Registry#PLUGIN_PATH_ENV}, or none. */
    static List<Path> fromEnvironment() {
        String value = System.getenv(Registry.PLUGIN_PATH_ENV);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                dirs.add(Path.of(part.trim()));
            }
        }
        return dirs;
    }

    // ---------------------------------------------------------------- finding jars

    /** The jars in {@code dirs} (an entry naming a jar counts too), sorted by name in each directory. */
    List<Path> jars(List<Path> dirs) {
        List<Path> jars = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isRegularFile(dir) && isJar(dir)) {
                jars.add(dir);
            } else if (!Files.isDirectory(dir)) {
                reporter.accept("plugin path entry " + dir + " is not a directory or a jar; check "
                        + Registry.PLUGIN_PATH_ENV, null);
            } else {
                jars.addAll(jarsIn(dir));
            }
        }
        return jars;
    }

    private List<Path> jarsIn(Path dir) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p) && isJar(p))) {
            entries.forEach(found::add);
        } catch (IOException | RuntimeException e) {
            reporter.accept("cannot list plugin directory " + dir + ": " + e, e);
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar");
    }

    /** The path with links resolved, to recognise a jar seen before under another name. */
    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    // ---------------------------------------------------------------- jars as modules

    /**
     * Resolves the jars against {@code parent}'s configuration and defines them as child layers:
     * one layer for all of them, or, if they cannot be resolved together, one layer per plugin
     * module (with the library modules it may need), reporting those that still fail.
     */
    List<ModuleLayer> defineLayers(ModuleLayer parent, List<Path> jars) {
        Map<String, ModuleReference> refs = moduleReferences(jars, parent.configuration());
        if (refs.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(defineLayer(parent, refs.values(), refs.keySet()));
        } catch (RuntimeException e) {
            LOG.debug("plugin path: the modules {} cannot be loaded together ({}); trying each plugin alone",
                    refs.keySet(), Registry.rootCause(e));
        }
        List<ModuleReference> libraries = refs.values().stream().filter(Predicate.not(PluginPath::providesPlugin)).toList();
        List<ModuleLayer> layers = new ArrayList<>();
        for (ModuleReference ref : refs.values()) {
            if (providesPlugin(ref)) {
                List<ModuleReference> visible = new ArrayList<>(libraries);
                visible.add(ref);
                definePluginAlone(parent, ref, visible).ifPresent(layers::add);
            }
        }
        return layers;
    }

    private Optional<ModuleLayer> definePluginAlone(ModuleLayer parent, ModuleReference ref, List<ModuleReference> visible) {
        String name = ref.descriptor().name();
        try {
            return Optional.of(defineLayer(parent, visible, Set.of(name)));
        } catch (RuntimeException e) {
            reporter.accept("plugin module " + name + " (" + location(ref) + ") cannot be loaded: " + Registry.rootCause(e)
                    + "; check that the modules it requires are on the module path or in the plugin path", e);
            return Optional.empty();
        }
    }

    /**
     * One module per jar, by module name; the first jar with a name wins. Modules the parent
     * configuration already holds (a copy of the core in the directory, say) are left out, so
     * they are taken from the parent rather than loaded twice.
     */
    private Map<String, ModuleReference> moduleReferences(List<Path> jars, Configuration parent) {
        Map<String, ModuleReference> refs = new LinkedHashMap<>();
        for (Path jar : jars) {
            Set<ModuleReference> found;
            try {
                found = ModuleFinder.of(jar).findAll();
            } catch (FindException | SecurityException e) {
                reporter.accept("plugin jar " + jar + " is not a usable module: " + Registry.rootCause(e)
                        + "; rebuild it or remove it from the plugin path", e);
                continue;
            }
            for (ModuleReference ref : found) {
                String name = ref.descriptor().name();
                if (parent.findModule(name).isPresent()) {
                    LOG.debug("plugin path: module {} in {} is already loaded; using the loaded one", name, jar);
                } else if (refs.containsKey(name)) {
                    reporter.accept("plugin jar " + jar + " holds module " + name + ", already found in "
                            + location(refs.get(name)) + "; ignoring " + jar + " (remove one of the two)", null);
                } else {
                    refs.put(name, ref);
                }
            }
        }
        return refs;
    }

    /**
     * The JPMS recipe for loading modules at run time: resolve (binding service providers, so
     * every Plugin provider is pulled in) with the new modules found only after the parent's,
     * then define them all with one class loader.
     */
    private static ModuleLayer defineLayer(ModuleLayer parent, Collection<ModuleReference> refs, Set<String> roots) {
        Configuration cf = parent.configuration().resolveAndBind(ModuleFinder.of(), finderOf(refs), roots);
        return parent.defineModulesWithOneLoader(cf, Registry.class.getClassLoader());
    }

    private static boolean providesPlugin(ModuleReference ref) {
        return ref.descriptor().provides().stream().anyMatch(p -> p.service().equals(Plugin.class.getName()));
    }

    /** A module finder over references already found. */
    private static ModuleFinder finderOf(Collection<ModuleReference> refs) {
        Map<String, ModuleReference> byName = new LinkedHashMap<>();
        refs.forEach(r -> byName.put(r.descriptor().name(), r));
        Set<ModuleReference> all = Set.copyOf(byName.values());
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return all;
            }
        };
    }

    // ---------------------------------------------------------------- jars on a class loader

    /** Plugin jars when the core itself is on the class path: a child class loader. */
    ClassLoader classLoader(List<Path> jars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                reporter.accept("plugin jar " + jar + " has no usable URL: " + e, e);
            }
        }
        // Not closed: the plugins' classes are loaded from it for as long as the registry lives.
        return new URLClassLoader("gst-mini-plugin-path", urls.toArray(new URL[0]), Registry.class.getClassLoader());
    }

    // ---------------------------------------------------------------- locations as text

    /** Where a module was found, as a file path when it is a file. */
    static String location(ModuleReference ref) {
        return ref.location().map(PluginPath::text).orElse("unknown location");
    }

    static String text(URL url) {
        try {
            return text(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    static String text(URI uri) {
        if ("file".equals(uri.getScheme())) {
            try {
                return Path.of(uri).toString();
            } catch (RuntimeException e) {
                return uri.toString();
            }
        }
        return uri.toString();
    }
}
