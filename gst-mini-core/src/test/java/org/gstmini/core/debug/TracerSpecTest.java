package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracerSpecTest {

    private static TracerSpec t(String name, String params) {
        return new TracerSpec(name, params);
    }

    @Test
    void namesSeparatedBySemicolons() {
        assertEquals(List.of(t("log", "")), TracerSpec.parseList("log"));
        assertEquals(List.of(t("log", ""), t("stats", "")), TracerSpec.parseList("log;stats"));
        assertEquals(List.of(t("log", ""), t("stats", "")), TracerSpec.parseList(" log ;  stats ;; "));
        assertEquals(List.of(), TracerSpec.parseList(""));
        assertEquals(List.of(), TracerSpec.parseList(" ; "));
    }

    @Test
    void parametersInParentheses() {
        assertEquals(List.of(t("log", "name=mine"), t("latency", "flags=pipeline+element")),
                TracerSpec.parseList("log(name=mine);latency(flags=pipeline+element)"));
        assertEquals(List.of(t("log", "")), TracerSpec.parseList("log()"));
        assertEquals(List.of(t("stats", "a=1")), TracerSpec.parseList("stats ( a=1 ) "));
    }

    @Test
    void nestedParenthesesAndSemicolonsStayInTheParameters() {
        // GStreamer counts nested parentheses: 'max-buffer-size=(uint)5'
        assertEquals(List.of(t("leaks", "max-buffer-size=(uint)5"), t("log", "")),
                TracerSpec.parseList("leaks(max-buffer-size=(uint)5);log"));
        assertEquals(List.of(t("mine", "filter=(a;b)"), t("log", "")), TracerSpec.parseList("mine(filter=(a;b));log"));
    }

    @Test
    void printsBackAsWritten() {
        assertEquals("log", t("log", "").toString());
        assertEquals("log(name=x)", t("log", "name=x").toString());
    }

    @Test
    void malformedListsNameThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TracerSpec.parseList("log;(x)"));
        assertTrue(e.getMessage().contains("missing tracer name before '(' at position 4"), e.getMessage());
        assertTrue(e.getMessage().startsWith("GST_MINI_TRACERS: "), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> TracerSpec.parseList("log(name=x;stats"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> TracerSpec.parseList("log(a)b;stats"));
        assertTrue(e.getMessage().contains("unexpected text after the parameters of 'log' (separate tracers with ';') at position 6"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> TracerSpec.parseList("lo g"));
        assertTrue(e.getMessage().contains("unexpected character ' ' in tracer name at position 2"), e.getMessage());
        assertTrue(e.getMessage().endsWith("lo g\n    ^"), "a caret under the fault:\n" + e.getMessage());
    }
}
