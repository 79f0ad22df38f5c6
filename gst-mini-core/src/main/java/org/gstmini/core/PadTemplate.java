package org.gstmini.core;

import java.util.Objects;
import org.gstmini.core.caps.Caps;

/**
 * Describes the pads an element can have: a name (or a name template such as {@code src_%u}),
 * a direction, when the pads exist, and the caps they can carry.
 *
 * <p>Mirrors {@code GstPadTemplate} (gst/gstpadtemplate.c). Templates are static data of an
 * element's factory, so {@code gst-inspect} can show them without creating the element, and
 * linking can check caps before any pad exists.
 */
public record PadTemplate(String nameTemplate, PadDirection direction, PadPresence presence, Caps caps) {
    public PadTemplate {
        Objects.requireNonNull(nameTemplate, "nameTemplate");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(caps, "caps");
        if (presence == PadPresence.ALWAYS && nameTemplate.contains("%")) {
            throw new IllegalArgumentException("pad template '" + nameTemplate
                    + "': an ALWAYS pad needs a plain name, not a name template");
        }
    }

    /** A source-pad template present always, e.g. {@code PadTemplate.src(Caps.ANY)}. */
    public static PadTemplate src(Caps caps) {
        return new PadTemplate("src", PadDirection.SRC, PadPresence.ALWAYS, caps);
    }

    /** A sink-pad template present always. */
    public static PadTemplate sink(Caps caps) {
        return new PadTemplate("sink", PadDirection.SINK, PadPresence.ALWAYS, caps);
    }

    /**
     * Whether {@code padName} can be made from this template: equal to a plain name, or matching
     * a template such as {@code src_%u} ({@code src_0}, {@code src_12}), {@code sink_%d} or
     * {@code video_%s}.
     */
    public boolean matches(String padName) {
        int pct = nameTemplate.indexOf('%');
        if (pct < 0) {
            return nameTemplate.equals(padName);
        }
        String prefix = nameTemplate.substring(0, pct);
        String suffix = nameTemplate.substring(Math.min(nameTemplate.length(), pct + 2));
        if (!padName.startsWith(prefix) || !padName.endsWith(suffix)
                || padName.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        String middle = padName.substring(prefix.length(), padName.length() - suffix.length());
        char conv = pct + 1 < nameTemplate.length() ? nameTemplate.charAt(pct + 1) : 's';
        if (conv == 'u') {
            return middle.chars().allMatch(Character::isDigit);
        }
        if (conv == 'd') {
            return middle.matches("-?\\d+");
        }
        return true;
    }

    /** Whether the name contains a conversion ({@code %u}, {@code %d}, {@code %s}). */
    public boolean isNameTemplate() {
        return nameTemplate.contains("%");
    }

    /** The pad name for number {@code n} from a {@code %u}/{@code %d} template: {@code src_3}. */
    public String nameFor(int n) {
        int pct = nameTemplate.indexOf('%');
        if (pct < 0) {
            return nameTemplate;
        }
        return nameTemplate.substring(0, pct) + n + nameTemplate.substring(Math.min(nameTemplate.length(), pct + 2));
    }
}
