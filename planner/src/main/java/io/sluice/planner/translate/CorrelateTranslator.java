package io.sluice.planner.translate;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.TableFunctionCodeGenerator;
import io.sluice.codegen.udf.TableUserSqlFunction;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.correlate.BatchTableFunction;
import io.sluice.runtime.operator.correlate.CorrelateOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates a {@link Correlate} over a user-defined table function call ({@code LATERAL TABLE(f(x))},
 * {@code LEFT JOIN LATERAL TABLE(f(x)) ON TRUE}) into a {@link CorrelateOperator}: the function's arguments
 * refer to the left input's row through the correlation variable, which becomes plain input references.
 */
public final class CorrelateTranslator {
    private final JobGraphGenerator generator;
    private final Configuration config;

    public CorrelateTranslator(JobGraphGenerator generator, Configuration config) {
        this.generator = generator;
        this.config = config;
    }

    public Transformation translate(Correlate correlate) {
        JoinRelType joinType = correlate.getJoinType();
        if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
            throw new UnsupportedFeatureException(joinType + " correlate (LATERAL) join");
        }
        RelNode right = correlate.getRight();
        if (!(right instanceof TableFunctionScan) || !right.getInputs().isEmpty()
                || !(((TableFunctionScan) right).getCall() instanceof RexCall)
                || !(((RexCall) ((TableFunctionScan) right).getCall()).getOperator() instanceof TableUserSqlFunction)) {
            throw new UnsupportedFeatureException("LATERAL join of anything but a user-defined table function call"
                    + " joined ON TRUE (found " + right.getRelTypeName() + ")");
        }
        RexCall call = (RexCall) ((TableFunctionScan) right).getCall();
        RexCall invocation = (RexCall) call.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                RexNode ref = access.getReferenceExpr();
                if (ref instanceof RexCorrelVariable
                        && ((RexCorrelVariable) ref).id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                throw new UnsupportedFeatureException("correlation variable " + variable + " in " + call);
            }
        });
        Transformation in = generator.translate(correlate.getLeft());
        RowType outputType = RelTypes.toRowType(correlate.getRowType());
        RowType functionType = RelTypes.toRowType(right.getRowType());
        boolean left = joinType == JoinRelType.LEFT;
        String name = "Correlate(invocation=[" + call + "], select=[" + String.join(", ", outputType.names())
                + "], joinType=[" + joinType + "])";
        GeneratedClass<BatchTableFunction> function = new TableFunctionCodeGenerator(config)
                .generate(name, correlate.getLeft().getRowType(), invocation);
        return new OperatorTransformation(name, List.of(in),
                () -> new CorrelateOperator(function, outputType, functionType, left), outputType);
    }
}
