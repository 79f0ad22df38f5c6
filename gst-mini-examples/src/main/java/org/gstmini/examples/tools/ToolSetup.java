package org.gstmini.examples.tools;

import org.gstmini.core.debug.DebugLevels;

/** What both tools do first thing in {@code main}, before any logger exists. */
final class ToolSetup {
    private ToolSetup() {
    }

    /**
     * Sets the log levels ({@link DebugLevels#applyFromEnvironment()}: warnings and errors by
     * default, so the tools print only what gst-launch-1.0 and gst-inspect-1.0 print, and
     * {@code GST_MINI_DEBUG} on top). A malformed {@code GST_MINI_DEBUG} is reported and ignored,
     * as a typo in a debugging variable must not stop the tool.
     */
    static void logging(String tool) {
        try {
            DebugLevels.applyFromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println(tool + ": ignoring " + DebugLevels.ENV + ": " + e.getMessage());
        }
    }
}
