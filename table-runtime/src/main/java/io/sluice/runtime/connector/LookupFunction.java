package io.sluice.runtime.connector;

import java.util.List;

/**
 * Looks up rows of a {@link LookupTableSource} by key, many keys per call. Called from one task thread:
 * {@link #open}, then {@link #lookup} any number of times, then {@link #close} (also after failures).
 * Values are external Java values as {@link io.sluice.runtime.data.VectorValues} reads and writes them.
 */
public interface LookupFunction extends AutoCloseable {
    void open() throws Exception;

    /**
     * The rows whose key columns equal each key: element {@code i} of the result holds the full physical rows
     * (in the table's column order) matching {@code keys.get(i)}, empty when none does. A key holding a null
     * matches nothing.
     */
    List<List<Object[]>> lookup(List<Object[]> keys) throws Exception;

    @Override
    void close() throws Exception;
}
