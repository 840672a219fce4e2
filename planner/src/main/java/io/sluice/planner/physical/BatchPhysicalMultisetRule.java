package io.sluice.planner.physical;

import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;

/** {@code INTERSECT ALL} / {@code EXCEPT ALL} of two inputs become a {@link BatchPhysicalMultiset} (batch only). */
final class BatchPhysicalMultisetRule extends ConverterRule {
    private final boolean streaming;

    BatchPhysicalMultisetRule(boolean streaming) {
        super(Config.INSTANCE.withConversion(SetOp.class, (SetOp s) -> s instanceof Intersect || s instanceof Minus,
                Convention.NONE, PhysicalRel.SLUICE, streaming ? "StreamMultisetRule" : "BatchPhysicalMultisetRule"));
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
            throw new UnsupportedFeatureException(what + " in streaming mode");
        }
        return new BatchPhysicalMultiset(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE),
                setOp.getInputs(), setOp.kind);
    }
}
