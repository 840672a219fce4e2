package io.sluice.table.api.bridge.internal;

import io.sluice.runtime.types.RowType;

/**
 * Where the scanned columns of a converted stream come from: {@code fieldOfColumn[c]} is the record field of source
 * column {@code c} (physical columns, then metadata columns; -1 for the {@code rowtime} metadata column at
 * {@code rowtimeColumn}), {@code projection} the source columns the scan produces as {@code producedType}.
 */
record ScanLayout(StreamColumns columns, int[] fieldOfColumn, int rowtimeColumn, int[] projection,
        RowType producedType, boolean changelog) {

    /** The value of source column {@code column} of {@code record} (the {@code n}-th record, for errors). */
    Object value(Object record, int column, long n) {
        try {
            return columns.field(record, fieldOfColumn[column]);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read field '" + columns.names().get(fieldOfColumn[column])
                    + "' of record " + n + " of the stream (" + record + "): " + e.getMessage(), e);
        }
    }
}
