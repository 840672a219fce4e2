package io.sluice.table.api.windowagg;

import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.table.functions.TableAggregateFunction.RetractableCollector;
import io.sluice.types.Row;
import io.sluice.util.Collector;

/** The functions of Flink's Table API page, "Aggregate" and "FlatAggregate", with the Sluice imports. */
public final class WindowUdfs {
    private WindowUdfs() {
    }

    /** The accumulator of {@link MyMinMax}. */
    public static class MyMinMaxAcc {
        public int min = Integer.MAX_VALUE;
        public int max = Integer.MIN_VALUE;
    }

    /** The smallest and the largest value: a two-column result. */
    public static class MyMinMax extends AggregateFunction<Row, MyMinMaxAcc> {
        public void accumulate(MyMinMaxAcc acc, Integer value) {
            if (value < acc.min) {
                acc.min = value;
            }
            if (value > acc.max) {
                acc.max = value;
            }
        }

        @Override
        public MyMinMaxAcc createAccumulator() {
            return new MyMinMaxAcc();
        }

        public void resetAccumulator(MyMinMaxAcc acc) {
            acc.min = Integer.MAX_VALUE;
            acc.max = Integer.MIN_VALUE;
        }

        @Override
        @DataTypeHint("ROW<mn INT, mx INT>")
        public Row getValue(MyMinMaxAcc acc) {
            return Row.of(acc.min, acc.max);
        }
    }

    /** The accumulator of {@link Top2}. */
    public static class Top2Accumulator {
        public Integer first = Integer.MIN_VALUE;
        public Integer second = Integer.MIN_VALUE;
    }

    /** The two largest values with their rank. */
    @DataTypeHint("ROW<v INT, `rank` INT>")
    public static class Top2 extends TableAggregateFunction<Row, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            if (value > acc.first) {
                acc.second = acc.first;
                acc.first = value;
            } else if (value > acc.second) {
                acc.second = value;
            }
        }

        public void emitValue(Top2Accumulator acc, Collector<Row> out) {
            if (acc.first != Integer.MIN_VALUE) {
                out.collect(Row.of(acc.first, 1));
            }
            if (acc.second != Integer.MIN_VALUE) {
                out.collect(Row.of(acc.second, 2));
            }
        }
    }

    /**
     * {@link Top2} with an {@code emitUpdateWithRetract} that emits other rows: over a group window the rows come from
     * {@code emitValue}, once per window, as in Flink.
     */
    @DataTypeHint("ROW<v INT, `rank` INT>")
    public static class Top2WithRetract extends Top2 {
        public void emitUpdateWithRetract(Top2Accumulator acc, RetractableCollector<Row> out) {
            out.collect(Row.of(-1, -1));
        }
    }
}
