package io.sluice.runtime.operator.sort;

import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares row {@code i} of one vector set with row {@code j} of another (or the same) by a list of
 * {@link SortKey}s. {@link #bind} the two vector sets once, then call {@link #compare} as often as
 * needed; the per-column work is done by typed {@link ColumnComparator}s.
 *
 * <p>Not thread-safe: a comparator holds the vectors it is bound to.
 */
public final class RowComparator {
    private final int[] fields;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;
    private final ColumnComparator[] columns;

    /** A comparator over rows of {@code type} by {@code keys}. */
    public RowComparator(RowType type, SortKey[] keys) {
        int n = keys.length;
        fields = new int[n];
        ascending = new boolean[n];
        nullsFirst = new boolean[n];
        columns = new ColumnComparator[n];
        for (int k = 0; k < n; k++) {
            fields[k] = keys[k].field();
            ascending[k] = keys[k].ascending();
            nullsFirst[k] = keys[k].nullsFirst();
            columns[k] = ColumnComparator.forType(type.type(fields[k]));
        }
    }

    /** Number of keys; a comparator with no keys finds all rows equal. */
    public int keyCount() {
        return fields.length;
    }

    /** Binds the vector sets read by {@link #compare}: {@code left} for its first row, {@code right} for its second. */
    public void bind(List<FieldVector> left, List<FieldVector> right) {
        for (int k = 0; k < fields.length; k++) {
            columns[k].bind(left.get(fields[k]), right.get(fields[k]));
        }
    }

    /** Binds both sides to the same vector set, for comparing rows within it. */
    public void bind(List<FieldVector> vectors) {
        bind(vectors, vectors);
    }

    /** Negative, zero or positive as left row {@code i} sorts before, with or after right row {@code j}. */
    public int compare(int i, int j) {
        for (int k = 0; k < columns.length; k++) {
            ColumnComparator c = columns[k];
            boolean ln = c.leftNull(i);
            boolean rn = c.rightNull(j);
            int r;
            if (ln || rn) {
                if (ln && rn) {
                    continue;
                }
                r = ln == nullsFirst[k] ? -1 : 1;
            } else {
                r = c.compare(i, j);
                if (!ascending[k]) {
                    r = -r;
                }
            }
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
}
