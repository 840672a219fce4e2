package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.rel.WatermarkAssigner;
import io.sluice.runtime.connector.SupportsWatermarkPushDown;
import io.sluice.runtime.connector.WatermarkSpec;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Pushes a table's watermark expression into its source when the source generates watermarks itself
 * ({@link SupportsWatermarkPushDown}, e.g. Kafka with one watermark per partition), as Flink's
 * watermark push-down rules do: the expression, written over the table's declared columns, is rewritten over the
 * columns the scan produces (through the computed-column projections between them) and compiled; the source's
 * readers then emit the watermarks and no watermark assigner is added. Only projections (no filters) may lie
 * between the assigner and the scan.
 */
public final class WatermarkPushDown {
    private WatermarkPushDown() {
    }

    /**
     * Hands the watermark of {@code assigner} ({@code watermark}, already expanded, of type {@code type}) to the
     * source under {@code input}; returns false (and changes nothing) when the plan or the source does not allow it.
     */
    public static boolean tryPush(WatermarkAssigner assigner, RexNode watermark, LogicalType type, Transformation input,
            CodeGenerator codegen) {
        Transformation t = input;
        while (!(t instanceof SourceTransformation)) {
            if (!(t instanceof OperatorTransformation) || t.inputs().size() != 1) {
                return false;
            }
            t = t.inputs().get(0);
        }
        SourceTransformation scanTransformation = (SourceTransformation) t;
        if (!(scanTransformation.source() instanceof SupportsWatermarkPushDown)) {
            return false;
        }
        RexNode e = watermark;
        RelNode rel = assigner.getInput();
        while (!(rel instanceof TableScan)) {
            List<RexNode> projects;
            if (rel instanceof Project) {
                projects = ((Project) rel).getProjects();
            } else if (rel instanceof Calc && ((Calc) rel).getProgram().getCondition() == null) {
                projects = ((Calc) rel).getProgram().expandList(((Calc) rel).getProgram().getProjectList());
            } else {
                return false;
            }
            e = substitute(e, projects);
            rel = rel.getInput(0);
        }
        // the scan may produce only some of the table's source columns (projection pushed into it)
        int[] projected = scanTransformation.projectedFields();
        int[] position = new int[rel.getRowType().getFieldCount()];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < projected.length; i++) {
            position[projected[i]] = i;
        }
        RowType produced = scanTransformation.outputType();
        RexNode onProduced;
        try {
            onProduced = e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int p = position[ref.getIndex()];
                if (p < 0) {
                    throw new MissingColumn();
                }
                return new RexInputRef(p, ref.getType());
            }
            });
        } catch (MissingColumn missing) {
            return false;
        }
        RelDataTypeFactory types = assigner.getCluster().getTypeFactory();
        RelDataTypeFactory.Builder b = types.builder();
        for (int i = 0; i < produced.size(); i++) {
            b.add(produced.name(i), RelTypes.toRelDataType(produced.type(i), types));
        }
        RelDataType producedRel = b.build();
        String description = watermark.toString();
        GeneratedClass<BatchCalc> calc = codegen.generateCalc("Watermark(" + description + ") in "
                + scanTransformation.name(), producedRel, null, List.of(onProduced));
        ((SupportsWatermarkPushDown) scanTransformation.source()).applyWatermark(
                new WatermarkSpec(calc, type, description));
        return true;
    }

    /** {@code e} with each input reference replaced by the projection it reads. */
    private static RexNode substitute(RexNode e, List<RexNode> projects) {
        return e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return projects.get(ref.getIndex());
            }
        });
    }

    /** A column the watermark needs is not produced by the scan. */
    private static final class MissingColumn extends RuntimeException {
        MissingColumn() {
            super(null, null, false, false);
        }
    }
}
