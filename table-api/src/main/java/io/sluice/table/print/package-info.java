/**
 * Rendering of query results for people and for tools: Flink's boxed tableau ({@link io.sluice.table.print.TableauPrinter}),
 * CSV, TSV and JSON lines. {@link io.sluice.table.print.ResultPrinter#forFormat} picks one by name; it serves both
 * {@code TableResult.print()} and the SQL shell. Values are rendered with
 * {@link io.sluice.runtime.data.ValueFormatter}, so every format shows a value the same way Flink does.
 */
package io.sluice.table.print;
