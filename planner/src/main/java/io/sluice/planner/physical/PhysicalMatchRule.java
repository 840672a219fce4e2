package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Match;

/** {@code MATCH_RECOGNIZE} (Calcite's {@link Match}) becomes a {@link PhysicalMatch} (in both modes). */
final class PhysicalMatchRule extends PhysicalConverterRule {
    PhysicalMatchRule() {
        super(Match.class, "PhysicalMatchRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        return PhysicalMatch.of((Match) rel, physical(rel));
    }
}
