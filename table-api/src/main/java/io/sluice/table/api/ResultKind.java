package io.sluice.table.api;

/** What a {@link TableResult} holds. */
public enum ResultKind {
    /** The statement succeeded and has no rows to show beyond "OK" (DDL, SET, ...). */
    SUCCESS,
    /** The statement produced rows (queries, SHOW, DESCRIBE, EXPLAIN, INSERT's job id). */
    SUCCESS_WITH_CONTENT
}
