package org.gstmini.core;

import java.util.Comparator;
import java.util.List;

/** Finds the names closest to a mistyped one, for "did you mean ...?" in error messages. */
public final class Names {
    private Names() {
    }

    /** Up to three known names within a small edit distance of {@code wrong}, closest first. */
    public static List<String> closest(String wrong, List<String> known) {
        int limit = Math.max(2, wrong.length() / 3);
        return known.stream()
                .filter(k -> distance(wrong, k) <= limit || k.startsWith(wrong) || wrong.startsWith(k))
                .sorted(Comparator.comparingInt((String k) -> distance(wrong, k)).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    /** "; did you mean 'a', 'b'?" or, when nothing is close, the empty string. */
    public static String suggestion(String wrong, List<String> known) {
        List<String> c = closest(wrong, known);
        if (c.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(", ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    /** Levenshtein distance between two strings. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
