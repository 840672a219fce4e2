package io.sluice.planner.optimize;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.tools.RelBuilder;

/**
 * Reorders {@code (A CROSS JOIN B) JOIN C ON cond} into {@code (C JOIN A ON condAC) JOIN B ON rest} (or the same
 * with B in A's place) when some conjuncts of {@code cond} relate C to A alone: a comma-separated FROM list
 * whose first two tables are only related through a later one (TPC-H q2, q8, q9: {@code FROM part, supplier,
 * lineitem ...}) then joins on keys instead of building the cross product. Only inner joins; the output keeps
 * its column order through a projection. The later table is put on the probe (left) side, the table it
 * joins on the build side.
 */
public final class CrossJoinAvoidRule extends RelOptRule {
    /** The rule instance. */
    public static final CrossJoinAvoidRule INSTANCE = new CrossJoinAvoidRule();

    private CrossJoinAvoidRule() {
        super(operand(LogicalJoin.class, operand(LogicalJoin.class, any()), operand(RelNode.class, any())),
                "CrossJoinAvoidRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalJoin top = call.rel(0);
        LogicalJoin bottom = call.rel(1);
        RelNode c = call.rel(2);
        if (top.getJoinType() != JoinRelType.INNER || bottom.getJoinType() != JoinRelType.INNER
                || !bottom.getCondition().isAlwaysTrue() || top.getCondition().isAlwaysTrue()) {
            return;
        }
        int a = bottom.getLeft().getRowType().getFieldCount();
        int b = bottom.getRight().getRowType().getFieldCount();
        int cn = c.getRowType().getFieldCount();
        List<RexNode> conjuncts = RelOptUtil.conjunctions(top.getCondition());
        ImmutableBitSet aFields = ImmutableBitSet.range(0, a);
        ImmutableBitSet bFields = ImmutableBitSet.range(a, a + b);
        ImmutableBitSet cFields = ImmutableBitSet.range(a + b, a + b + cn);
        boolean pairWithA = relates(conjuncts, aFields, cFields);
        if (!pairWithA && !relates(conjuncts, bFields, cFields)) {
            return;
        }
        RelNode first = pairWithA ? bottom.getLeft() : bottom.getRight();
        RelNode second = pairWithA ? bottom.getRight() : bottom.getLeft();
        ImmutableBitSet firstFields = pairWithA ? aFields : bFields;
        // new layout: C, then the input paired with C, then the other one
        int[] map = new int[a + b + cn];
        for (int i = 0; i < a + b + cn; i++) {
            if (cFields.get(i)) {
                map[i] = i - a - b;
            } else if (pairWithA) {
                map[i] = i + cn;
            } else {
                map[i] = i < a ? i + cn + b : i - a + cn;
            }
        }
        RexShuttle remap = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(map[ref.getIndex()], ref.getType());
            }
        };
        List<RexNode> pair = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        ImmutableBitSet pairFields = firstFields.union(cFields);
        for (RexNode conjunct : conjuncts) {
            boolean inPair = pairFields.contains(RelOptUtil.InputFinder.bits(conjunct));
            (inPair ? pair : rest).add(conjunct.accept(remap));
        }
        RelBuilder builder = call.builder();
        builder.push(c).push(first).join(JoinRelType.INNER, pair).push(second).join(JoinRelType.INNER, rest);
        List<RexNode> output = new ArrayList<>();
        for (int i = 0; i < a + b + cn; i++) {
            output.add(builder.field(map[i]));
        }
        builder.project(output, top.getRowType().getFieldNames(), true);
        call.transformTo(builder.build());
    }

    private static boolean relates(List<RexNode> conjuncts, ImmutableBitSet x, ImmutableBitSet y) {
        for (RexNode conjunct : conjuncts) {
            ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
            if (used.intersects(x) && used.intersects(y) && x.union(y).contains(used)) {
                return true;
            }
        }
        return false;
    }
}
