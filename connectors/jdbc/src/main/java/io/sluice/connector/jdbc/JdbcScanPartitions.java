package io.sluice.connector.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges {@code scan.partition.column BETWEEN lo AND hi} of a partitioned scan: {@code num} ranges of
 * equal size (the last may be shorter) covering {@code [lower, upper]}. Reader {@code i} of {@code p} reads
 * the ranges {@code i, i + p, ...}.
 */
final class JdbcScanPartitions {
    private final String column;
    private final long lower;
    private final long upper;
    private final int num;

    JdbcScanPartitions(String column, long lower, long upper, int num) {
        this.column = column;
        this.lower = lower;
        this.upper = upper;
        this.num = num;
    }

    String column() {
        return column;
    }

    /** All ranges as {lo, hi} pairs (inclusive); fewer than {@code num} when the range has fewer values. */
    List<long[]> ranges() {
        long size = upper - lower + 1; // may overflow for extreme bounds: use unsigned-safe arithmetic below
        int n = size > 0 && size < num ? (int) size : num;
        List<long[]> out = new ArrayList<>();
        java.math.BigInteger total = java.math.BigInteger.valueOf(upper).subtract(java.math.BigInteger.valueOf(lower))
                .add(java.math.BigInteger.ONE);
        java.math.BigInteger step = total.add(java.math.BigInteger.valueOf(n - 1)).divide(java.math.BigInteger.valueOf(n));
        java.math.BigInteger lo = java.math.BigInteger.valueOf(lower);
        java.math.BigInteger max = java.math.BigInteger.valueOf(upper);
        for (int i = 0; i < n && lo.compareTo(max) <= 0; i++) {
            java.math.BigInteger hi = lo.add(step).subtract(java.math.BigInteger.ONE).min(max);
            out.add(new long[] {lo.longValueExact(), hi.longValueExact()});
            lo = hi.add(java.math.BigInteger.ONE);
        }
        return out;
    }

    /** The ranges reader {@code subtask} of {@code parallelism} reads. */
    List<long[]> rangesOf(int subtask, int parallelism) {
        List<long[]> all = ranges();
        List<long[]> mine = new ArrayList<>();
        for (int i = subtask; i < all.size(); i += parallelism) {
            mine.add(all.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return column + " in [" + lower + ", " + upper + "] / " + num;
    }
}
