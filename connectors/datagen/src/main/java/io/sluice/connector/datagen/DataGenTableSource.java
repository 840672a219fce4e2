package io.sluice.connector.datagen;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import java.util.List;

/**
 * A source generating rows in memory. It is bounded when {@code number-of-rows} is set or a column is
 * a sequence (it then ends with the first sequence that runs out, as in Flink); otherwise endless.
 * Parallel readers share the rate, the row count and each sequence without overlap: reader {@code i}
 * of {@code p} emits the values {@code start + i, start + i + p, ...}.
 *
 * <p><b>Streaming semantics.</b> Insert-only; no watermarks (declare one with {@code WATERMARK FOR} on a
 * timestamp column). The only state is each reader's emitted-row count, checkpointed through
 * {@link io.sluice.runtime.connector.SourceReader#snapshotPosition()}: a restored job continues its
 * sequences without gaps or repeats.
 */
public final class DataGenTableSource implements ScanTableSource, io.sluice.runtime.connector.ParallelismProvider {
    private final List<FieldSpec> fields;
    private final long rowsPerSecond;
    private final Long numberOfRows;
    private final Integer parallelism;

    /**
     * @param fields one spec per physical column, in column order
     * @param rowsPerSecond rate of the whole source
     * @param numberOfRows total rows, or null for no limit
     */
    public DataGenTableSource(List<FieldSpec> fields, long rowsPerSecond, Long numberOfRows) {
        this(fields, rowsPerSecond, numberOfRows, null);
    }

    /** As {@link #DataGenTableSource(List, long, Long)} with {@code 'scan.parallelism'} (null: the job's). */
    public DataGenTableSource(List<FieldSpec> fields, long rowsPerSecond, Long numberOfRows, Integer parallelism) {
        this.fields = List.copyOf(fields);
        this.rowsPerSecond = rowsPerSecond;
        this.numberOfRows = numberOfRows;
        this.parallelism = parallelism;
    }

    @Override
    public java.util.Optional<Integer> getParallelism() {
        return java.util.Optional.ofNullable(parallelism);
    }

    /** The column specs, in physical column order. */
    public List<FieldSpec> fields() {
        return fields;
    }

    @Override
    public boolean isBounded() {
        if (numberOfRows != null) {
            return true;
        }
        for (FieldSpec f : fields) {
            if (f.kind() == GeneratorKind.SEQUENCE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DataGenSourceReader createReader(ReaderContext context) {
        return createReader(context, System::nanoTime);
    }

    /** A reader paced by {@code nanoClock} (tests pass a manual clock). */
    DataGenSourceReader createReader(ReaderContext context, java.util.function.LongSupplier nanoClock) {
        return new DataGenSourceReader(fields, rowsPerSecond, numberOfRows, context, nanoClock);
    }

    @Override
    public String describe() {
        return "datagen(rows-per-second=" + rowsPerSecond
                + (numberOfRows == null ? "" : ", number-of-rows=" + numberOfRows) + ")";
    }

    /** The rate is left out: a savepoint taken at one rate restores at another, as in Flink. */
    @Override
    public String describeState() {
        return "datagen(" + (numberOfRows == null ? "" : "number-of-rows=" + numberOfRows) + ")";
    }
}
