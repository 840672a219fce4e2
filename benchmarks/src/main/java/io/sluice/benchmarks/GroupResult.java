package io.sluice.benchmarks;

import java.util.Comparator;

/**
 * One result row of the benchmark query
 * {@code SELECT key, COUNT(*), SUM(price * qty), MAX(price) ... GROUP BY key}; a NULL key or
 * aggregate is a null field.
 */
public record GroupResult(Integer key, long count, Long revenue, Long maxPrice) {
    /** Orders results by key, the NULL key first. */
    public static final Comparator<GroupResult> BY_KEY =
            Comparator.comparing(GroupResult::key, Comparator.nullsFirst(Comparator.naturalOrder()));
}
