package io.sluice.cli;

import io.sluice.table.print.DisplayWidth;

/** Fitting cell text into terminal columns (widths in terminal cells, see {@link DisplayWidth}). */
final class Cells {
    private static final String CUT = "...";

    private Cells() {
    }

    /** {@code s} when it fits in {@code max} cells, else its longest fitting prefix ended with {@code ...}. */
    static String fit(String s, int max) {
        if (DisplayWidth.of(s) <= max) {
            return s;
        }
        if (max <= CUT.length()) {
            return CUT.substring(0, Math.max(0, max));
        }
        return DisplayWidth.truncate(s, max - CUT.length()) + CUT;
    }

    /** {@code s} padded with spaces on the left ({@code right} = true) or right to {@code width} cells. */
    static String pad(String s, int width, boolean right) {
        int missing = width - DisplayWidth.of(s);
        if (missing <= 0) {
            return s;
        }
        return right ? " ".repeat(missing) + s : s + " ".repeat(missing);
    }
}
