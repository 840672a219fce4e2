package io.sluice.table.udf;

import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.FunctionContext;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Aggregate functions for the golden tests. */
public final class AggregateUdfs {
    private AggregateUdfs() {
    }

    /** The accumulator of {@link WeightedAvg}. */
    public static class WeightedAvgAcc {
        public long sum;
        public long count;
    }

    /** sum(value * weight) / sum(weight), NULL for no rows. */
    public static class WeightedAvg extends AggregateFunction<Long, WeightedAvgAcc> {
        @Override
        public WeightedAvgAcc createAccumulator() {
            return new WeightedAvgAcc();
        }

        public void accumulate(WeightedAvgAcc acc, long value, int weight) {
            acc.sum += value * weight;
            acc.count += weight;
        }

        public void retract(WeightedAvgAcc acc, long value, int weight) {
            acc.sum -= value * weight;
            acc.count -= weight;
        }

        @Override
        public Long getValue(WeightedAvgAcc acc) {
            return acc.count == 0 ? null : acc.sum / acc.count;
        }
    }

    /** Concatenates strings in arrival order; retract removes the first occurrence. */
    public static class ListAgg extends AggregateFunction<String, java.util.ArrayList<String>> {
        @Override
        public java.util.ArrayList<String> createAccumulator() {
            return new java.util.ArrayList<>();
        }

        public void accumulate(java.util.ArrayList<String> acc, String s) {
            if (s != null) {
                acc.add(s);
            }
        }

        public void retract(java.util.ArrayList<String> acc, String s) {
            acc.remove(s);
        }

        @Override
        public String getValue(java.util.ArrayList<String> acc) {
            return acc.isEmpty() ? null : String.join(",", acc);
        }
    }

    /** Counts the NULL arguments it sees: a boxed parameter receives NULL. No retract method. */
    public static class CountNulls extends AggregateFunction<Long, long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        public void accumulate(long[] acc, Integer value) {
            if (value == null) {
                acc[0]++;
            }
        }

        @Override
        public Long getValue(long[] acc) {
            return acc[0];
        }
    }

    /** The accumulator of {@link LatestLabel}: a POJO that is not Serializable. */
    public static class LatestAcc {
        public LocalDateTime ts;
        public String label;
    }

    /** The label of the row with the latest timestamp, prefixed with a job parameter read in open(). */
    public static class LatestLabel extends AggregateFunction<String, LatestAcc> {
        private String prefix;

        @Override
        public void open(FunctionContext context) {
            prefix = context.getJobParameter("table.local-time-zone", "?") + ":";
        }

        @Override
        public LatestAcc createAccumulator() {
            return new LatestAcc();
        }

        public void accumulate(LatestAcc acc, LocalDateTime ts, String label) {
            if (ts != null && (acc.ts == null || ts.isAfter(acc.ts))) {
                acc.ts = ts;
                acc.label = label;
            }
        }

        @Override
        public String getValue(LatestAcc acc) {
            if (prefix == null) {
                throw new IllegalStateException("getValue before open");
            }
            return acc.ts == null ? null : prefix + acc.label;
        }
    }

    /** The latest timestamp seen: a TIMESTAMP(3) result. */
    public static class MaxTs extends AggregateFunction<LocalDateTime, LocalDateTime[]> {
        @Override
        public LocalDateTime[] createAccumulator() {
            return new LocalDateTime[1];
        }

        public void accumulate(LocalDateTime[] acc, LocalDateTime ts) {
            if (ts != null && (acc[0] == null || ts.isAfter(acc[0]))) {
                acc[0] = ts;
            }
        }

        @Override
        public LocalDateTime getValue(LocalDateTime[] acc) {
            return acc[0];
        }
    }

    /** Sum of amount * qty as DECIMAL(12, 2); retractable. */
    public static class Revenue extends AggregateFunction<BigDecimal, BigDecimal[]> {
        @Override
        public BigDecimal[] createAccumulator() {
            return new BigDecimal[] {BigDecimal.ZERO};
        }

        public void accumulate(BigDecimal[] acc, BigDecimal amount, int qty) {
            if (amount != null) {
                acc[0] = acc[0].add(amount.multiply(BigDecimal.valueOf(qty)));
            }
        }

        public void retract(BigDecimal[] acc, BigDecimal amount, int qty) {
            if (amount != null) {
                acc[0] = acc[0].subtract(amount.multiply(BigDecimal.valueOf(qty)));
            }
        }

        @Override
        @DataTypeHint("DECIMAL(12, 2)")
        public BigDecimal getValue(BigDecimal[] acc) {
            return acc[0];
        }
    }
}
