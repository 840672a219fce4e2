package io.sluice.planner.translate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * The versions of a versioned view built by deduplication, Flink's pattern {@code SELECT ... FROM (SELECT *,
 * ROW_NUMBER() OVER (PARTITION BY k ORDER BY rowtime DESC) AS rn FROM log) WHERE rn = 1}:
 * as a versioned table, every row of the log is the version of its key from its rowtime on. An event-time temporal
 * join reads those versions from the log itself rather than from the deduplication's changelog: the deduplication
 * drops a row that arrives after a newer row of its key (as rows from parallel source readers or out-of-order rows
 * do), so the versions it emits, and the versions a join picks, would depend on the arrival order and thus on the
 * parallelism. On a log that arrives in rowtime order per key both give the same versions (of equal rowtimes, the
 * last row to arrive wins in both).
 */
public final class DeduplicatedVersions {
    private DeduplicatedVersions() {
    }

    /**
     * A versioned side read from the log: {@code log} (a projection of the deduplication's input with the view's
     * row type, the row number being 1) and a description for plans.
     */
    public record Versions(RelNode log, String description) {
    }

    /**
     * The versions of {@code right} when it is a keep-last-row deduplication on a rowtime attribute (a rank-1
     * {@code ROW_NUMBER} filter with no other condition, projected), else null.
     */
    public static Versions of(RelNode right) {
        RelNode node = unwrap(right);
        if (!(node instanceof Calc) || !(unwrap(node.getInput(0)) instanceof Window)) {
            return null;
        }
        Calc calc = (Calc) node;
        Window window = (Window) unwrap(calc.getInput());
        RexProgram program = calc.getProgram();
        if (program.getCondition() == null || window.groups.size() != 1
                || window.groups.get(0).aggCalls.size() != 1
                || window.groups.get(0).aggCalls.get(0).getOperator().getKind() != SqlKind.ROW_NUMBER) {
            return null;
        }
        Window.Group group = window.groups.get(0);
        RelNode log = unwrap(window.getInput());
        int rankField = log.getRowType().getFieldCount();
        RexBuilder rex = calc.getCluster().getRexBuilder();
        RankRange range = RankRange.of(rex, program.expandLocalRef(program.getCondition()), rankField);
        if (range == null || range.start() != 1 || range.end() != 1 || range.remainder() != null) {
            return null;
        }
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        if (order.size() != 1 || !order.get(0).getDirection().isDescending()
                || !TimeAttributes.isRowtime(log, order.get(0).getFieldIndex())) {
            return null;
        }
        RexNode one = rex.makeExactLiteral(BigDecimal.ONE,
                window.getRowType().getFieldList().get(rankField).getType());
        boolean[] unknown = {false};
        RexShuttle rowNumberIsOne = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                if (ref.getIndex() == rankField) {
                    return one;
                }
                unknown[0] |= ref.getIndex() > rankField; // a constant of the window
                return ref;
            }
        };
        List<RexNode> projects = new ArrayList<>();
        for (RexLocalRef p : program.getProjectList()) {
            projects.add(program.expandLocalRef(p).accept(rowNumberIsOne));
        }
        if (unknown[0]) {
            return null;
        }
        RexProgram versions = RexProgram.create(log.getRowType(), projects, null, calc.getRowType(), rex);
        List<String> names = log.getRowType().getFieldNames();
        String key = Arrays.toString(group.keys.toList().stream().map(names::get).toArray());
        String description = "all rows of the log deduplicated on " + key + " by ROWTIME";
        return new Versions(LogicalCalc.create(log, versions), description);
    }

    private static RelNode unwrap(RelNode rel) {
        return rel instanceof HepRelVertex ? ((HepRelVertex) rel).getCurrentRel() : rel;
    }
}
