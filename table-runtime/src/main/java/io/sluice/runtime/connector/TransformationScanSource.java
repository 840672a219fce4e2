package io.sluice.runtime.connector;

import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.RowType;

/**
 * A table source whose rows come from other transformations of the same job instead of a reader, such as a
 * DataStream converted into a table: the planner asks it for the transformation that produces the scan's columns
 * and puts that into the job graph where a scan would read. {@link #createReader} is never called.
 */
public interface TransformationScanSource extends ScanTableSource {
    /**
     * The transformation producing {@code producedType}: the columns {@code projectedFields} of the table's source
     * row type (physical columns, then metadata columns), in that order, with the row kinds of
     * {@link #getChangelogMode()}. Watermarks it emits are the table's source watermarks.
     *
     * @param name the scan's name for EXPLAIN and errors
     */
    Transformation produce(String name, int[] projectedFields, RowType producedType);

    @Override
    default SourceReader createReader(ReaderContext context) {
        throw new IllegalStateException("a transformation source has no reader: " + describe());
    }
}
