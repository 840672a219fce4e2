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
    private String uid;
    private int parallelism = -1;
    private int maxParallelism = -1;

    protected Transformation(String name, RowType outputType) {
        this.name = name;
        this.outputType = outputType;
    }

    /** Readable name, used in EXPLAIN, errors and allocator names. */
    public String name() {
        return name;
    }

    /**
     * The identity of this node's state in checkpoints and savepoints when set explicitly (Flink's
     * {@code uid}); null when it is derived from the plan ({@link JobGraph#stateIds}).
     */
    public String uid() {
        return uid;
    }

    /** Sets this node's state identity, which must be unique in its job; returns this node. */
    public Transformation setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("a uid must not be empty");
        }
        this.uid = uid;
        return this;
    }

    /**
     * The number of parallel instances this node runs with when set explicitly (the DataStream API's
     * {@code setParallelism}); -1 when the job's parallelism and the node's inputs decide it.
     */
    public int parallelism() {
        return parallelism;
    }

    /** Sets this node's number of parallel instances (at least 1); returns this node. */
    public Transformation setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("a parallelism must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    /**
     * The number of key groups this node's keyed state and its key-group inputs use when set explicitly (the
     * DataStream API's {@code setMaxParallelism}); -1 for the job's {@code pipeline.max-parallelism}.
     */
    public int maxParallelism() {
        return maxParallelism;
    }

    /** Sets this node's number of key groups (at least 1); returns this node. */
    public Transformation setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1) {
            throw new IllegalArgumentException("a max parallelism must be at least 1, not " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    /**
     * The kind of node its name starts with, in lower case with dashes: {@code GroupAggregate(...)} is
     * {@code group-aggregate}, {@code TableSourceScan(...)} is {@code table-source-scan}. Part of a derived
     * state identity, so rewording the rest of a name (EXPLAIN attributes) keeps savepoints restorable.
     */
    public String kind() {
        StringBuilder kind = new StringBuilder();
        for (int i = 0; i < name.length() && Character.isLetterOrDigit(name.charAt(i)); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                kind.append('-');
            }
            kind.append(Character.toLowerCase(c));
        }
        return kind.length() == 0 ? "node" : kind.toString();
    }

    /**
     * What this node's state looks like, for deciding whether state saved by another version of the job fits it:
     * its input and output row types and how its inputs are partitioned (a source: what it reads). Independent of
     * the node's printed name, so rewording EXPLAIN, or an explicit uid on a renamed node, changes nothing; the
     * node's kind is part of its derived identity instead ({@link JobGraph#stateIds}).
     */
    public String stateSchema() {
        if (this instanceof SourceTransformation s) {
            return "reading " + s.source().describeState();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs().size(); i++) {
            sb.append("in").append(i).append('=').append(inputs().get(i).outputType())
                    .append(' ').append(inputPartitioning(i)).append(' ');
        }
        return sb.append("out=").append(outputType).toString();
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
