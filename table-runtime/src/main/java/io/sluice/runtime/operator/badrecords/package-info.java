/**
 * Bad records to a table (a Sluice addition): the operator that labels the records a source could not decode with
 * the source table's name ({@link io.sluice.runtime.operator.badrecords.BadRecordsOperator}); the records come from
 * the source's {@link io.sluice.runtime.connector.BadRecords#SIDE_OUTPUT side output}, filled through a
 * {@link io.sluice.runtime.connector.BadRecordCollector}.
 */
package io.sluice.runtime.operator.badrecords;
