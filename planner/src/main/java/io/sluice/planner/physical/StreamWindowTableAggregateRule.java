package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;

/**
 * Streaming: a table aggregate call grouped by a window table function's {@code window_start} and
 * {@code window_end} becomes a {@link StreamPhysicalWindowTableAggregate} (tried before
 * {@link PhysicalGroupTableAggregateRule}).
 */
final class StreamWindowTableAggregateRule extends PhysicalConverterRule {
    StreamWindowTableAggregateRule() {
        super(TableFunctionScan.class, (TableFunctionScan scan) ->
                StreamPhysicalWindowTableAggregate.windowEndGroupField(scan) >= 0,
                "StreamPhysicalWindowTableAggregateRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableFunctionScan scan = (TableFunctionScan) rel;
        return new StreamPhysicalWindowTableAggregate(rel.getCluster(), physical(rel), scan.getInputs(),
                scan.getCall(), scan.getElementType(), rel.getRowType(), scan.getColumnMappings());
    }
}
