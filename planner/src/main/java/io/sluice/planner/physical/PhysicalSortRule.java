package io.sluice.planner.physical;

import io.sluice.planner.translate.TimeAttributes;
import io.sluice.runtime.operator.rank.RankType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * A logical sort becomes: without an order, a {@link PhysicalLimit}; in batch mode a {@link BatchPhysicalSort}; on
 * a stream, as Flink plans it, with a {@code LIMIT} a global Top-N ({@link StreamPhysicalRank}), without one a
 * {@link StreamPhysicalTemporalSort} when the first key is an ascending rowtime or proctime attribute.
 */
final class PhysicalSortRule extends PhysicalConverterRule {
    private final boolean streaming;

    PhysicalSortRule(boolean streaming) {
        super(Sort.class, streaming ? "StreamPhysicalSortRule" : "BatchPhysicalSortRule");
        this.streaming = streaming;
    }

    @Override
    public RelNode convert(RelNode rel) {
        Sort sort = (Sort) rel;
        RelTraitSet traits = physical(rel);
        RelNode input = sort.getInput();
        long offset = sort.offset == null ? 0 : literalLong(sort.offset);
        long fetch = sort.fetch == null ? -1 : literalLong(sort.fetch);
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (collations.isEmpty()) {
            return new PhysicalLimit(rel.getCluster(), traits, input, offset, fetch);
        }
        if (!streaming) {
            return new BatchPhysicalSort(rel.getCluster(), traits, input, sort.getCollation(), sort.offset,
                    sort.fetch, offset, fetch);
        }
        if (fetch >= 0) {
            if (fetch == 0) {
                throw new UnsupportedFeatureException("LIMIT 0 on a stream");
            }
            return new StreamPhysicalRank(rel.getCluster(), traits, input, rel.getRowType(), new int[0], collations,
                    RankType.ROW_NUMBER, offset + 1, offset + fetch, false, true);
        }
        RelFieldCollation first = collations.get(0);
        if (offset == 0 && first.getDirection() == RelFieldCollation.Direction.ASCENDING) {
            if (TimeAttributes.isRowtime(input, first.getFieldIndex())) {
                return new StreamPhysicalTemporalSort(rel.getCluster(), traits, input, sort.getCollation(), true);
            }
            if (TimeAttributes.isProctime(input, first.getFieldIndex())) {
                return new StreamPhysicalTemporalSort(rel.getCluster(), traits, input, sort.getCollation(), false);
            }
        }
        throw new TableException("Sort on a non-time-attribute field is not supported."
                + " ORDER BY in streaming mode needs an ascending time attribute (rowtime or proctime) as its first key,"
                + " or a LIMIT. Use SET 'execution.runtime-mode' = 'batch' to sort a bounded input.");
    }

    private static long literalLong(RexNode node) {
        if (node instanceof RexLiteral) {
            Long v = ((RexLiteral) node).getValueAs(Long.class);
            if (v != null) {
                return v;
            }
        }
        throw new UnsupportedFeatureException("a non-literal LIMIT or OFFSET: " + node);
    }
}
