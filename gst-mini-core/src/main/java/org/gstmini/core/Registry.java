package org.gstmini.core;

import java.lang.module.Configuration;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import org.gstmini.core.debug.TracerFactory;
import org.gstmini.core.spi.Plugin;
import org.gstmini.core.spi.PluginRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of plugins and of the features they registered: where "fakesink" becomes a
 * factory, and where {@code gst-inspect} gets everything it prints.
 *
 * <p>Mirrors {@code GstRegistry} (gst/gstregistry.c). GStreamer scans directories of shared
 * libraries, calls each plugin's {@code plugin_init}, and keeps the features it registers. Here a
 * plugin is a {@link Plugin} provider, and there are three places to find one:
 *
 * <ol>
 *   <li>the <b>module path</b>: modules that declare
 *       {@code provides org.gstmini.core.spi.Plugin with ...} in the boot layer (found with
 *       {@link ServiceLoader#load(ModuleLayer, Class)});</li>
 *   <li>the <b>class path</b>: jars listing their provider in
 *       {@code META-INF/services/org.gstmini.core.spi.Plugin} (found with
 *       {@link ServiceLoader#load(Class, ClassLoader)}); a provider seen both ways counts once;</li>
 *   <li>the <b>plugin path</b>: every jar in the directories of the environment variable
 *       {@value #PLUGIN_PATH_ENV} (separated like the class path, the way {@code GST_PLUGIN_PATH}
 *       is). These jars are loaded at run time into a child {@link ModuleLayer} of the layer
 *       holding the core, so plugins can be added without touching {@code -p}; see
 *       {@link #scanPath(List)}.</li>
 * </ol>
 *
 * <p>Before any of them, every registry holds the core's own plugin, "staticelements", with the
 * {@code bin} and {@code pipeline} factories (GStreamer registers them in {@code gst_init}).
 *
 * <h2>When a plugin misbehaves</h2>
 * A provider that cannot be found or created, or whose {@link Plugin#init} throws, is left out
 * with none of its features, and loading goes on with the others. So is a second plugin with a
 * name already taken. When two plugins register element factories of the same name, the one with
 * the higher {@link Rank} wins; on a tie the one registered first stays. Every such problem is
 * logged at WARN on the {@code org.gstmini.registry} logger and kept in {@link #loadErrors()},
 * so a tool can show it; the stack trace of a failure is logged at DEBUG.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * Element sink = Registry.get().findFactoryOrThrow("fakesink").create("sink");   // or ElementFactory.make
 * for (ElementFactory f : Registry.get().factoriesWithKlass("Sink", "Video")) { ... }  // best rank first
 *
 * Registry mine = new Registry();                 // only "staticelements"
 * mine.registerStatic(new MyPlugin());            // gst_plugin_register_static
 * mine.scanPath(List.of(Path.of("plugins")));     // gst_registry_scan_path
 * }</pre>
 *
 * <p>A registry is safe to use from many threads; lookups return snapshots.
 */
public final class Registry {
    /** The environment variable listing extra plugin directories, like {@code GST_PLUGIN_PATH}. */
    public static final String PLUGIN_PATH_ENV = "GST_MINI_PLUGIN_PATH";

    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.registry");

    /** Keeps the comparison of ranks in one place: higher rank first, then name. */
    private static final Comparator<ElementFactory> BY_RANK_THEN_NAME =
            Comparator.comparingInt((ElementFactory f) -> -f.getRank().value()).thenComparing(ElementFactory::getName);

    private static volatile Registry defaultRegistry;
    /** The thread building the default registry (guarded by Registry.class), to catch re-entry. */
    private static Thread defaultLoader;

    /** A feature and the plugin that registered it. */
    private record Feature<T>(T factory, PluginInfo plugin) {
    }

    private final Object lock = new Object();
    private final Map<String, PluginInfo> plugins = new HashMap<>();
    private final Set<Class<?>> pluginClasses = new HashSet<>();
    private final Map<String, Feature<ElementFactory>> factories = new HashMap<>();
    private final Map<String, Feature<TracerFactory>> tracers = new HashMap<>();
    private final List<String> loadErrors = new ArrayList<>();
    /** Plugin-path jars already loaded (real paths), so scanning a directory twice adds nothing. */
    private final Set<Path> scannedJars = new HashSet<>();

    /**
     * Makes a registry that holds only the core's "staticelements" plugin ({@code bin},
     * {@code pipeline}); add plugins with {@link #registerStatic}, {@link #scanModuleLayer},
     * {@link #scanClassLoader} or {@link #scanPath}.
     */
    public Registry() {
        registerStatic(new StaticElementsPlugin());
    }

    // ---------------------------------------------------------------- building registries

    /**
     * The default registry, loaded on first use from the module path, the class path and
     * {@value #PLUGIN_PATH_ENV} ({@code gst_registry_get} after {@code gst_init}'s scan).
     * Thread-safe: the first caller loads, the others wait for it.
     *
     * @throws IllegalStateException when called from a plugin's constructor or init while the
     *                               default registry is being loaded (init must only register)
     */
    public static Registry get() {
        Registry r = defaultRegistry;
        if (r != null) {
            return r;
        }
        synchronized (Registry.class) {
            if (defaultRegistry == null) {
                if (defaultLoader == Thread.currentThread()) {
                    throw new IllegalStateException("Registry.get() was called while the default registry is being"
                            + " loaded, from a plugin's constructor or init; a plugin's init must only register its"
                            + " factories, not look them up or make elements");
                }
                defaultLoader = Thread.currentThread();
                try {
                    defaultRegistry = loadDefault();
                } finally {
                    defaultLoader = null;
                }
            }
            return defaultRegistry;
        }
    }

    private static Registry loadDefault() {
        long start = System.nanoTime();
        Registry r = load(PluginPath.fromEnvironment());
        LOG.debug("default registry loaded in {} ms: {}", (System.nanoTime() - start) / 1_000_000, r);
        return r;
    }

    /**
     * Builds a new registry the way {@link #get()} does, but with the given plugin directories
     * instead of {@value #PLUGIN_PATH_ENV}: the module path, the class path (through the
     * thread's context class loader), then the jars in {@code pluginDirs}.
     */
    public static Registry load(List<Path> pluginDirs) {
        Registry r = new Registry();
        Module core = Registry.class.getModule();
        r.scanModuleLayer(ModuleLayer.boot());
        if (core.getLayer() != null && core.getLayer() != ModuleLayer.boot()) {
            r.scanModuleLayer(core.getLayer());
        }
        r.scanClassLoader(defaultClassLoader());
        r.scanPath(pluginDirs);
        return r;
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : Registry.class.getClassLoader();
    }

    /**
     * Adds a plugin object directly, without ServiceLoader: how applications and tests add a
     * plugin they hold in their own code. Mirrors {@code gst_plugin_register_static}
     * (gst/gstplugin.c).
     *
     * @return true if the plugin was added; false if it failed (the reason is in
     *         {@link #loadErrors()})
     */
    public boolean registerStatic(Plugin plugin) {
        Objects.requireNonNull(plugin, "plugin");
        synchronized (lock) {
            pluginClasses.add(plugin.getClass());
        }
        return addPlugin(plugin, filenameOf(plugin.getClass()));
    }

    /**
     * Adds the plugins provided by the modules of {@code layer} and of its parents
     * ({@link ServiceLoader#load(ModuleLayer, Class)}). Providers already in this registry are
     * skipped.
     *
     * @return how many plugins were added
     */
    public int scanModuleLayer(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return scan(ServiceLoader.load(layer, Plugin.class), "module layer " + layer);
    }

    /**
     * Adds the plugins {@code loader} sees: providers declared by named modules defined to it
     * (or its ancestors) and those listed in {@code META-INF/services/org.gstmini.core.spi.Plugin}
     * on its class path ({@link ServiceLoader#load(Class, ClassLoader)}). Providers already in
     * this registry are skipped.
     *
     * @return how many plugins were added
     */
    public int scanClassLoader(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return scan(ServiceLoader.load(Plugin.class, loader), "class loader " + loader);
    }

    /**
     * Loads every jar in the given directories (a path naming a jar itself is taken too) and
     * adds the plugins they provide. Mirrors {@code gst_registry_scan_path} (gst/gstregistry.c).
     *
     * <p>When the core is a named module, the jars become modules of a new child
     * {@link ModuleLayer} of the core's layer: they are resolved with
     * {@link Configuration#resolveAndBind} against the core's configuration (so a jar may require
     * {@code org.gstmini.core} and any module already loaded, and may bring library jars of its
     * own into the same directory), defined with one class loader, and searched with
     * {@link ServiceLoader#load(ModuleLayer, Class)}. A jar without {@code module-info} becomes an
     * automatic module and is found through its {@code META-INF/services} file. Modules the
     * parent layer already has (a copy of the core lying in the directory, say) are not loaded
     * twice. If the jars cannot be resolved together, each plugin module is tried on its own
     * so one broken jar does not hide the rest. Jars loaded by an earlier scan are skipped.
     *
     * <p>When the core runs on the class path, the jars are put on a child
     * {@link java.net.URLClassLoader} instead.
     *
     * @return how many plugins were added
     */
    public int scanPath(List<Path> dirs) {
        PluginPath path = new PluginPath(this::report);
        List<Path> jars = newJars(path.jars(dirs));
        if (jars.isEmpty()) {
            return 0;
        }
        ModuleLayer coreLayer = Registry.class.getModule().getLayer();
        if (coreLayer == null) {
            return scanClassLoader(path.classLoader(jars));
        }
        int added = 0;
        for (ModuleLayer layer : path.defineLayers(coreLayer, jars)) {
            added += scan(ServiceLoader.load(layer, Plugin.class), "plugin path " + jars);
        }
        return added;
    }

    /** Drops the jars an earlier scan already loaded, and remembers the others. */
    private List<Path> newJars(List<Path> jars) {
        List<Path> fresh = new ArrayList<>();
        synchronized (lock) {
            for (Path jar : jars) {
                if (scannedJars.add(PluginPath.realPath(jar))) {
                    fresh.add(jar);
                }
            }
        }
        return fresh;
    }


    // ---------------------------------------------------------------- loading one plugin

    /** Goes through a ServiceLoader's providers, reporting the ones that fail. */
    private int scan(ServiceLoader<Plugin> loader, String where) {
        int added = 0;
        int errors = 0;
        Iterator<ServiceLoader.Provider<Plugin>> it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                report("a plugin provider in " + where + " cannot be loaded: " + rootCause(e)
                        + "; check the jar's module-info or META-INF/services/" + Plugin.class.getName(), e);
                // ServiceLoader tries to go on after an error, but does not promise to.
                if (++errors > 100) {
                    break;
                }
                continue;
            }
            if (loadProvider(provider)) {
                added++;
            }
        }
        return added;
    }

    private boolean loadProvider(ServiceLoader.Provider<Plugin> provider) {
        Class<? extends Plugin> type = provider.type();
        synchronized (lock) {
            if (!pluginClasses.add(type)) {
                return false;
            }
        }
        Plugin plugin;
        try {
            plugin = provider.get();
        } catch (Throwable t) {
            rethrowIfFatal(t);
            report("plugin class " + type.getName() + " (" + filenameOf(type) + ") cannot be created: " + rootCause(t)
                    + "; fix its constructor or remove it", t);
            return false;
        }
        return addPlugin(plugin, filenameOf(type));
    }

    /**
     * Runs the plugin's init against a registrar that collects its features, then adds the
     * plugin and the features in one step; a plugin whose init fails adds nothing.
     */
    private boolean addPlugin(Plugin plugin, String filename) {
        String className = plugin.getClass().getName();
        PluginInfo info;
        try {
            info = new PluginInfo(plugin.name(), plugin.description(), plugin.version(), plugin.license(),
                    plugin.origin(), filename);
            checkName(info.name());
        } catch (Throwable t) {
            rethrowIfFatal(t);
            report("plugin class " + className + " (" + filename + ") does not describe itself: " + rootCause(t)
                    + "; its name() must be a non-empty string", t);
            return false;
        }
        if (findPlugin(info.name()) != null) {
            reportDuplicatePlugin(info, className);
            return false;
        }
        CollectingRegistrar registrar = new CollectingRegistrar(info.name());
        try {
            plugin.init(registrar);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            report("plugin \"" + info.name() + "\" (" + className + ", " + filename + ") failed in init: " + rootCause(t)
                    + "; none of its features were registered", t);
            return false;
        } finally {
            registrar.closed = true;
        }
        return commit(info, className, registrar);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("plugin name is " + (name == null ? "null" : "empty"));
        }
    }

    private boolean commit(PluginInfo info, String className, CollectingRegistrar registrar) {
        synchronized (lock) {
            if (plugins.containsKey(info.name())) {
                reportDuplicatePlugin(info, className);
                return false;
            }
            plugins.put(info.name(), info);
            registrar.elements.forEach(f -> addFactory(f, info));
            registrar.tracers.forEach(t -> addTracer(t, info));
        }
        LOG.debug("loaded plugin \"{}\" from {}: {} element(s), {} tracer(s)", info.name(), info.filename(),
                registrar.elements.size(), registrar.tracers.size());
        return true;
    }

    private void reportDuplicatePlugin(PluginInfo info, String className) {
        PluginInfo old = findPlugin(info.name());
        report("plugin \"" + info.name() + "\" (" + className + ", " + info.filename() + ") ignored: a plugin with"
                + " that name is already loaded from " + (old == null ? "elsewhere" : old.filename())
                + "; remove one of the two", null);
    }

    /** Adds a factory; on a name clash the higher rank wins, and a tie keeps the first. Holds lock. */
    private void addFactory(ElementFactory factory, PluginInfo info) {
        Feature<ElementFactory> old = factories.get(factory.getName());
        if (old == null) {
            factory.setPlugin(info);
            factories.put(factory.getName(), new Feature<>(factory, info));
            return;
        }
        String clash = "element factory \"" + factory.getName() + "\" is registered by plugin \"" + old.plugin().name()
                + "\" (rank " + old.factory().getRank() + ") and by plugin \"" + info.name() + "\" (rank "
                + factory.getRank() + "); ";
        if (factory.getRank().value() > old.factory().getRank().value()) {
            factory.setPlugin(info);
            factories.put(factory.getName(), new Feature<>(factory, info));
            report(clash + "using the one of \"" + info.name() + "\" for its higher rank", null);
        } else {
            report(clash + "keeping the one of \"" + old.plugin().name() + "\"; rename one of them, or give the one"
                    + " you want a higher rank", null);
        }
    }

    /** Adds a tracer factory; on a name clash the first stays. Holds lock. */
    private void addTracer(TracerFactory tracer, PluginInfo info) {
        Feature<TracerFactory> old = tracers.get(tracer.name());
        if (old == null) {
            tracers.put(tracer.name(), new Feature<>(tracer, info));
        } else {
            report("tracer \"" + tracer.name() + "\" is registered by plugin \"" + old.plugin().name()
                    + "\" and by plugin \"" + info.name() + "\"; keeping the first, rename one of them", null);
        }
    }

    /** Logs a problem at WARN and keeps it for {@link #loadErrors()}. */
    void report(String message, Throwable cause) {
        synchronized (lock) {
            loadErrors.add(message);
        }
        LOG.warn(message);
        if (cause != null) {
            LOG.debug("where it failed: {}", message, cause);
        }
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError v) {
            throw v;
        }
    }

    /** The innermost cause, as "Type: message" — what went wrong, without the wrapping. */
    static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.toString();
    }

    /** What the registrar given to {@link Plugin#init} does: collect, check, refuse late calls. */
    private static final class CollectingRegistrar implements PluginRegistrar {
        private final String plugin;
        private final List<ElementFactory> elements = new ArrayList<>();
        private final List<TracerFactory> tracers = new ArrayList<>();
        private volatile boolean closed;

        CollectingRegistrar(String plugin) {
            this.plugin = plugin;
        }

        @Override
        public void registerElement(ElementFactory factory) {
            Objects.requireNonNull(factory, () -> "plugin \"" + plugin + "\" registered a null element factory");
            checkOpen(factory.getName());
            elements.add(factory);
        }

        @Override
        public void registerTracer(TracerFactory factory) {
            Objects.requireNonNull(factory, () -> "plugin \"" + plugin + "\" registered a null tracer factory");
            checkOpen(factory.name());
            tracers.add(factory);
        }

        private void checkOpen(String feature) {
            if (closed) {
                throw new IllegalStateException("plugin \"" + plugin + "\" registered \"" + feature
                        + "\" after its init returned; register every feature inside init");
            }
        }
    }

    // ---------------------------------------------------------------- where a plugin came from

    /**
     * "module org.gstmini.plugins.good (/path/to/plugins-good.jar)" for a named module, the jar
     * or directory for the class path.
     */
    static String filenameOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            String where = module.getLayer() == null ? null
                    : module.getLayer().configuration().findModule(module.getName())
                            .map(ResolvedModule::reference).map(PluginPath::location).orElse(null);
            return "module " + module.getName() + (where == null ? "" : " (" + where + ")");
        }
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                return PluginPath.text(cs.getLocation());
            }
        } catch (SecurityException e) {
            LOG.debug("no code source for {}: {}", type.getName(), e.toString());
        }
        return "class path";
    }

    /** The core's version: the module's version, the jar manifest's, or "dev". */
    static String coreVersion() {
        Module m = Registry.class.getModule();
        if (m.getDescriptor() != null) {
            Optional<String> v = m.getDescriptor().rawVersion();
            if (v.isPresent()) {
                return v.get();
            }
        }
        String impl = Registry.class.getPackage().getImplementationVersion();
        return impl != null ? impl : "dev";
    }

    // ---------------------------------------------------------------- lookups

    /** The element factory with this name, or null ({@code gst_element_factory_find}). */
    public ElementFactory findFactory(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            Feature<ElementFactory> f = factories.get(name);
            return f == null ? null : f.factory();
        }
    }

    /**
     * The element factory with this name.
     *
     * @throws NoSuchElementFactoryException when there is none; its message suggests close names
     */
    public ElementFactory findFactoryOrThrow(String name) {
        ElementFactory f = findFactory(name);
        if (f == null) {
            throw new NoSuchElementFactoryException(name, factoryNames());
        }
        return f;
    }

    /**
     * Makes an element from this registry ({@code gst_element_factory_make} on this registry);
     * {@code elementName} may be null for a default name such as {@code fakesink0}.
     *
     * @throws NoSuchElementFactoryException when no factory has that name
     */
    public Element make(String factoryName, String elementName) {
        return findFactoryOrThrow(factoryName).create(elementName);
    }

    private List<String> factoryNames() {
        synchronized (lock) {
            return factories.keySet().stream().sorted().toList();
        }
    }

    /** Every element factory, sorted by name. */
    public List<ElementFactory> factories() {
        return factoriesWhere(f -> true, Comparator.comparing(ElementFactory::getName));
    }

    /** The element factories registered by the named plugin, sorted by name (empty if none). */
    public List<ElementFactory> factoriesOfPlugin(String plugin) {
        Objects.requireNonNull(plugin, "plugin");
        synchronized (lock) {
            return factories.values().stream().filter(f -> f.plugin().name().equals(plugin)).map(Feature::factory)
                    .sorted(Comparator.comparing(ElementFactory::getName)).toList();
        }
    }

    /**
     * The factories whose klass holds every word, best rank first and then by name — how
     * autovideosink picks a sink: {@code factoriesWithKlass("Sink", "Video")}. Mirrors
     * {@code gst_element_factory_list_get_elements} sorted with
     * {@code gst_plugin_feature_rank_compare_func}.
     */
    public List<ElementFactory> factoriesWithKlass(String... words) {
        return factoriesWhere(f -> f.hasKlass(words), BY_RANK_THEN_NAME);
    }

    private List<ElementFactory> factoriesWhere(Predicate<ElementFactory> filter, Comparator<ElementFactory> order) {
        synchronized (lock) {
            return factories.values().stream().map(Feature::factory).filter(filter).sorted(order).toList();
        }
    }

    /** Every plugin, sorted by name ({@code gst_registry_get_plugin_list}). */
    public List<PluginInfo> plugins() {
        synchronized (lock) {
            return plugins.values().stream().sorted(Comparator.comparing(PluginInfo::name)).toList();
        }
    }

    /** The plugin with this name, or null ({@code gst_registry_find_plugin}). */
    public PluginInfo findPlugin(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            return plugins.get(name);
        }
    }

    /** Every tracer factory, sorted by name. */
    public List<TracerFactory> tracerFactories() {
        synchronized (lock) {
            return tracers.values().stream().map(Feature::factory).sorted(Comparator.comparing(TracerFactory::name))
                    .toList();
        }
    }

    /** The tracer factories registered by the named plugin, sorted by name (empty if none). */
    public List<TracerFactory> tracerFactoriesOfPlugin(String plugin) {
        Objects.requireNonNull(plugin, "plugin");
        synchronized (lock) {
            return tracers.values().stream().filter(t -> t.plugin().name().equals(plugin)).map(Feature::factory)
                    .sorted(Comparator.comparing(TracerFactory::name)).toList();
        }
    }

    /** The tracer factory with this name, or null. */
    public TracerFactory findTracer(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            Feature<TracerFactory> t = tracers.get(name);
            return t == null ? null : t.factory();
        }
    }

    /**
     * Every problem met while loading, in order, one sentence each: plugins that could not be
     * found, created or initialised, plugins or factories with a name already taken, unusable
     * plugin-path entries. Empty when all went well.
     */
    public List<String> loadErrors() {
        synchronized (lock) {
            return List.copyOf(loadErrors);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Registry[" + plugins.size() + " plugins, " + factories.size() + " element factories, "
                    + tracers.size() + " tracers, " + loadErrors.size() + " load errors]";
        }
    }
}
