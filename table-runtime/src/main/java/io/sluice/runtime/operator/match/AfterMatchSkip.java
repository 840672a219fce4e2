package io.sluice.runtime.operator.match;

/** Where matching resumes after a match ({@code AFTER MATCH SKIP ...}). */
public record AfterMatchSkip(Kind kind, int element) {

    /** The strategy. {@code element} names the pattern element of TO_FIRST and TO_LAST. */
    public enum Kind {
        PAST_LAST_ROW, TO_NEXT_ROW, TO_FIRST, TO_LAST
    }

    public static AfterMatchSkip pastLastRow() {
        return new AfterMatchSkip(Kind.PAST_LAST_ROW, -1);
    }

    public static AfterMatchSkip toNextRow() {
        return new AfterMatchSkip(Kind.TO_NEXT_ROW, -1);
    }
}
