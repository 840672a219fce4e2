package io.sluice.cli;

import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current content of a changing query result, as the shell's {@code table} mode shows it: {@code +I} and
 * {@code +U} rows are appended, {@code -U} and {@code -D} rows remove the most recent equal row (all fields equal,
 * the row kind ignored). Rows keep their arrival order. Beyond {@code maxRows} rows the oldest are dropped, as
 * Flink's {@code sql-client.execution.max-table-result.rows} does. Thread-safe: one thread applies changes while
 * another takes snapshots.
 */
final class MaterializedResult {
    private final int maxRows;
    private final List<Object[]> rows = new ArrayList<>();
    private long changes;
    private long dropped;

    MaterializedResult(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** Applies one change. */
    synchronized void apply(Row change) {
        changes++;
        Object[] fields = fields(change);
        RowKind kind = change.getKind();
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
            if (rows.size() == maxRows) {
                rows.remove(0);
                dropped++;
            }
            rows.add(fields);
            return;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (Arrays.deepEquals(rows.get(i), fields)) {
                rows.remove(i);
                return;
            }
        }
        // a retraction of a row that was dropped for size (or never seen) changes nothing
    }

    /** Number of rows now in the result. */
    synchronized int size() {
        return rows.size();
    }

    /** Number of changes applied so far. */
    synchronized long changes() {
        return changes;
    }

    /** Number of rows dropped because the result exceeded its row limit. */
    synchronized long dropped() {
        return dropped;
    }

    /** A copy of up to {@code count} rows starting at {@code from} (fields only). */
    synchronized List<Object[]> rows(int from, int count) {
        int start = Math.max(0, Math.min(from, rows.size()));
        int end = Math.min(rows.size(), start + Math.max(0, count));
        return new ArrayList<>(rows.subList(start, end));
    }

    private static Object[] fields(Row row) {
        Object[] fields = new Object[row.getArity()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = row.getField(i);
        }
        return fields;
    }
}
