package io.sluice.table.udf;

import io.sluice.table.functions.AggregateFunction;

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
}
