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
    private InputPartitioning[] partitioning;

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

    /** How input {@code input}'s rows are distributed over this node's parallel instances. */
    public InputPartitioning inputPartitioning(int input) {
        return partitioning == null || partitioning[input] == null ? InputPartitioning.forward() : partitioning[input];
    }

    /** Sets how input {@code input} is distributed; returns this node. */
    public Transformation withInputPartitioning(int input, InputPartitioning p) {
        if (partitioning == null) {
            partitioning = new InputPartitioning[inputs().size()];
        }
        partitioning[input] = p;
        return this;
    }

    /** True when this node must run as a single instance (some input is {@link InputPartitioning.Kind#SINGLE}). */
    public boolean isSingleInstance() {
        for (int i = 0; i < inputs().size(); i++) {
            if (inputPartitioning(i).kind() == InputPartitioning.Kind.SINGLE) {
                return true;
            }
        }
        return false;
    }

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
