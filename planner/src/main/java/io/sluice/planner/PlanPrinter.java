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

    /**
     * Flink's sections: {@code == Abstract Syntax Tree ==} (the plan as parsed), {@code == Optimized Physical Plan ==}
     * (the operators that run) and {@code == Optimized Execution Plan ==} (the same operators without the details
     * EXPLAIN was asked for).
     */
    public static String explain(RelNode logical, RelNode optimized, Transformation physical) {
        return explain(logical, optimized, physical, false);
    }

    /** As {@link #explain(RelNode, RelNode, Transformation)}; {@code changelogMode} adds each node's row kinds. */
    public static String explain(RelNode logical, RelNode optimized, Transformation physical, boolean changelogMode) {
        return explain(logical, optimized, physical, changelogMode, false, null);
    }

    /**
     * As {@link #explain(RelNode, RelNode, Transformation, boolean)}, with Flink's {@code EXPLAIN} details:
     * {@code changelogMode} appends each operator's row kinds in the physical plan; {@code estimatedCost} adds an
     * {@code == Optimized Logical Plan ==} section with Calcite's row count and cumulative cost estimates on every
     * node (Sluice estimates costs on the logical plan, before operators are chosen); a non-null
     * {@code executionPlanJson} is added as the {@code == Physical Execution Plan ==} section (see
     * {@link JsonExecutionPlan}).
     */
    public static String explain(RelNode logical, RelNode optimized, Transformation physical, boolean changelogMode,
            boolean estimatedCost, String executionPlanJson) {
        return explainStatementSet(List.of(logical), List.of(optimized), List.of(physical), changelogMode,
                estimatedCost, executionPlanJson);
    }

    /**
     * The plan of a statement set, in Flink's layout for several sinks: each section appears once and lists the
     * plans of every statement in order ({@code logicals}, {@code optimizeds} and {@code sinks} are parallel lists,
     * one entry per INSERT); the {@code == Physical Execution Plan ==} section (when {@code executionPlanJson} is
     * not null) describes the one job that runs them all.
     */
    public static String explainStatementSet(List<RelNode> logicals, List<RelNode> optimizeds,
            List<? extends Transformation> sinks, boolean changelogMode, boolean estimatedCost,
            String executionPlanJson) {
        if (logicals.isEmpty() || logicals.size() != optimizeds.size() || logicals.size() != sinks.size()) {
            throw new IllegalArgumentException("one logical plan, optimized plan and sink per statement expected: "
                    + logicals.size() + ", " + optimizeds.size() + ", " + sinks.size());
        }
        StringBuilder sb = new StringBuilder("== Abstract Syntax Tree ==\n");
        for (int i = 0; i < logicals.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(abstractSyntaxTree(logicals.get(i), sinks.get(i)));
        }
        if (estimatedCost) {
            sb.append("\n== Optimized Logical Plan ==\n");
            for (int i = 0; i < optimizeds.size(); i++) {
                sb.append(i == 0 ? "" : "\n").append(withCosts(optimizeds.get(i)));
            }
        }
        sb.append("\n== Optimized Physical Plan ==\n");
        for (int i = 0; i < sinks.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(tree(sinks.get(i), changelogMode));
        }
        sb.append("\n== Optimized Execution Plan ==\n");
        for (int i = 0; i < sinks.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(tree(sinks.get(i), false));
        }
        if (executionPlanJson != null) {
            sb.append("\n== Physical Execution Plan ==\n").append(executionPlanJson).append('\n');
        }
        return sb.toString();
    }

    /**
     * The statement's relational plan; for an INSERT (a {@code Sink(table=[...], ...)} root) under a
     * {@code LogicalSink} node naming the table and the query's fields, as Flink's AST shows it.
     */
    static String abstractSyntaxTree(RelNode logical, Transformation root) {
        String tree = relTree(logical);
        String name = root instanceof SinkTransformation ? root.name() : "";
        if (!name.startsWith("Sink(table=[")) {
            return tree;
        }
        String table = name.substring("Sink(table=[".length(), name.indexOf(']'));
        StringBuilder sb = new StringBuilder("LogicalSink(table=[").append(table).append("], fields=[")
                .append(String.join(", ", logical.getRowType().getFieldNames())).append("])\n");
        for (String line : tree.split("\n")) {
            sb.append(line.startsWith(" ") || line.startsWith(":") || line.startsWith("+") ? "   " : "+- ")
                    .append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * A relational plan in the same tree layout as the physical plan ({@code :- } before an input that has a
     * sibling after it, {@code +- } before the last input), as Flink prints its abstract syntax tree.
     */
    public static String relTree(RelNode rel) {
        String[] lines = RelOptUtil.toString(rel, SqlExplainLevel.EXPPLAN_ATTRIBUTES).split("\n");
        int[] depths = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            int spaces = 0;
            while (spaces < lines[i].length() && lines[i].charAt(spaces) == ' ') {
                spaces++;
            }
            depths[i] = spaces / 2;
            lines[i] = lines[i].substring(spaces);
        }
        StringBuilder sb = new StringBuilder();
        // open[d] is true while the node at depth d still has a later sibling, so deeper lines draw a ':' under it
        boolean[] open = new boolean[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            int depth = depths[i];
            boolean last = true;
            for (int j = i + 1; j < lines.length && depths[j] >= depth; j++) {
                if (depths[j] == depth) {
                    last = false;
                    break;
                }
            }
            for (int d = 1; d < depth; d++) {
                sb.append(open[d] ? ":  " : "   ");
            }
            if (depth > 0) {
                sb.append(last ? "+- " : ":- ");
            }
            open[depth] = !last;
            sb.append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * The plan as {@code RelOptUtil.toString} prints it, each node followed by
     * {@code : rowcount = R, cumulative cost = {..}} (Calcite's {@code ALL_ATTRIBUTES} format without the node
     * ids, which differ from run to run).
     */
    static String withCosts(RelNode rel) {
        List<RelNode> nodes = new java.util.ArrayList<>();
        java.io.StringWriter sw = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(sw);
        rel.explain(new org.apache.calcite.rel.externalize.RelWriterImpl(pw, SqlExplainLevel.EXPPLAN_ATTRIBUTES,
                false) {
            @Override
            protected void explain_(RelNode node, List<org.apache.calcite.util.Pair<String, Object>> values) {
                nodes.add(node);
                super.explain_(node, values);
            }
        });
        pw.flush();
        String[] lines = sw.toString().split("\n");
        if (lines.length != nodes.size()) {
            throw new IllegalStateException("plan text has " + lines.length + " lines for " + nodes.size() + " nodes");
        }
        org.apache.calcite.rel.metadata.RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            RelNode node = nodes.get(i);
            sb.append(lines[i]).append(": rowcount = ").append(mq.getRowCount(node))
                    .append(", cumulative cost = ").append(mq.getCumulativeCost(node)).append('\n');
        }
        return sb.toString();
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

    /**
     * The physical tree with {@code annotation.apply(node)} (when not null) written after each node's name, as
     * {@code EXPLAIN ANALYZE} shows what each operator did.
     */
    public static String tree(Transformation root, java.util.function.Function<Transformation, String> annotation) {
        StringBuilder sb = new StringBuilder();
        append(sb, root, "", true, true, false, annotation);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Transformation t, String prefix, boolean last, boolean root,
            boolean changelogMode) {
        append(sb, t, prefix, last, root, changelogMode, null);
    }

    private static void append(StringBuilder sb, Transformation t, String prefix, boolean last, boolean root,
            boolean changelogMode, java.util.function.Function<Transformation, String> annotation) {
        sb.append(prefix);
        if (!root) {
            sb.append(last ? "+- " : ":- ");
        }
        String name = t.name();
        if (changelogMode) {
            String mode = "changelogMode=" + (t instanceof SinkTransformation ? "[NONE]" : t.changelogMode());
            name = name.endsWith(")") ? name.substring(0, name.length() - 1) + ", " + mode + ")" : name + "(" + mode + ")";
        }
        sb.append(name);
        String note = annotation == null ? null : annotation.apply(t);
        if (note != null) {
            sb.append(' ').append(note);
        }
        sb.append('\n');
        List<Transformation> inputs = t.inputs();
        String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
        for (int i = 0; i < inputs.size(); i++) {
            append(sb, inputs.get(i), childPrefix, i == inputs.size() - 1, false, changelogMode, annotation);
        }
    }
}
