package io.sluice.planner.physical;

import io.sluice.planner.translate.RankRange;
import io.sluice.runtime.operator.rank.RankType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Streaming Top-N and deduplication: a filter bounding the {@code ROW_NUMBER}, {@code RANK} or {@code DENSE_RANK}
 * of an OVER window ({@code WHERE rn <= N}) becomes a {@link StreamPhysicalRank}; the rest of the filter and the
 * projection become a {@link PhysicalCalc} above it (none when it is the identity).
 */
final class StreamRankRule extends PhysicalConverterRule {
    StreamRankRule() {
        super(RelNode.class,
                (RelNode r) -> (r instanceof Calc || r instanceof Filter) && r.getInput(0) instanceof Window,
                "StreamPhysicalRankRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        Window window = (Window) rel.getInput(0);
        List<RexNode> projects = new ArrayList<>();
        RexNode condition;
        if (rel instanceof Calc) {
            RexProgram program = ((Calc) rel).getProgram();
            condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
            program.getProjectList().forEach(p -> projects.add(PhysicalCalcRule.expand(rexBuilder,
                    program.expandLocalRef(p))));
        } else {
            condition = ((Filter) rel).getCondition();
            for (int i = 0; i < window.getRowType().getFieldCount(); i++) {
                projects.add(rexBuilder.makeInputRef(window, i));
            }
        }
        if (condition == null || window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
            return null;
        }
        condition = PhysicalCalcRule.expand(rexBuilder, condition);
        Window.Group group = window.groups.get(0);
        SqlKind function = group.aggCalls.get(0).getOperator().getKind();
        if (function != SqlKind.ROW_NUMBER && function != SqlKind.RANK && function != SqlKind.DENSE_RANK) {
            return null;
        }
        RelNode input = window.getInput();
        int rankField = input.getRowType().getFieldCount();
        RankRange range = RankRange.of(rexBuilder, condition, rankField);
        if (range == null) {
            return null;
        }
        boolean rankSelected = RelOptUtil.InputFinder.bits(projects, range.remainder()).get(rankField);
        RelDataType rankedType = rankSelected ? window.getRowType()
                : window.getCluster().getTypeFactory().createStructType(input.getRowType().getFieldList());
        RankType rankType = function == SqlKind.ROW_NUMBER ? RankType.ROW_NUMBER
                : function == SqlKind.RANK ? RankType.RANK : RankType.DENSE_RANK;
        RelTraitSet traits = physical(rel);
        StreamPhysicalRank rank = new StreamPhysicalRank(rel.getCluster(), traits, input, rankedType,
                group.keys.toArray(), group.orderKeys.getFieldCollations(), rankType, range.start(), range.end(),
                rankSelected, false);
        RexNode rest = range.remainder() == null ? null : PhysicalCalcRule.expand(rexBuilder, range.remainder());
        if (rest == null && PhysicalCalc.isIdentity(projects, rankedType.getFieldCount())) {
            return rank;
        }
        return new PhysicalCalc(rel.getCluster(), traits, rank, rest, projects, rel.getRowType());
    }
}
