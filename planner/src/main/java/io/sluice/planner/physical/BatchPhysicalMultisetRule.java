package io.sluice.planner.physical;

import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;

/**
 * {@code INTERSECT ALL} / {@code EXCEPT ALL} of two inputs become a {@link BatchPhysicalMultiset} (batch mode) or a
 * {@link StreamPhysicalMultiset} (streaming mode).
 */
final class BatchPhysicalMultisetRule extends PhysicalConverterRule {
    private final boolean streaming;

    BatchPhysicalMultisetRule(boolean streaming) {
        super(SetOp.class, (SetOp s) -> s instanceof Intersect || s instanceof Minus,
                streaming ? "StreamMultisetRule" : "BatchPhysicalMultisetRule");
        this.streaming = streaming;
    }

    @Override
    public RelNode convert(RelNode rel) {
        SetOp setOp = (SetOp) rel;
        String what = setOp instanceof Intersect ? "INTERSECT ALL" : "EXCEPT ALL";
        if (!setOp.all || setOp.getInputs().size() != 2) {
            throw new UnsupportedFeatureException(what + " over " + setOp.getInputs().size() + " inputs");
        }
        if (streaming) {
            return new StreamPhysicalMultiset(rel.getCluster(), physical(rel), setOp.getInputs(), setOp.kind);
        }
        return new BatchPhysicalMultiset(rel.getCluster(), physical(rel),
                setOp.getInputs(), setOp.kind);
    }
}
