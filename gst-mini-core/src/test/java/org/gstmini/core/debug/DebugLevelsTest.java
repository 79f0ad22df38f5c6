package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebugLevelsTest {
    private static final String DEFAULT = DebugLevels.SIMPLE_DEFAULT_KEY;

    private static String key(String category) {
        return "org.slf4j.simpleLogger.log.org.gstmini." + category;
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, off", "1, error", "2, warn", "3, warn", "4, info", "5, debug", "6, trace", "7, trace", "8, trace", "9, trace",
        "NONE, off", "ERROR, error", "WARNING, warn", "FIXME, warn", "INFO, info", "DEBUG, debug", "LOG, trace",
        "TRACE, trace", "MEMDUMP, trace", "warning, warn", "Debug, debug",
    })
    void levelTable(String level, String simple) {
        assertEquals(props("org.slf4j.simpleLogger.log.org.gstmini.pad", simple), DebugLevels.toSimpleLoggerProperties("pad:" + level));
    }

    @Test
    void theExampleFromTheArchitectureGuide() {
        assertEquals(props(DEFAULT, "warn", key("pad"), "trace", key("queue"), "debug"),
                DebugLevels.toSimpleLoggerProperties("*:2,pad:6,queue:5"));
    }

    @Test
    void aBareLevelSetsTheDefault() {
        assertEquals(props(DEFAULT, "warn"), DebugLevels.toSimpleLoggerProperties("3"));
        assertEquals(props(DEFAULT, "info", key("pad"), "trace"), DebugLevels.toSimpleLoggerProperties("pad:6,INFO"),
                "a bare level does not reset categories set before it");
    }

    @Test
    void laterEntriesWinAsInGStreamer() {
        assertEquals(props(DEFAULT, "warn"), DebugLevels.toSimpleLoggerProperties("pad:6,*:2"), "'*' overrides pad");
        assertEquals(props(key("pad"), "error"), DebugLevels.toSimpleLoggerProperties("pad:6,pad:1"));
        assertEquals(props(key("queue"), "warn"), DebugLevels.toSimpleLoggerProperties("queue:6,q*:3"),
                "a glob overrides an earlier explicit name it matches");
        assertEquals(props(key("queue"), "trace"), DebugLevels.toSimpleLoggerProperties("q*:3,queue:6"));
    }

    @Test
    void globsExpandOverTheKnownCategories() {
        assertEquals(props(key("parse"), "debug", key("pad"), "debug", key("pipeline"), "debug"),
                DebugLevels.toSimpleLoggerProperties("p*:5"));
        assertEquals(props(key("tracer"), "trace", key("tracer.log"), "trace"), DebugLevels.toSimpleLoggerProperties("tracer*:7"));
        assertEquals(props(key("bin"), "info", key("bus"), "info"), DebugLevels.toSimpleLoggerProperties("b??:4"));
        assertEquals(props(), DebugLevels.toSimpleLoggerProperties("zz*:4"), "a glob that matches nothing known sets nothing");
        assertEquals(props(key("queue"), "debug", key("queue2"), "debug"),
                DebugLevels.toSimpleLoggerProperties("queue*:5", List.of("queue", "queue2", "identity")),
                "callers may add the categories they know");
    }

    @Test
    void whitespaceAndEmptyEntriesAreTolerated() {
        assertEquals(props(DEFAULT, "warn", key("pad"), "trace"), DebugLevels.toSimpleLoggerProperties(" *:2 , pad : 6 ,"));
        assertEquals(props(), DebugLevels.toSimpleLoggerProperties(""));
        assertEquals(props(), DebugLevels.toSimpleLoggerProperties(" , "));
    }

    @Test
    void badSpecsSayWhatAndWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DebugLevels.toSimpleLoggerProperties("*:2,pad:LOUD"));
        assertTrue(e.getMessage().startsWith("GST_MINI_DEBUG: unknown level 'LOUD' (use 0-9 or NONE, ERROR, WARNING"), e.getMessage());
        assertTrue(e.getMessage().contains("at position 8:\n  *:2,pad:LOUD\n          ^"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DebugLevels.toSimpleLoggerProperties("pad:"));
        assertTrue(e.getMessage().contains("missing level"), e.getMessage());
        assertTrue(e.getMessage().contains("at position 4"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DebugLevels.toSimpleLoggerProperties(":5"));
        assertTrue(e.getMessage().contains("missing category before ':' at position 0"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DebugLevels.toSimpleLoggerProperties("pa d:5"));
        assertTrue(e.getMessage().contains("unexpected character ' ' in category name"), e.getMessage());
        assertTrue(e.getMessage().contains("at position 2"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DebugLevels.toSimpleLoggerProperties("pad:6,10"));
        assertTrue(e.getMessage().contains("unknown level '10'") && e.getMessage().contains("at position 6"), e.getMessage());
    }

    @Test
    void parseLevelAndSimpleLevel() {
        assertEquals(5, DebugLevels.parseLevel("DEBUG"));
        assertEquals(9, DebugLevels.parseLevel(" memdump "));
        assertEquals(-1, DebugLevels.parseLevel(""));
        assertEquals(-1, DebugLevels.parseLevel("WARN"), "GStreamer's names only");
        assertEquals("trace", DebugLevels.simpleLevel(7));
        assertThrows(IllegalArgumentException.class, () -> DebugLevels.simpleLevel(10));
    }

    @Test
    void globMatchingLikeGLib() {
        assertTrue(DebugLevels.globMatches("*", ""));
        assertTrue(DebugLevels.globMatches("q*", "queue"));
        assertTrue(DebugLevels.globMatches("*src", "filesrc"));
        assertTrue(DebugLevels.globMatches("q?eue", "queue"));
        assertTrue(DebugLevels.globMatches("*e*e", "queue"));
        assertFalse(DebugLevels.globMatches("q?", "queue"));
        assertFalse(DebugLevels.globMatches("*src", "filesink"));
    }

    @Test
    void applySetsTheSystemProperties() {
        String k = key("zzdebugleveltest");
        try {
            Map<String, String> set = DebugLevels.apply("zzdebugleveltest:5");
            assertEquals(props(k, "debug"), set);
            assertEquals("debug", System.getProperty(k));
        } finally {
            System.clearProperty(k);
        }
    }

    @Test
    void applyFromEnvironmentPrefersTheSystemProperty() {
        String k = key("zzenvtest");
        try {
            System.setProperty(DebugLevels.PROPERTY, "zzenvtest:LOG");
            DebugLevels.applyFromEnvironment();
            assertEquals("trace", System.getProperty(k));
        } finally {
            System.clearProperty(DebugLevels.PROPERTY);
            System.clearProperty(k);
        }
    }
}
