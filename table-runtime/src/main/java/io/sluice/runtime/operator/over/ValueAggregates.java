package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.sort.ColumnComparator;
import io.sluice.runtime.types.LogicalType;
import org.apache.arrow.vector.ValueVector;

/** Frame aggregates whose result is one of the frame's values: MIN, MAX, FIRST_VALUE, LAST_VALUE. */
final class ValueAggregates {
    private ValueAggregates() {
    }

    /**
     * MIN / MAX with a monotonic queue of candidate rows: each row is added and removed at most once,
     * so a whole partition costs linear time whatever the frame.
     */
    static final class MinMax extends FrameAggregate {
        private final ValueVector arg;
        private final ColumnComparator cmp;
        private final int sign;
        private final IntDeque candidates;

        MinMax(ValueVector arg, LogicalType argType, boolean max, ResultColumn out, int rowCount) {
            super(out);
            this.arg = arg;
            this.cmp = ColumnComparator.forType(argType);
            this.cmp.bind(arg, arg);
            this.sign = max ? -1 : 1;
            this.candidates = new IntDeque(rowCount);
        }

        @Override
        void reset() {
            candidates.clear();
        }

        @Override
        void add(int row) {
            if (arg.isNull(row)) {
                return;
            }
            // Drop candidates that can no longer be the result: this row is at least as good and lives longer.
            while (!candidates.isEmpty() && sign * cmp.compare(candidates.last(), row) >= 0) {
                candidates.removeLast();
            }
            candidates.addLast(row);
        }

        @Override
        void retract(int row) {
            if (!candidates.isEmpty() && candidates.first() == row) {
                candidates.removeFirst();
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            if (candidates.isEmpty()) {
                out.setNull(outRow);
            } else {
                out.copy(arg, candidates.first(), outRow);
            }
        }
    }

    /** FIRST_VALUE / LAST_VALUE of the non-null values in the frame (as Flink's aggregates ignore NULL). */
    static final class FirstLast extends FrameAggregate {
        private final ValueVector arg;
        private final boolean last;
        private final IntDeque rows;

        FirstLast(ValueVector arg, boolean last, ResultColumn out, int rowCount) {
            super(out);
            this.arg = arg;
            this.last = last;
            this.rows = new IntDeque(rowCount);
        }

        @Override
        void reset() {
            rows.clear();
        }

        @Override
        void add(int row) {
            if (!arg.isNull(row)) {
                rows.addLast(row);
            }
        }

        @Override
        void retract(int row) {
            if (!rows.isEmpty() && rows.first() == row) {
                rows.removeFirst();
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            if (rows.isEmpty()) {
                out.setNull(outRow);
            } else {
                out.copy(arg, last ? rows.last() : rows.first(), outRow);
            }
        }
    }

    /** A queue of ints with removal at both ends; holds at most {@code capacity} adds between clears. */
    static final class IntDeque {
        private final int[] items;
        private int head;
        private int tail;

        IntDeque(int capacity) {
            items = new int[Math.max(capacity, 1)];
        }

        void clear() {
            head = 0;
            tail = 0;
        }

        boolean isEmpty() {
            return head == tail;
        }

        int first() {
            return items[head];
        }

        int last() {
            return items[tail - 1];
        }

        void addLast(int v) {
            items[tail++] = v;
        }

        void removeFirst() {
            head++;
        }

        void removeLast() {
            tail--;
        }
    }
}
