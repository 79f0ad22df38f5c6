package org.gstmini.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.gstmini.core.debug.Tracers;

/**
 * Static facts about an element type, and a way to make one: what {@code gst-inspect} shows
 * and what {@code gst-launch} uses to turn "fakesink" into an object.
 *
 * <p>Mirrors {@code GstElementFactory} (gst/gstelementfactory.c). A plugin registers one factory
 * per element in its {@link org.gstmini.core.spi.Plugin#init}. The factory holds only data
 * (name, long name, klass, description, author, rank, pad templates) and a constructor; all
 * mutable state lives in the element instances. Properties are declared by the element itself.
 *
 * <pre>{@code
 * public static final ElementFactory FACTORY = ElementFactory.builder("fakesink", FakeSink::new)
 *         .longName("Fake Sink").klass("Sink").description("Black hole for data")
 *         .author("gst-mini").padTemplate(SINK_TEMPLATE).build();
 * }</pre>
 */
public final class ElementFactory {
    private final String name;
    private final String longName;
    private final String klass;
    private final String description;
    private final String author;
    private final Rank rank;
    private final List<PadTemplate> padTemplates;
    private final Supplier<? extends Element> constructor;
    private volatile PluginInfo plugin;

    private ElementFactory(Builder b) {
        this.name = b.name;
        this.longName = b.longName == null ? b.name : b.longName;
        this.klass = b.klass;
        this.description = b.description;
        this.author = b.author;
        this.rank = b.rank;
        this.padTemplates = List.copyOf(b.padTemplates);
        this.constructor = b.constructor;
    }

    /** Starts a factory description; {@code constructor} makes a new, unnamed element. */
    public static Builder builder(String name, Supplier<? extends Element> constructor) {
        return new Builder(name, constructor);
    }

    /**
     * Makes an element by factory name from the default {@link Registry}
     * ({@code gst_element_factory_make}); {@code elementName} may be null for a default name.
     *
     * @throws NoSuchElementFactoryException naming close matches when no factory has that name
     */
    public static Element make(String factoryName, String elementName) {
        return Registry.get().findFactoryOrThrow(factoryName).create(elementName);
    }

    /** Like {@link #make(String, String)} with a default element name. */
    public static Element make(String factoryName) {
        return make(factoryName, null);
    }

    /** Makes a new element of this type ({@code gst_element_factory_create}). */
    public Element create(String elementName) {
        Element e = constructor.get();
        if (e == null) {
            throw new IllegalStateException("factory '" + name + "' returned no element");
        }
        e.setFactory(this);
        if (elementName != null) {
            e.setName(elementName);
        }
        if (Tracers.active) {
            Tracers.elementNew(e);
        }
        return e;
    }

    public String getName() {
        return name;
    }

    /** A human-readable name: "Fake Sink". */
    public String getLongName() {
        return longName;
    }

    /** What kind of element, as slash-separated words: "Sink/Video", "Source/Video", "Codec/Decoder/Image". */
    public String getKlass() {
        return klass;
    }

    public String getDescription() {
        return description;
    }

    public String getAuthor() {
        return author;
    }

    public Rank getRank() {
        return rank;
    }

    public List<PadTemplate> getPadTemplates() {
        return padTemplates;
    }

    /** The plugin that registered this factory, or null before registration. */
    public PluginInfo getPlugin() {
        return plugin;
    }

    void setPlugin(PluginInfo info) {
        this.plugin = info;
    }

    /** Whether the klass contains every given word, e.g. {@code hasKlass("Sink", "Video")}. */
    public boolean hasKlass(String... words) {
        List<String> parts = List.of(klass.split("/"));
        for (String w : words) {
            if (!parts.contains(w)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ElementFactory[" + name + ", " + klass + ", rank " + rank + "]";
    }

    /** Collects the static data of a factory. */
    public static final class Builder {
        private final String name;
        private final Supplier<? extends Element> constructor;
        private String longName;
        private String klass = "Generic";
        private String description = "";
        private String author = "";
        private Rank rank = Rank.NONE;
        private final List<PadTemplate> padTemplates = new ArrayList<>();

        private Builder(String name, Supplier<? extends Element> constructor) {
            this.name = Objects.requireNonNull(name, "name");
            this.constructor = Objects.requireNonNull(constructor, "constructor");
            if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("factory name '" + name + "' must be lowercase letters, digits, '-' or '_'");
            }
        }

        public Builder longName(String value) {
            this.longName = value;
            return this;
        }

        public Builder klass(String value) {
            this.klass = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder author(String value) {
            this.author = value;
            return this;
        }

        public Builder rank(Rank value) {
            this.rank = value;
            return this;
        }

        public Builder padTemplate(PadTemplate template) {
            padTemplates.add(template);
            return this;
        }

        public ElementFactory build() {
            return new ElementFactory(this);
        }
    }
}
