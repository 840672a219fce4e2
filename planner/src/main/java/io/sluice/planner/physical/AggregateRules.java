package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowColumns;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;

/** The rules that turn a logical aggregate (after {@link AggregateRewriteRule}) into its physical node. */
final class AggregateRules {
    private AggregateRules() {
    }

    /** Streaming, grouped by a window's start and end: a {@link StreamPhysicalWindowAggregate}. */
    static final class StreamWindowAggregateRule extends ConverterRule {
        StreamWindowAggregateRule() {
            super(Config.INSTANCE.withConversion(Aggregate.class, Convention.NONE, PhysicalRel.SLUICE,
                    "StreamPhysicalWindowAggregateRule"));
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            int windowEnd = WindowColumns.windowEndGroupField(agg);
            if (windowEnd < 0) {
                return null;
            }
            return new StreamPhysicalWindowAggregate(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList(), windowEnd,
                    WindowColumns.paneConstantGroupFields(agg));
        }
    }

    /** Streaming: a {@link StreamPhysicalGroupAggregate}. */
    static final class StreamGroupAggregateRule extends ConverterRule {
        StreamGroupAggregateRule() {
            super(Config.INSTANCE.withConversion(Aggregate.class, Convention.NONE, PhysicalRel.SLUICE,
                    "StreamPhysicalGroupAggregateRule"));
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            return new StreamPhysicalGroupAggregate(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList());
        }
    }

    /** Batch: a {@link BatchPhysicalHashAggregate}. */
    static final class BatchHashAggregateRule extends ConverterRule {
        BatchHashAggregateRule() {
            super(Config.INSTANCE.withConversion(Aggregate.class, Convention.NONE, PhysicalRel.SLUICE,
                    "BatchPhysicalHashAggregateRule"));
        }

        @Override
        public RelNode convert(RelNode rel) {
            Aggregate agg = (Aggregate) rel;
            return new BatchPhysicalHashAggregate(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE),
                    agg.getInput(), agg.getGroupSet(), agg.getAggCallList());
        }
    }
}
