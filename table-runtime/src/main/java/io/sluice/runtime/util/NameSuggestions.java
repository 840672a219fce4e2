package io.sluice.runtime.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the valid names nearest to a misspelled one, for "did you mean" messages. */
public final class NameSuggestions {
    private NameSuggestions() {
    }

    /**
     * Up to {@code limit} candidates closest to {@code name} by edit distance (case-insensitive),
     * nearest first; only candidates within a distance that still looks like a typo.
     */
    public static List<String> nearest(String name, Collection<String> candidates, int limit) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> result = new ArrayList<>();
        List<int[]> scored = new ArrayList<>();
        List<String> names = new ArrayList<>(candidates);
        for (int i = 0; i < names.size(); i++) {
            String c = names.get(i).toLowerCase(Locale.ROOT);
            int d = distance(n, c);
            int max = Math.max(2, Math.max(n.length(), c.length()) / 2);
            if (d <= max || c.contains(n) || n.contains(c)) {
                scored.add(new int[] {d, i});
            }
        }
        scored.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparing(a -> names.get(a[1])));
        for (int[] s : scored) {
            if (result.size() == limit) {
                break;
            }
            result.add(names.get(s[1]));
        }
        return result;
    }

    /** " Did you mean 'a', 'b'?" or "" when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> near = nearest(name, candidates, 3);
        if (near.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" Did you mean ");
        for (int i = 0; i < near.size(); i++) {
            sb.append(i == 0 ? "" : i == near.size() - 1 ? " or " : ", ").append('\'').append(near.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /** Levenshtein distance. */
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
