package io.sluice.planner;

import io.sluice.runtime.graph.SinkTransformation;
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
        return explain(logical, optimized, physical, false);
    }

    /** As {@link #explain(RelNode, RelNode, Transformation)}; {@code changelogMode} adds each node's row kinds. */
    public static String explain(RelNode logical, RelNode optimized, Transformation physical, boolean changelogMode) {
        return "== Abstract Syntax Tree ==\n" + RelOptUtil.toString(logical, SqlExplainLevel.EXPPLAN_ATTRIBUTES)
                + "\n== Optimized Logical Plan ==\n" + RelOptUtil.toString(optimized, SqlExplainLevel.EXPPLAN_ATTRIBUTES)
                + "\n== Physical Plan ==\n" + tree(physical, changelogMode);
    }

    /** The operator tree, one operator per line, inputs indented under their consumer with {@code +- }. */
    public static String tree(Transformation root) {
        return tree(root, false);
    }

    /** As {@link #tree(Transformation)}; {@code changelogMode} appends {@code changelogMode=[I,UB,UA,D]} to each node. */
    public static String tree(Transformation root, boolean changelogMode) {
        StringBuilder sb = new StringBuilder();
        append(sb, root, "", true, true, changelogMode);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Transformation t, String prefix, boolean last, boolean root,
            boolean changelogMode) {
        sb.append(prefix);
        if (!root) {
            sb.append(last ? "+- " : ":- ");
        }
        String name = t.name();
        if (changelogMode) {
            String mode = "changelogMode=" + (t instanceof SinkTransformation ? "[NONE]" : t.changelogMode());
            name = name.endsWith(")") ? name.substring(0, name.length() - 1) + ", " + mode + ")" : name + "(" + mode + ")";
        }
        sb.append(name).append('\n');
        List<Transformation> inputs = t.inputs();
        String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
        for (int i = 0; i < inputs.size(); i++) {
            append(sb, inputs.get(i), childPrefix, i == inputs.size() - 1, false, changelogMode);
        }
    }
}
