/** Tests of {@code WindowGroupedTable.aggregate} and {@code flatAggregate}: Flink's documented examples. */
package io.sluice.table.api.windowagg;
