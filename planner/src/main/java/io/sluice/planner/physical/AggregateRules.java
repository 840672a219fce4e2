package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowColumns;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;

/** The rules that turn a logical aggregate (after {@link AggregateRewriteRule}) into its physical node. */
final class AggregateRules {
    private AggregateRules() {
    }

    /**
     * Streaming, grouped by the start, end and partition keys of the SESSION window table function below: a
     * {@link StreamPhysicalSessionWindowAggregate}.
     */
    static final class StreamSessionWindowAggregateRule extends PhysicalConverterRule {
        StreamSessionWindowAggregateRule() {
            super(Aggregate.class, "StreamPhysicalSessionWindowAggregateRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            RelNode input = agg.getInput();
            if (input instanceof org.apache.calcite.plan.hep.HepRelVertex) {
                input = ((org.apache.calcite.plan.hep.HepRelVertex) input).getCurrentRel();
            }
            if (!StreamPhysicalSessionWindowAggregate.applies(agg, input)) {
                return null;
            }
            return new StreamPhysicalSessionWindowAggregate(rel.getCluster(), physical(rel), input,
                    agg.getGroupSet(), agg.getAggCallList());
        }
    }

    /** Streaming, grouped by a window's start and end: a {@link StreamPhysicalWindowAggregate}. */
    static final class StreamWindowAggregateRule extends PhysicalConverterRule {
        StreamWindowAggregateRule() {
            super(Aggregate.class, "StreamPhysicalWindowAggregateRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            int windowEnd = WindowColumns.windowEndGroupField(agg);
            if (windowEnd < 0) {
                return null;
            }
            return new StreamPhysicalWindowAggregate(rel.getCluster(), physical(rel),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList(), windowEnd,
                    WindowColumns.paneConstantGroupFields(agg));
        }
    }

    /** Streaming: a {@link StreamPhysicalGroupAggregate}. */
    static final class StreamGroupAggregateRule extends PhysicalConverterRule {
        StreamGroupAggregateRule() {
            super(Aggregate.class, "StreamPhysicalGroupAggregateRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            return new StreamPhysicalGroupAggregate(rel.getCluster(), physical(rel),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList());
        }
    }

    /** Batch: a {@link BatchPhysicalHashAggregate}. */
    static final class BatchHashAggregateRule extends PhysicalConverterRule {
        BatchHashAggregateRule() {
            super(Aggregate.class, "BatchPhysicalHashAggregateRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            return new BatchPhysicalHashAggregate(rel.getCluster(), physical(rel),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList());
        }
    }
}
