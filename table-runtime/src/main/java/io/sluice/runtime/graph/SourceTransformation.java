package io.sluice.runtime.graph;

import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.types.RowType;
import java.util.List;

/** Reads a table source; produces the projected physical columns. */
public final class SourceTransformation extends Transformation {
    private final ScanTableSource source;
    private final int[] projectedFields;

    public SourceTransformation(String name, ScanTableSource source, int[] projectedFields, RowType outputType) {
        super(name, outputType);
        this.source = source;
        this.projectedFields = projectedFields;
    }

    public ScanTableSource source() {
        return source;
    }

    public int[] projectedFields() {
        return projectedFields;
    }

    @Override
    public List<Transformation> inputs() {
        return List.of();
    }
}
