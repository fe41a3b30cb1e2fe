package io.phasesweep.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Did-you-mean hints for misspelt keys and names. */
final class Suggestions {
    /** Farther than this (in edits) is a different word, not a typo. */
    private static final int MAX_DISTANCE = 2;

    /**
     * User-visible names that were renamed to snake_case (README, Changelog): an old name in a
     * config is refused with its new one, not silently taken for something else.
     */
    static final Map<String, String> RENAMED = Map.of(
            "W_sat", "w_sat",
            "EW", "ew",
            "KPZ", "kpz");

    private Suggestions() {
    }

    /** ", 'W_sat' was renamed to 'w_sat'" for a renamed name, else empty. */
    static Optional<String> renamed(String name) {
        return Optional.ofNullable(RENAMED.get(name)).map(now -> ", '" + name + "' was renamed to '" + now + "'");
    }

    /**
     * ", 'old' was renamed to 'new'" for a renamed name; else ", did you mean 'x'?" for a near miss
     * (edit distance <= 2, ignoring case); else "".
     */
    static String suggestion(String key, Collection<String> known) {
        Optional<String> renamed = renamed(key);
        if (renamed.isPresent()) {
            return renamed.get();
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String k : known) {
            int d = editDistance(key.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : ", did you mean '" + best + "'?";
    }

    /** Levenshtein distance, two rows. */
    static int editDistance(String a, String b) {
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
