package io.sluice.codegen.udf;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Generates the first pass of a Calc whose projections call {@link BatchScalarFunction}s: one loop over the batch
 * that applies the condition and collects each batched call's arguments, then one {@code evalBatch} per call. The
 * projection loop reads the results by output row ({@code j}); see {@link ScalarCallGenerator}.
 */
public final class BatchCallGenerator {
    private BatchCallGenerator() {
    }

    /** The calls in {@code projects} that can be batched (top-down; a batched call's operands call no UDF). */
    public static List<RexCall> find(List<RexNode> projects) {
        Map<RexCall, Boolean> found = new IdentityHashMap<>();
        List<RexCall> out = new ArrayList<>();
        for (RexNode p : projects) {
            collect(p, found, out);
        }
        return out;
    }

    private static void collect(RexNode node, Map<RexCall, Boolean> found, List<RexCall> out) {
        if (!(node instanceof RexCall)) {
            return;
        }
        RexCall call = (RexCall) node;
        if (batchable(call)) {
            if (found.put(call, Boolean.TRUE) == null) {
                out.add(call);
            }
            return;
        }
        for (RexNode o : call.getOperands()) {
            collect(o, found, out);
        }
    }

    private static boolean batchable(RexCall call) {
        if (!(call.getOperator() instanceof ScalarUserSqlFunction)) {
            return false;
        }
        UserFunction f = ((ScalarUserSqlFunction) call.getOperator()).function();
        if (!BatchScalarFunction.class.isAssignableFrom(f.functionClass())) {
            return false;
        }
        UdfMethod m = f.resolve(argTypes(call));
        if (m == null || m.isVarargs() || m.resultClass().isPrimitive()) {
            return false;
        }
        for (int i = 0; i < call.getOperands().size(); i++) {
            if (m.argClass(i).isPrimitive() || callsUserFunction(call.getOperands().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean callsUserFunction(RexNode node) {
        if (!(node instanceof RexCall)) {
            return false;
        }
        RexCall call = (RexCall) node;
        if (call.getOperator() instanceof ScalarUserSqlFunction) {
            return true;
        }
        for (RexNode o : call.getOperands()) {
            if (callsUserFunction(o)) {
                return true;
            }
        }
        return false;
    }

    static List<LogicalType> argTypes(RexCall call) {
        List<LogicalType> types = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
            types.add(ExprGenerator.typeOf(o));
        }
        return types;
    }

    /**
     * Emits into {@code out} (method body, before the projection loop) the first pass over the batch and the
     * {@code evalBatch} calls, and tells {@code gen} where each call's result for output row {@code j} is.
     */
    public static void generate(ExprGenerator gen, RexNode condition, List<RexCall> calls, CodeBuilder out) {
        List<String> argArrays = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            String a = gen.newName("batchArgs");
            argArrays.add(a);
            out.line("final Object[][] " + a + " = new Object[" + calls.get(k).getOperands().size() + "][rowCount];");
        }
        String count = gen.newName("batchRows");
        out.line("int " + count + " = 0;");
        out.open("for (int i = 0; i < rowCount; i++)");
        if (condition != null) {
            GenExpr c = gen.gen(condition, out);
            out.open("if (" + (c.neverNull() ? "" : c.isNull() + " || ") + "!" + c.value() + ")");
            out.line("continue;");
            out.close();
        }
        for (int k = 0; k < calls.size(); k++) {
            RexCall call = calls.get(k);
            UdfMethod m = ((ScalarUserSqlFunction) call.getOperator()).function().resolve(argTypes(call));
            List<GenExpr> args = gen.genOperands(call, out);
            for (int i = 0; i < args.size(); i++) {
                out.line(argArrays.get(k) + "[" + i + "][" + count + "] = "
                        + ScalarCallGenerator.argument(gen, args.get(i), m.argClass(i), m.argType(i), out) + ";");
            }
        }
        out.line(count + "++;");
        out.close();
        for (int k = 0; k < calls.size(); k++) {
            RexCall call = calls.get(k);
            String udf = gen.addUserFunction(((ScalarUserSqlFunction) call.getOperator()).function());
            String results = gen.newName("batchResults");
            out.line("final Object[] " + results + " = ((" + BatchScalarFunction.class.getName() + ") " + udf
                    + ").evalBatch(" + argArrays.get(k) + ", " + count + ");");
            gen.batched(call, results + "[j]");
        }
    }
}
