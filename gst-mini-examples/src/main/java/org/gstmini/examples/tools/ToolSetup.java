package org.gstmini.examples.tools;

import org.gstmini.core.debug.DebugLevels;

/** What both tools do first thing in {@code main}, before any logger exists. */
final class ToolSetup {
    private ToolSetup() {
    }

    /**
     * Sets the log levels: WARN and worse by default, so the tools print only what gst-launch-1.0
     * and gst-inspect-1.0 print (the libraries' INFO lines, such as "enabling tracers", stay
     * quiet), then {@code GST_MINI_DEBUG} ({@link DebugLevels#applyFromEnvironment()}) on top.
     * A malformed {@code GST_MINI_DEBUG} is reported and ignored, as a typo in a debugging
     * variable must not stop the tool.
     */
    static void logging(String tool) {
        if (System.getProperty(DebugLevels.SIMPLE_DEFAULT_KEY) == null) {
            System.setProperty(DebugLevels.SIMPLE_DEFAULT_KEY, "warn");
        }
        try {
            DebugLevels.applyFromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println(tool + ": ignoring " + DebugLevels.ENV + ": " + e.getMessage());
        }
    }
}
