package io.sluice.planner.physical;

import io.sluice.planner.translate.IntervalJoinTranslator;
import io.sluice.planner.translate.WindowJoinTranslator;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;

/** The rules that turn a logical join into its physical node, most specific first. */
final class JoinRules {
    private JoinRules() {
    }

    /** Streaming, equating both inputs' window start and end: a {@link StreamPhysicalWindowJoin}. */
    static final class StreamWindowJoinRule extends PhysicalConverterRule {
        StreamWindowJoinRule() {
            super(Join.class, "StreamPhysicalWindowJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Join join = (Join) rel;
            return !WindowJoinTranslator.isWindowJoin(join) ? null : new StreamPhysicalWindowJoin(rel.getCluster(),
                    physical(rel), join.getLeft(), join.getRight(), join.getCondition(), join.getJoinType());
        }
    }

    /** Streaming, bounding the inputs' time attributes against each other: a {@link StreamPhysicalIntervalJoin}. */
    static final class StreamIntervalJoinRule extends PhysicalConverterRule {
        StreamIntervalJoinRule() {
            super(Join.class, "StreamPhysicalIntervalJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Join join = (Join) rel;
            return !IntervalJoinTranslator.isIntervalJoin(join) ? null : new StreamPhysicalIntervalJoin(
                    rel.getCluster(), physical(rel), join.getLeft(), join.getRight(), join.getCondition(),
                    join.getJoinType());
        }
    }

    /** Streaming: a {@link StreamPhysicalJoin}, which needs at least one equi-join key. */
    static final class StreamJoinRule extends PhysicalConverterRule {
        StreamJoinRule() {
            super(Join.class, "StreamPhysicalJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Join join = (Join) rel;
            PhysicalJoin.runtimeJoinType(join.getJoinType());
            if (PhysicalJoin.keys(join).isEmpty()) {
                throw new UnsupportedFeatureException("a join without an equality condition in streaming mode (a"
                        + " regular streaming join needs at least one equi-join key): " + join.getCondition());
            }
            return new StreamPhysicalJoin(rel.getCluster(), physical(rel), join.getLeft(), join.getRight(),
                    join.getCondition(), join.getJoinType());
        }
    }

    /** Batch: a {@link BatchPhysicalHashJoin} on the equi-join keys, or a {@link BatchPhysicalNestedLoopJoin}. */
    static final class BatchJoinRule extends PhysicalConverterRule {
        BatchJoinRule() {
            super(Join.class, "BatchPhysicalJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Join join = (Join) rel;
            PhysicalJoin.runtimeJoinType(join.getJoinType());
            return PhysicalJoin.keys(join).isEmpty()
                    ? new BatchPhysicalNestedLoopJoin(rel.getCluster(), physical(rel), join.getLeft(),
                            join.getRight(), join.getCondition(), join.getJoinType())
                    : new BatchPhysicalHashJoin(rel.getCluster(), physical(rel), join.getLeft(), join.getRight(),
                            join.getCondition(), join.getJoinType());
        }
    }
}
