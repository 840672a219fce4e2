package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A node of Sluice's physical plan. It answers, for itself, every question the planner asks about an operator,
 * so adding an operator means adding a node, its rule in {@link PhysicalRules} and its runtime operator:
 * <ul>
 *   <li>{@link #outputChangelogMode}: the row kinds it emits, given the row kinds its inputs emit;</li>
 *   <li>{@link #insertOnlyInputRequired}: whether an input must be insert-only (the changelog pass fails the plan
 *       with "not supported yet" otherwise);</li>
 *   <li>{@link #requiredDistribution}: how each input's rows are spread over its parallel instances;</li>
 *   <li>{@link #canDropUpdateBefore}, {@link #isProjectionOnly}: what update-before elimination may do with it;</li>
 *   <li>{@link #isStateful}: whether its operator keeps state (and so has a state identity in checkpoints);</li>
 *   <li>{@link #translateToPlan}: the runtime transformation, named by its EXPLAIN text ({@link ExplainText}).</li>
 * </ul>
 * Nodes are immutable; the planner calls these methods after the whole plan was converted, from one thread.
 */
public interface PhysicalRel extends RelNode {
    /** Sluice's physical calling convention. */
    Convention SLUICE = new Convention.Impl("SLUICE", PhysicalRel.class);

    /**
     * The row kinds this node emits when its inputs emit {@code inputModes} (in input order). The default is a
     * stateless node's: it passes on what its inputs emit.
     */
    default ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        ChangelogMode mode = ChangelogMode.insertOnly();
        for (ChangelogMode in : inputModes) {
            mode = mode.union(in);
        }
        return mode;
    }

    /**
     * In streaming mode: null when input {@code input} may emit updates and deletions, otherwise the feature the
     * node implements, for the error "not supported yet: <feature> over an updating input".
     */
    default String insertOnlyInputRequired(int input) {
        return null;
    }

    /** How the rows of input {@code input} are distributed over this node's parallel instances. */
    default InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.forward();
    }

    /**
     * Whether the node can leave out the {@code -U} rows it emits when its consumer does not need them (an upsert
     * sink): its operator implements {@code UpdateBeforeOptional}.
     */
    default boolean canDropUpdateBefore() {
        return false;
    }

    /**
     * Whether the node only computes columns from each row, one output row per input row (no filter): update-before
     * elimination may look through it to the node producing the updates.
     */
    default boolean isProjectionOnly() {
        return false;
    }

    /** Whether the node's operator keeps state between batches (and takes part in checkpoints). */
    default boolean isStateful() {
        return false;
    }

    /**
     * An equivalent subplan of physical nodes to run instead of this node, decided once the options and the
     * changelog modes of its inputs are known (a GROUP BY becomes local and global aggregates under
     * {@code table.optimizer.agg-phase-strategy}); the default is the node itself. The subplan's inputs are this
     * node's inputs; it is expanded again until a node returns itself.
     */
    default RelNode expand(TranslationContext context) {
        return this;
    }

    /**
     * The runtime transformation of this node over {@code inputs} (the transformations of its inputs, in order).
     * The caller sets the input distributions and the changelog mode; a node that needs no operator (an identity
     * projection) returns its input's transformation.
     */
    Transformation translateToPlan(TranslationContext context, List<Transformation> inputs);
}
