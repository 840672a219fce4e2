package io.sluice.benchmarks.memory;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide registry of in-memory datasets that {@code 'bench-memory'} tables read by name
 * ({@code 'dataset' = 'name'}). The registrant keeps ownership of the batches and must
 * {@link #unregister} before closing them.
 */
public final class MemoryDatasets {
    /** A registered dataset: its row type and its batches (read-only for readers). */
    public record Dataset(RowType type, List<RowBatch> batches) {
    }

    private static final Map<String, Dataset> DATASETS = new ConcurrentHashMap<>();

    private MemoryDatasets() {
    }

    /** Makes {@code batches} readable as dataset {@code name}; replaces an earlier one of that name. */
    public static void register(String name, RowType type, List<RowBatch> batches) {
        DATASETS.put(name, new Dataset(type, List.copyOf(batches)));
    }

    public static void unregister(String name) {
        DATASETS.remove(name);
    }

    /** The dataset registered as {@code name}; fails with a ValidationException naming the table if none. */
    static Dataset get(String name, String tableName) {
        Dataset d = DATASETS.get(name);
        if (d == null) {
            throw new ValidationException("Table " + tableName + ": no in-memory dataset named '" + name
                    + "' is registered (MemoryDatasets.register)");
        }
        return d;
    }
}
