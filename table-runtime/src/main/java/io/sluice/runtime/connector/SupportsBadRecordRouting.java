package io.sluice.runtime.connector;

/**
 * A {@link ScanTableSource} that can hand the records its format cannot decode to a bad-records table
 * ({@link BadRecords}, a Sluice addition) instead of failing or skipping them. Its readers open a
 * {@link BadRecordCollector} and route through it when the job consumes their bad-records side output.
 */
public interface SupportsBadRecordRouting {
    /**
     * Called while the job is planned when the table names a bad-records table: from now on the readers route bad
     * records (when their side output is consumed).
     *
     * @throws io.sluice.table.api.UnsupportedFeatureException when the source's format cannot tell one bad record
     *     from the next (e.g. a corrupt block of an Avro container file)
     */
    void applyBadRecordRouting();
}
