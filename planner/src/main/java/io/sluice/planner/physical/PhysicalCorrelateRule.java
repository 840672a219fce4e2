package io.sluice.planner.physical;

import io.sluice.planner.translate.CorrelateTranslator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;

/**
 * A correlate over a table function call becomes a {@link PhysicalCorrelate}; a filter or projection between the
 * correlate and the call is first moved above the correlate (a logical rewrite, converted in turn). Comes after
 * {@link PhysicalUnnestRule}, which takes the correlates over {@code UNNEST}.
 */
final class PhysicalCorrelateRule extends PhysicalConverterRule {
    PhysicalCorrelateRule() {
        super(Correlate.class, "PhysicalCorrelateRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        Correlate correlate = (Correlate) rel;
        RelNode lifted = CorrelateTranslator.liftRightSide(correlate);
        if (lifted != null) {
            return lifted;
        }
        RexCall invocation = CorrelateTranslator.invocation(correlate);
        TableFunctionScan scan = (TableFunctionScan) correlate.getRight();
        return new PhysicalCorrelate(rel.getCluster(), physical(rel), correlate.getLeft(), (RexCall) scan.getCall(),
                invocation, scan.getRowType(), correlate.getRowType(), correlate.getJoinType());
    }
}
