package io.sluice.runtime.operator.match;

/**
 * One pattern variable with its quantifier: it takes between {@code min} and {@code max} consecutive rows
 * ({@code max < 0}: unbounded); a greedy element takes a row whenever its condition accepts it and only then moves
 * on; a non-greedy one (reluctant, and as in Flink the optional {@code ?}) explores both.
 */
public record PatternElement(String variable, int min, int max, boolean greedy) {

    /** Whether the element may take another row after {@code taken} rows. */
    boolean canTake(int taken) {
        return max < 0 || taken < max;
    }

    @Override
    public String toString() {
        String q;
        if (min == 1 && max == 1) {
            q = "";
        } else if (min == 0 && max < 0) {
            q = "*";
        } else if (min == 1 && max < 0) {
            q = "+";
        } else if (min == 0 && max == 1) {
            q = "?";
        } else if (max < 0) {
            q = "{" + min + ",}";
        } else if (min == max) {
            q = "{" + min + "}";
        } else {
            q = "{" + min + "," + max + "}";
        }
        return variable + q + (greedy || q.isEmpty() || q.equals("?") || min == max ? "" : "?");
    }
}
