package org.gstmini.core;

import java.util.List;
import java.util.Objects;

/**
 * No element factory has the name asked for: a typo in a pipeline description, or a plugin that
 * was not loaded.
 *
 * <p>The message reads like gst-launch's {@code no element "fakesnk"} and adds the closest known
 * names ({@code ; did you mean 'fakesink'?}); when nothing is close it says where plugins are
 * looked for instead. Thrown by {@link Registry#findFactoryOrThrow(String)} and so by
 * {@link ElementFactory#make(String, String)} (where {@code gst_element_factory_make} would
 * return NULL).
 */
public final class NoSuchElementFactoryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> suggestions;

    /**
     * @param name  the factory name that was asked for
     * @param known every factory name the registry holds; the closest become {@link #suggestions()}
     */
    public NoSuchElementFactoryException(String name, List<String> known) {
        super(message(Objects.requireNonNull(name, "name"), Names.closest(name, List.copyOf(known))));
        this.name = name;
        this.suggestions = Names.closest(name, List.copyOf(known));
    }

    private static String message(String name, List<String> suggestions) {
        String base = "no element \"" + name + "\"";
        if (suggestions.isEmpty()) {
            return base + "; is the plugin that provides it on the module path, the class path or in "
                    + Registry.PLUGIN_PATH_ENV + "?";
        }
        return base + "; did you mean "
                + String.join(", ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    /** The factory name that was asked for. */
    public String name() {
        return name;
    }

    /** Up to three known factory names close to {@link #name()}, closest first; may be empty. */
    public List<String> suggestions() {
        return suggestions;
    }
}
