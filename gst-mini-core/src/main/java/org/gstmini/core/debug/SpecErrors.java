package org.gstmini.core.debug;

/** Error messages for the settings parsed from environment variables, with a caret under the fault. */
final class SpecErrors {
    private SpecErrors() {
    }

    /**
     * {@code GST_MINI_DEBUG: unknown level 'LOUD' at position 4:} followed by the input and a
     * caret under position 4 (0-based).
     */
    static IllegalArgumentException at(String what, String reason, String input, int position) {
        String shown = input.replaceAll("[\\t\\n\\r\\f]", " ");
        return new IllegalArgumentException(what + ": " + reason + " at position " + position + ":\n  " + shown
                + "\n  " + " ".repeat(Math.max(0, position)) + "^");
    }
}
