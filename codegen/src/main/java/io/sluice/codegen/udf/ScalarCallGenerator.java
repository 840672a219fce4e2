package io.sluice.codegen.udf;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;

/**
 * Generates a direct call of a scalar function's {@code eval} method on the kernel's instance field:
 * arguments are converted to the method's Java classes (boxing for boxed parameters, {@code java.time}
 * objects for temporal ones); a NULL argument for a primitive parameter makes the result NULL without a call;
 * a null return value is SQL NULL.
 */
public final class ScalarCallGenerator {
    private ScalarCallGenerator() {
    }

    public static GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        UserFunction function = ((ScalarUserSqlFunction) call.getOperator()).function();
        String batched = gen.batchedResult(call);
        if (batched != null) {
            return readBatched(gen, call, function, batched, out);
        }
        List<GenExpr> args = gen.genOperands(call, out);
        List<LogicalType> argTypes = new ArrayList<>();
        args.forEach(a -> argTypes.add(a.type()));
        UdfMethod m = function.resolve(argTypes);
        if (m == null) {
            throw new IllegalStateException("no eval method of " + function + " accepts " + argTypes);
        }
        String udf = gen.addUserFunction(function);
        LogicalType resultType = ExprGenerator.typeOf(call);
        StringBuilder skip = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (m.argClass(i).isPrimitive() && !args.get(i).neverNull()) {
                skip.append(skip.length() > 0 ? " || " : "").append(args.get(i).isNull());
            }
        }
        GenExpr r = gen.declare(resultType, skip.length() == 0 ? "false" : skip.toString(), out);
        out.open("if (!" + r.isNull() + ")");
        List<String> javaArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            javaArgs.add(argument(gen, args.get(i), m.argClass(i), m.argType(i), out));
        }
        String invocation = udf + "." + m.method().getName() + "(" + argumentList(m, javaArgs) + ")";
        Class<?> rc = m.resultClass();
        LogicalType internal = m.resultType();
        if (rc.isPrimitive()) {
            out.line(m.guarded(r.value() + " = " + convertResult(gen, invocation, internal, resultType) + ";"));
        } else {
            String res = gen.newName("res");
            out.line(ExternalTypes.sourceName(rc) + " " + res + " = null;");
            out.line(m.guarded(res + " = " + invocation + ";"));
            out.line(r.isNull() + " = " + res + " == null;");
            out.open("if (!" + r.isNull() + ")");
            out.line(r.value() + " = " + convertResult(gen, ExternalTypes.toInternal(res, rc, internal), internal,
                    resultType)
                    + ";");
            if (JavaTypes.isReference(resultType)) {
                out.line(r.isNull() + " = " + r.value() + " == null;");
            }
            out.close();
        }
        out.close();
        return r;
    }

    /** The value of a call computed by {@link BatchCallGenerator}'s first pass, read for the current row. */
    private static GenExpr readBatched(ExprGenerator gen, RexCall call, UserFunction function, String access,
            CodeBuilder out) {
        UdfMethod m = function.resolve(BatchCallGenerator.argTypes(call));
        LogicalType resultType = ExprGenerator.typeOf(call);
        LogicalType internal = m.resultType();
        Class<?> rc = m.resultClass();
        GenExpr r = gen.declare(resultType, "false", out);
        String res = gen.newName("res");
        out.line(ExternalTypes.sourceName(rc) + " " + res + " = (" + ExternalTypes.sourceName(rc) + ") " + access + ";");
        out.line(r.isNull() + " = " + res + " == null;");
        out.open("if (!" + r.isNull() + ")");
        out.line(r.value() + " = " + convertResult(gen, ExternalTypes.toInternal(res, rc, internal), internal, resultType)
                + ";");
        if (JavaTypes.isReference(resultType)) {
            out.line(r.isNull() + " = " + r.value() + " == null;");
        }
        out.close();
        return r;
    }

    static String argumentList(UdfMethod m, List<String> javaArgs) {
        if (!m.isVarargs()) {
            return String.join(", ", javaArgs);
        }
        int fixed = m.fixedArgs();
        List<String> head = new ArrayList<>(javaArgs.subList(0, fixed));
        head.add("new " + ExternalTypes.sourceName(m.varargsArrayClass().getComponentType()) + "[] {"
                + String.join(", ", javaArgs.subList(fixed, javaArgs.size())) + "}");
        return String.join(", ", head);
    }

    /** The Java expression passing {@code a} to a parameter of class {@code c} and SQL type {@code t}. */
    static String argument(ExprGenerator gen, GenExpr a, Class<?> c, LogicalType t, CodeBuilder out) {
        if (a.alwaysNull()) {
            return "(" + ExternalTypes.sourceName(c) + ") null";
        }
        String v = gen.value(a, out);
        String converted = convertArgument(gen, v, a.type(), t);
        String external = ExternalTypes.toExternal(converted, c, t);
        if (c.isPrimitive() || a.neverNull()) {
            return external;
        }
        return "(" + a.isNull() + " ? (" + ExternalTypes.sourceName(c) + ") null : " + external + ")";
    }

    private static String convertArgument(ExprGenerator gen, String v, LogicalType from, LogicalType to) {
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (f == t || f.isCharacterString() && t.isCharacterString() || f.isBinaryString() && t.isBinaryString()) {
            return v;
        }
        return gen.convert(v, from, to);
    }

    private static String convertResult(ExprGenerator gen, String v, LogicalType from, LogicalType to) {
        if (from.root() == TypeRoot.DECIMAL && to.root() == TypeRoot.DECIMAL) {
            return "io.sluice.codegen.runtime.DecimalRuntime.fit(" + v + ", " + to.precision() + ", " + to.scale() + ")";
        }
        if (JavaTypes.javaType(from).equals(JavaTypes.javaType(to))) {
            return v;
        }
        return gen.convert(v, from, to);
    }
}
