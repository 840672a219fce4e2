package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.calc.CalcOperator;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * A filter and a projection fused into one {@link CalcOperator} (one generated loop per batch). An identity
 * projection without a filter (left by column pruning) needs no operator: it translates to its input.
 *
 * <p>Stateless: passes its input's row kinds on; over an updating input the filter is also evaluated on each
 * row's kind ({@code -U} rows follow their {@code +U}).
 */
public final class PhysicalCalc extends Calc implements PhysicalRel {
    private final RexNode condition;
    private final List<RexNode> projects;

    /**
     * @param condition the filter over the input row (SEARCH expanded), or null
     * @param projects the output columns over the input row (SEARCH expanded)
     * @param rowType the output row type (its names appear in EXPLAIN)
     */
    PhysicalCalc(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition, List<RexNode> projects,
            RelDataType rowType) {
        super(cluster, traits, List.of(), input, program(input, condition, projects, rowType));
        this.condition = condition;
        this.projects = List.copyOf(projects);
        this.rowType = rowType; // the plan's type, even where an expression's own type differs in nullability
    }

    /** The node's expressions as a normalized Calcite program (what Calcite's own code reads). */
    private static RexProgram program(RelNode input, RexNode condition, List<RexNode> projects, RelDataType rowType) {
        RexProgramBuilder builder = new RexProgramBuilder(input.getRowType(), input.getCluster().getRexBuilder());
        for (int i = 0; i < projects.size(); i++) {
            builder.addProject(projects.get(i), rowType.getFieldNames().get(i));
        }
        if (condition != null) {
            builder.addCondition(condition);
        }
        return builder.getProgram(true);
    }

    /** The filter, or null. */
    public RexNode condition() {
        return condition;
    }

    /** The output columns. */
    public List<RexNode> projects() {
        return projects;
    }

    @Override
    public Calc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
        if (program == getProgram()) {
            return new PhysicalCalc(getCluster(), traitSet, child, condition, projects, getRowType());
        }
        List<RexNode> exprs = new ArrayList<>();
        program.getProjectList().forEach(p -> exprs.add(program.expandLocalRef(p)));
        RexNode cond = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        return new PhysicalCalc(getCluster(), traitSet, child, cond, exprs, program.getOutputRowType());
    }

    @Override
    public boolean isProjectionOnly() {
        return condition == null;
    }

    /** Whether the node neither filters nor changes its input's columns. */
    public boolean isIdentity() {
        return condition == null && isIdentity(projects, getInput().getRowType().getFieldCount());
    }

    static boolean isIdentity(List<RexNode> projects, int inputFields) {
        if (projects.size() != inputFields) {
            return false;
        }
        for (int i = 0; i < projects.size(); i++) {
            if (!(projects.get(i) instanceof RexInputRef) || ((RexInputRef) projects.get(i)).getIndex() != i) {
                return false;
            }
        }
        return true;
    }

    /** {@code Calc(select=[expr AS name, ...], where=[condition])}. */
    public String explainText() {
        List<String> names = getRowType().getFieldNames();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            String p = projects.get(i).toString();
            select.add(p.equals(names.get(i)) ? p : p + " AS " + names.get(i));
        }
        return ExplainText.of("Calc").attribute("select", String.join(", ", select))
                .attributeIf(condition != null, "where", condition).toString();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        Transformation in = inputs.get(0);
        if (isIdentity()) {
            return in;
        }
        String name = explainText();
        RelDataType inputType = getInput().getRowType();
        RowType outputType = RelTypes.toRowType(getRowType());
        GeneratedClass<BatchCalc> kernel = context.codegen().generateCalc(name, inputType, condition, projects,
                true);
        GeneratedClass<BatchPredicate> rowKindFilter = context.isStreaming() && condition != null
                && context.changelogMode(getInput()).hasUpdates()
                ? context.codegen().generatePredicate(name, inputType, condition) : null;
        OperatorTransformation calc = new OperatorTransformation(name, List.of(in),
                () -> new CalcOperator(kernel, rowKindFilter, outputType), outputType);
        return condition == null ? calc.withProjectionOnly() : calc;
    }
}
