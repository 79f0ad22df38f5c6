package org.gstmini.core.spi;

import java.util.Objects;

/**
 * The usual way to write a {@link Plugin}: pass its description to the constructor and
 * implement only {@link #init}. Mirrors {@code GST_PLUGIN_DEFINE (..., name, description,
 * plugin_init, version, license, package, origin)}, which declares the same facts statically.
 *
 * <pre>{@code
 * public final class MyPlugin extends PluginDefinition {
 *     public MyPlugin() {
 *         super("myplugin", "Elements that do my things", "1.0", "Apache-2.0", "https://example.com");
 *     }
 *
 *     @Override
 *     public void init(PluginRegistrar registrar) {
 *         registrar.registerElement(MyElement.FACTORY);
 *     }
 * }
 * }</pre>
 *
 * A plugin class needs a public no-argument constructor, because {@link java.util.ServiceLoader}
 * creates it.
 */
public abstract class PluginDefinition implements Plugin {
    private final String name;
    private final String description;
    private final String version;
    private final String license;
    private final String origin;

    protected PluginDefinition(String name, String description, String version, String license, String origin) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.version = Objects.requireNonNull(version, "version");
        this.license = Objects.requireNonNull(license, "license");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final String license() {
        return license;
    }

    @Override
    public final String origin() {
        return origin;
    }
}
