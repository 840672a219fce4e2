package io.sluice.planner;

import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlExplainLevel;

/** Renders plans for {@code EXPLAIN} in Flink's section layout. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    /** {@code == Abstract Syntax Tree ==}, {@code == Optimized Logical Plan ==} and {@code == Physical Plan ==}. */
    public static String explain(RelNode logical, RelNode optimized, Transformation physical) {
        return "== Abstract Syntax Tree ==\n" + RelOptUtil.toString(logical, SqlExplainLevel.EXPPLAN_ATTRIBUTES)
                + "\n== Optimized Logical Plan ==\n" + RelOptUtil.toString(optimized, SqlExplainLevel.EXPPLAN_ATTRIBUTES)
                + "\n== Physical Plan ==\n" + tree(physical);
    }

    /** The operator tree, one operator per line, inputs indented under their consumer with {@code +- }. */
    public static String tree(Transformation root) {
        StringBuilder sb = new StringBuilder();
        append(sb, root, "", true, true);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Transformation t, String prefix, boolean last, boolean root) {
        sb.append(prefix);
        if (!root) {
            sb.append(last ? "+- " : ":- ");
        }
        sb.append(t.name()).append('\n');
        List<Transformation> inputs = t.inputs();
        String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
        for (int i = 0; i < inputs.size(); i++) {
            append(sb, inputs.get(i), childPrefix, i == inputs.size() - 1, false);
        }
    }
}
