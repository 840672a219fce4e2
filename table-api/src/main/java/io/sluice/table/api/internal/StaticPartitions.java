package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code PARTITION (k = 'v', ...)} clause of an INSERT: checks it against the target table with Flink's
 * messages and tells which columns the query supplies.
 */
final class StaticPartitions {
    private StaticPartitions() {
    }

    /**
     * @throws ValidationException for a column the table does not have, a column that is not a partition key, or
     *     a static column also named in the target column list
     */
    static void check(CatalogTable table, ObjectIdentifier id, Map<String, String> partitions, List<String> columns) {
        List<String> physical = table.physicalRowType().names();
        for (String k : partitions.keySet()) {
            if (!physical.contains(k)) {
                throw new ValidationException("Unknown target column '" + k + "' in the PARTITION clause of the INSERT"
                        + " into " + id + "." + NameSuggestions.didYouMean(k, table.partitionKeys()));
            }
            if (!table.partitionKeys().contains(k)) {
                throw new ValidationException("Static partition column '" + k + "' should be in the partition keys"
                        + " list " + table.partitionKeys() + " for table '" + id + "'.");
            }
            if (columns != null && columns.contains(k)) {
                throw new ValidationException("Target column '" + k + "' is assigned more than once.");
            }
        }
    }

    /** The target columns the query supplies: {@code all} without the static partition columns. */
    static List<String> remainingColumns(List<String> all, Map<String, String> partitions) {
        if (partitions.isEmpty()) {
            return all;
        }
        List<String> result = new ArrayList<>();
        for (String c : all) {
            if (!partitions.containsKey(c)) {
                result.add(c);
            }
        }
        return result;
    }
}
