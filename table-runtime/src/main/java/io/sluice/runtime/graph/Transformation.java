package io.sluice.runtime.graph;

import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * A node of a job graph: what to run, its inputs, and the row type it produces. The planner builds
 * these from a physical plan; {@code io.sluice.runtime.execution.LocalExecutor} instantiates and runs
 * them. A transformation consumed by several others has its batches shared with each.
 */
public abstract class Transformation {
    private final String name;
    private final RowType outputType;

    protected Transformation(String name, RowType outputType) {
        this.name = name;
        this.outputType = outputType;
    }

    /** Readable name, used in EXPLAIN, errors and allocator names. */
    public String name() {
        return name;
    }

    public RowType outputType() {
        return outputType;
    }

    public abstract List<Transformation> inputs();

    @Override
    public String toString() {
        return name;
    }
}
