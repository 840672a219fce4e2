package io.sluice.benchmarks;

import io.sluice.table.functions.ScalarFunction;

/**
 * {@code count_char(s, c)}: how many times the first character of {@code c} occurs in {@code s}
 * (Nexmark q14's scalar UDF); NULL when either argument is NULL, 0 when {@code c} is empty.
 */
public final class CountChar extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    /** Counts {@code c}'s first character in {@code s}. */
    public Long eval(String s, String c) {
        if (s == null || c == null) {
            return null;
        }
        if (c.isEmpty()) {
            return 0L;
        }
        char target = c.charAt(0);
        long count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == target) {
                count++;
            }
        }
        return count;
    }
}
