package io.sluice.runtime.graph;

import io.sluice.runtime.connector.ChangelogMode;
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
    private ChangelogMode changelogMode = ChangelogMode.insertOnly();

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

    /** The row kinds this node emits (inferred by the planner; insert-only unless set). */
    public ChangelogMode changelogMode() {
        return changelogMode;
    }

    /** Sets the row kinds this node emits; returns this node. */
    public Transformation withChangelogMode(ChangelogMode mode) {
        this.changelogMode = mode;
        return this;
    }

    /**
     * The node where updates first appear on the way to this one: an input-side node that emits
     * updates although none of its inputs does; null when this node emits inserts only.
     */
    public Transformation updateProducer() {
        if (changelogMode.isInsertOnly()) {
            return null;
        }
        for (Transformation in : inputs()) {
            Transformation p = in.updateProducer();
            if (p != null) {
                return p;
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
