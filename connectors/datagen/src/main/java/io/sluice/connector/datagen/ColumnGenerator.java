package io.sluice.connector.datagen;

import org.apache.arrow.vector.FieldVector;

/**
 * Writes generated values of one column straight into its Arrow vector. Called from the reader's task
 * thread only; implementations keep their scratch buffers and random source between calls.
 */
interface ColumnGenerator {
    /**
     * Sets rows {@code 0 .. rows-1} of {@code vector} (allocated for at least {@code rows} values; the
     * caller sets the value count afterwards).
     *
     * @param firstOrdinal position of row 0 in the table-wide sequence space ({@code 0} is the first
     *     value of every sequence); random generators ignore it
     * @param step distance in the sequence space between consecutive rows (the reader parallelism)
     */
    void fill(FieldVector vector, int rows, long firstOrdinal, int step);
}
