package io.sluice.table.api.bridge;

import io.sluice.api.java.tuple.Tuple2;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import io.sluice.util.Collector;
import java.util.Map;
import java.util.TreeMap;

/** Table aggregate functions of the flatAggregate tests, written as a Flink user writes them. */
public final class TableAggregateUdfs {
    private TableAggregateUdfs() {
    }

    /** The accumulator of {@link Top2}: the two largest values so far. */
    public static class Top2Accumulator {
        public Integer first;
        public Integer second;
    }

    /** Flink's documented example: the two largest values of a group with their rank. */
    public static class Top2 extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            Top2Accumulator acc = new Top2Accumulator();
            acc.first = Integer.MIN_VALUE;
            acc.second = Integer.MIN_VALUE;
            return acc;
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            if (value > acc.first) {
                acc.second = acc.first;
                acc.first = value;
            } else if (value > acc.second) {
                acc.second = value;
            }
        }

        public void merge(Top2Accumulator acc, Iterable<Top2Accumulator> others) {
            for (Top2Accumulator other : others) {
                accumulate(acc, other.first);
                accumulate(acc, other.second);
            }
        }

        public void emitValue(Top2Accumulator acc, Collector<Tuple2<Integer, Integer>> out) {
            if (acc.first != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.first, 1));
            }
            if (acc.second != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.second, 2));
            }
        }
    }

    /** The accumulator of {@link Top2WithRetract}: the two largest values and those last emitted. */
    public static class Top2WithRetractAccumulator {
        public Integer first;
        public Integer second;
        public Integer oldFirst;
        public Integer oldSecond;
    }

    /** Flink's incremental variant: emits only the ranks that changed, retracting their old rows. */
    public static class Top2WithRetract
            extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2WithRetractAccumulator> {
        @Override
        public Top2WithRetractAccumulator createAccumulator() {
            Top2WithRetractAccumulator acc = new Top2WithRetractAccumulator();
            acc.first = Integer.MIN_VALUE;
            acc.second = Integer.MIN_VALUE;
            acc.oldFirst = Integer.MIN_VALUE;
            acc.oldSecond = Integer.MIN_VALUE;
            return acc;
        }

        public void accumulate(Top2WithRetractAccumulator acc, Integer v) {
            if (v > acc.first) {
                acc.second = acc.first;
                acc.first = v;
            } else if (v > acc.second) {
                acc.second = v;
            }
        }

        public void emitValue(Top2WithRetractAccumulator acc, Collector<Tuple2<Integer, Integer>> out) {
            if (acc.first != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.first, 1));
            }
            if (acc.second != Integer.MIN_VALUE) {
                out.collect(Tuple2.of(acc.second, 2));
            }
        }

        public void emitUpdateWithRetract(Top2WithRetractAccumulator acc,
                RetractableCollector<Tuple2<Integer, Integer>> out) {
            if (!acc.first.equals(acc.oldFirst)) {
                if (acc.oldFirst != Integer.MIN_VALUE) {
                    out.retract(Tuple2.of(acc.oldFirst, 1));
                }
                out.collect(Tuple2.of(acc.first, 1));
                acc.oldFirst = acc.first;
            }
            if (!acc.second.equals(acc.oldSecond)) {
                if (acc.oldSecond != Integer.MIN_VALUE) {
                    out.retract(Tuple2.of(acc.oldSecond, 2));
                }
                out.collect(Tuple2.of(acc.second, 2));
                acc.oldSecond = acc.second;
            }
        }
    }

    /** The two largest values, retractable: the accumulator counts every value (usable over updating input). */
    @DataTypeHint("ROW<v BIGINT, `rank` INT>")
    public static class RetractableTop2 extends TableAggregateFunction<Row, TreeMap<Long, Integer>> {
        @Override
        public TreeMap<Long, Integer> createAccumulator() {
            return new TreeMap<>();
        }

        public void accumulate(TreeMap<Long, Integer> acc, Long v) {
            if (v != null) {
                acc.merge(v, 1, Integer::sum);
            }
        }

        public void retract(TreeMap<Long, Integer> acc, Long v) {
            if (v != null && acc.merge(v, -1, Integer::sum) == 0) {
                acc.remove(v);
            }
        }

        public void emitValue(TreeMap<Long, Integer> acc, Collector<Row> out) {
            int rank = 1;
            for (Map.Entry<Long, Integer> e : acc.descendingMap().entrySet()) {
                if (rank > 2) {
                    break;
                }
                out.collect(Row.of(e.getKey(), rank++));
            }
        }
    }

    /** Not a valid table aggregate function: it has no emitValue method. */
    public static class NoEmit extends TableAggregateFunction<Integer, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            acc.first = value;
        }
    }

    /** Emits a String where its declared result column is an INT. */
    @DataTypeHint("INT")
    public static class WrongEmittedType extends TableAggregateFunction<Object, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            acc.first = value;
        }

        public void emitValue(Top2Accumulator acc, Collector<Object> out) {
            out.collect("not a number: " + acc.first);
        }
    }
}
