package io.sluice.planner.physical;

import io.sluice.planner.rel.WatermarkAssigner;
import io.sluice.planner.schema.ConnectorTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A logical {@code Calc}, {@code Project} or {@code Filter} becomes a {@link PhysicalCalc}. Columns the calc does
 * not use are not read: over a table scan the scan becomes a {@link PhysicalTableScan} of the used columns (its
 * filter also prunes partitions), and below a watermark assigner the assigner keeps only the used columns and
 * those its watermark needs.
 */
final class PhysicalCalcRule extends PhysicalConverterRule {
    PhysicalCalcRule() {
        super(RelNode.class, (RelNode r) -> r instanceof Calc || r instanceof Project || r instanceof Filter,
                "PhysicalCalcRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        RelNode input = rel.getInput(0);
        RexNode condition = null;
        List<RexNode> projects = new ArrayList<>();
        if (rel instanceof Calc) {
            RexProgram program = ((Calc) rel).getProgram();
            condition = program.getCondition() == null ? null
                    : expand(rexBuilder, program.expandLocalRef(program.getCondition()));
            program.getProjectList().forEach(p -> projects.add(expand(rexBuilder, program.expandLocalRef(p))));
        } else if (rel instanceof Filter) {
            condition = expand(rexBuilder, ((Filter) rel).getCondition());
            for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
                projects.add(rexBuilder.makeInputRef(input, i));
            }
        } else {
            ((Project) rel).getProjects().forEach(p -> projects.add(expand(rexBuilder, p)));
        }
        return convert(rel, input, condition, projects);
    }

    private RelNode convert(RelNode rel, RelNode input, RexNode condition, List<RexNode> projects) {
        if (input instanceof WatermarkAssigner) {
            RelNode pruned = overPrunedWatermarkAssigner(rel, (WatermarkAssigner) input, condition, projects);
            if (pruned != null) {
                return pruned;
            }
        }
        if (input instanceof TableScan && !(input instanceof PhysicalRel)
                && input.getTable().unwrap(ConnectorTable.class) != null) {
            return overPrunedScan(rel, (TableScan) input, condition, projects);
        }
        return new PhysicalCalc(rel.getCluster(), physical(rel), input, condition,
                projects, rel.getRowType());
    }

    /** The calc over a scan of only the columns it uses (the calc disappears when it then is the identity). */
    private static RelNode overPrunedScan(RelNode rel, TableScan scan, RexNode condition, List<RexNode> projects) {
        ImmutableBitSet.Builder used = ImmutableBitSet.builder();
        if (condition != null) {
            used.addAll(RelOptUtil.InputFinder.bits(condition));
        }
        projects.forEach(p -> used.addAll(RelOptUtil.InputFinder.bits(p)));
        int[] fields = used.build().toArray();
        RexShuttle remap = remapping(fields, scan.getRowType().getFieldCount());
        PhysicalTableScan pruned = new PhysicalTableScan(scan.getCluster(),
                physical(scan), scan.getTable(), fields, condition);
        List<RexNode> remapped = new ArrayList<>();
        projects.forEach(p -> remapped.add(p.accept(remap)));
        return new PhysicalCalc(rel.getCluster(), physical(rel), pruned,
                condition == null ? null : condition.accept(remap), remapped, rel.getRowType());
    }

    /**
     * Column pruning below a watermark assigner: when the calc above it uses only some columns, the assigner reads
     * only those plus what its watermark expression needs, so the scan under it decodes no other column. Returns
     * null when every column is used.
     */
    private RelNode overPrunedWatermarkAssigner(RelNode rel, WatermarkAssigner assigner, RexNode condition,
            List<RexNode> projects) {
        int width = assigner.getRowType().getFieldCount();
        ImmutableBitSet.Builder usedBuilder = ImmutableBitSet.builder();
        if (condition != null) {
            usedBuilder.addAll(RelOptUtil.InputFinder.bits(condition));
        }
        projects.forEach(p -> usedBuilder.addAll(RelOptUtil.InputFinder.bits(p)));
        usedBuilder.addAll(RelOptUtil.InputFinder.bits(assigner.watermarkExpression()));
        usedBuilder.set(assigner.rowtimeField());
        ImmutableBitSet used = usedBuilder.build();
        if (used.cardinality() >= width) {
            return null;
        }
        int[] fields = used.toArray();
        RelNode below = assigner.getInput();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        RelNode base;
        if (below instanceof Calc && ((Calc) below).getProgram().getCondition() == null) {
            RexProgram program = ((Calc) below).getProgram();
            base = ((Calc) below).getInput();
            for (int f : fields) {
                exprs.add(program.expandLocalRef(program.getProjectList().get(f)));
            }
        } else if (below instanceof Project) {
            base = ((Project) below).getInput();
            for (int f : fields) {
                exprs.add(((Project) below).getProjects().get(f));
            }
        } else {
            base = below;
            for (int f : fields) {
                exprs.add(assigner.getCluster().getRexBuilder().makeInputRef(below, f));
            }
        }
        for (int f : fields) {
            names.add(below.getRowType().getFieldNames().get(f));
        }
        RelNode narrowed = LogicalProject.create(base, List.of(), exprs, names, java.util.Set.of());
        RexShuttle remap = remapping(fields, width);
        int[] mapping = mapping(fields, width);
        WatermarkAssigner prunedAssigner = assigner.withInput(narrowed, mapping[assigner.rowtimeField()],
                assigner.watermarkExpression().accept(remap));
        List<RexNode> remapped = new ArrayList<>();
        projects.forEach(p -> remapped.add(p.accept(remap)));
        return convert(rel, prunedAssigner, condition == null ? null : condition.accept(remap), remapped);
    }

    private static int[] mapping(int[] fields, int width) {
        int[] mapping = new int[width];
        for (int i = 0; i < fields.length; i++) {
            mapping[fields[i]] = i;
        }
        return mapping;
    }

    /** Rewrites references to {@code fields[i]} into references to {@code i}. */
    static RexShuttle remapping(int[] fields, int width) {
        int[] mapping = mapping(fields, width);
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(mapping[ref.getIndex()], ref.getType());
            }
        };
    }

    /** Expands Calcite's SEARCH (ranges / IN lists) into plain comparisons for code generation. */
    static RexNode expand(RexBuilder rexBuilder, RexNode node) {
        return RexUtil.expandSearch(rexBuilder, null, node);
    }
}
