package io.sluice.table.api.internal;

import io.sluice.sql.parser.ast.ShowStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code [NOT] LIKE|ILIKE 'pattern'} filter of SHOW statements, with SQL wildcards {@code %} and {@code _}. */
final class ShowFilter {
    private ShowFilter() {
    }

    /** The names that pass the statement's filter (all of them without one), in order. */
    static List<String> filter(ShowStatement s, List<String> names) {
        if (s.likePattern() == null) {
            return names;
        }
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            if (matches(s, n)) {
                kept.add(n);
            }
        }
        return kept;
    }

    /** Whether {@code name} passes the statement's LIKE filter. */
    static boolean matches(ShowStatement s, String name) {
        String pattern = s.likePattern();
        if (pattern == null) {
            return true;
        }
        boolean ci = s.isCaseInsensitiveLike();
        boolean m = like(ci ? name.toLowerCase(Locale.ROOT) : name, ci ? pattern.toLowerCase(Locale.ROOT) : pattern,
                0, 0);
        return m != s.isNotLike();
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, {@code \} escapes the next character. */
    private static boolean like(String s, String p, int si, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = si; k <= s.length(); k++) {
                    if (like(s, p, k, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                c = p.charAt(pi);
                if (s.charAt(si) != c) {
                    return false;
                }
            } else if (c != '_' && s.charAt(si) != c) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }
}
