/**
 * How the DataStream bridge runs: a converted stream is a table source planned as a transformation that reads the
 * stream's operators ({@code RecordsToTableOperator}); a converted table is a DataStream source whose transformation
 * is the planned table followed by {@code TableToRecordsOperator}. Both sit in one runtime job graph.
 */
package io.sluice.table.api.bridge.internal;
