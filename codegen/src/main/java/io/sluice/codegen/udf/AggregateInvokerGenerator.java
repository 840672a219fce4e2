package io.sluice.codegen.udf;

import io.sluice.codegen.JaninoCompiler;
import io.sluice.codegen.RelTypes;
import io.sluice.codegen.SluiceTypeSystem;
import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.generated.UsesUserFunctions;
import io.sluice.runtime.operator.aggregate.TableAggregateInvoker;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;

/**
 * Generates the {@link UserAggregateInvoker} of one call of a user-defined aggregate function: typed reads of
 * the argument vectors, conversion into the Java classes of the chosen {@code accumulate} overload, and a
 * direct call of {@code accumulate} (and of the matching {@code retract}) on the class's own function
 * instance; no reflection per row. A NULL argument is passed as {@code null} to a boxed parameter; a row
 * whose argument for a primitive parameter is NULL is skipped.
 */
public final class AggregateInvokerGenerator {
    private final Path dumpDir;
    private final ZoneId zone;
    private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final RexBuilder rexBuilder = new RexBuilder(typeFactory);

    public AggregateInvokerGenerator(Configuration config) {
        String dir = config.get(ExecutionOptions.CODEGEN_DUMP_DIR);
        this.dumpDir = dir == null || dir.isBlank() ? null : Paths.get(dir);
        this.zone = ZoneId.of(config.get(ExecutionOptions.LOCAL_TIME_ZONE));
    }

    /** Whether {@code function} has a {@code retract} method matching the accumulate overload for these arguments. */
    public static boolean canRetract(UserFunction function, List<LogicalType> argTypes) {
        UdfMethod m = function.resolve(argTypes);
        return m != null && function.retractFor(m) != null;
    }

    /**
     * The invoker of {@code function} (an aggregate function) called with arguments of types {@code argTypes}
     * (the types of the argument columns, in order); {@code description} names the plan node for the header.
     */
    public GeneratedClass<UserAggregateInvoker> generate(String description, UserFunction function,
            List<LogicalType> argTypes) {
        boolean tableAggregate = function.kind() == UserFunction.Kind.TABLE_AGGREGATE;
        if (function.kind() != UserFunction.Kind.AGGREGATE && !tableAggregate) {
            throw new IllegalArgumentException(function + " is not an aggregate function");
        }
        UdfMethod accumulate = function.resolve(argTypes);
        if (accumulate == null) {
            throw new ValidationException("No accumulate method of aggregate function " + function
                    + " accepts arguments of types " + argTypes);
        }
        UdfMethod retract = function.retractFor(accumulate);
        ExprGenerator gen = new ExprGenerator(argTypes, rexBuilder, zone);
        String udf = gen.addUserFunction(function);
        String accClass = ExternalTypes.sourceName(accumulate.method().getParameterTypes()[0]);

        CodeBuilder single = new CodeBuilder(2);
        call(gen, udf, accumulate, "(" + accClass + ") acc", argTypes, single);
        CodeBuilder batch = new CodeBuilder(3);
        batch.line("int g = groupIds[" + ExprGenerator.ROW + "];");
        batch.open("if (g >= 0)");
        call(gen, udf, accumulate, "(" + accClass + ") accs[g]", argTypes, batch);
        batch.close();
        CodeBuilder back = new CodeBuilder(2);
        if (retract != null) {
            call(gen, udf, retract, "(" + accClass + ") acc", argTypes, back);
        } else {
            back.line("throw new IllegalStateException(\"" + function.name() + " has no retract method\");");
        }
        String vectors = vectorDeclarations(gen, argTypes);

        String name = function.name() + " (" + function.functionClass().getName() + ")";
        StringBuilder rest = new StringBuilder();
        rest.append(" implements ").append(tableAggregate ? TableAggregateInvoker.class.getName()
                : UserAggregateInvoker.class.getName()).append(", ")
                .append(UsesUserFunctions.class.getName()).append(" {\n");
        rest.append("    private final Object[] references;\n");
        gen.fieldDeclarations().forEach(f -> rest.append("    ").append(f).append('\n'));
        rest.append("\n    public %CLASS%(Object[] references) {\n        this.references = references;\n");
        gen.fieldInitializers().forEach(f -> rest.append("        ").append(f).append('\n'));
        rest.append("    }\n\n");
        rest.append("    public Object createAccumulator() {\n        return ").append(udf)
                .append(".createAccumulator();\n    }\n\n");
        String argsParam = "org.apache.arrow.vector.FieldVector[] args";
        rest.append("    public void accumulate(Object acc, ").append(argsParam).append(", int ")
                .append(ExprGenerator.ROW).append(") {\n").append(vectors).append(single).append("    }\n\n");
        rest.append("    public void accumulateBatch(Object[] accs, int[] groupIds, ").append(argsParam)
                .append(", int rows) {\n").append(vectors);
        rest.append("        for (int ").append(ExprGenerator.ROW).append(" = 0; ").append(ExprGenerator.ROW)
                .append(" < rows; ").append(ExprGenerator.ROW).append("++) {\n").append(batch).append("        }\n");
        rest.append("    }\n\n");
        rest.append("    public boolean canRetract() {\n        return ").append(retract != null).append(";\n    }\n\n");
        rest.append("    public void retract(Object acc, ").append(argsParam).append(", int ")
                .append(ExprGenerator.ROW).append(") {\n").append(retract != null ? vectors : "").append(back)
                .append("    }\n\n");
        if (tableAggregate) {
            rest.append("    public Object getValue(Object acc) {\n        throw new UnsupportedOperationException(")
                    .append(JavaTypes.stringLiteral(name + " is a table aggregate function: it emits rows"))
                    .append(");\n    }\n\n");
            rest.append("    public Object function() {\n        return ").append(udf).append(";\n    }\n\n");
        } else {
            rest.append("    public Object getValue(Object acc) {\n        return ").append(udf)
                    .append(".getValue(acc);\n    }\n\n");
        }
        rest.append("    public String functionDescription() {\n        return ").append(JavaTypes.stringLiteral(name))
                .append(";\n    }\n\n");
        rest.append(UdfCodegen.lifecycleMethods(gen.userFunctionFields()));
        rest.append("}\n");
        String header = "/*\n * Generated by Sluice codegen.\n * Aggregate: " + TableFunctionCodeGenerator.comment(
                description) + "\n * Function: " + TableFunctionCodeGenerator.comment(name) + " "
                + TableFunctionCodeGenerator.comment(accumulate.signature("accumulate")) + "\n * Arguments: "
                + TableFunctionCodeGenerator.comment(argTypes.toString()) + "\n */\n";
        String className = "UserAggregate$" + TableFunctionCodeGenerator.hash(header + rest);
        String source = header + "public final class " + className + rest.toString().replace("%CLASS%", className);
        List<Class<?>> classes = new ArrayList<>(gen.userFunctionClasses());
        classes.add(accumulate.method().getParameterTypes()[0]);
        Class<?> compiled = JaninoCompiler.compile(className, source, dumpDir, UdfCodegen.loaderFor(classes));
        return new GeneratedClass<>(className, source, compiled, gen.references());
    }

    /** Statements reading row {@code i}'s arguments and calling {@code m} on accumulator expression {@code acc}. */
    private void call(ExprGenerator gen, String udf, UdfMethod m, String acc, List<LogicalType> argTypes,
            CodeBuilder out) {
        List<GenExpr> args = new ArrayList<>();
        for (int j = 0; j < argTypes.size(); j++) {
            args.add(gen.gen(rexBuilder.makeInputRef(RelTypes.toRelDataType(argTypes.get(j), typeFactory), j), out));
        }
        StringBuilder skip = new StringBuilder();
        for (int j = 0; j < args.size(); j++) {
            if (m.argClass(j).isPrimitive() && args.get(j).alwaysNull()) {
                out.line("// argument " + (j + 1) + " is always NULL for a primitive parameter: every row is skipped");
                return;
            }
            if (m.argClass(j).isPrimitive() && !args.get(j).neverNull()) {
                skip.append(skip.length() > 0 ? " || " : "").append(args.get(j).isNull());
            }
        }
        if (skip.length() > 0) {
            out.open("if (!(" + skip + "))");
        }
        List<String> sqlArgs = new ArrayList<>();
        for (int j = 0; j < args.size(); j++) {
            sqlArgs.add(ScalarCallGenerator.argument(gen, args.get(j), m.argClass(j), m.argType(j), out));
        }
        String list = ScalarCallGenerator.argumentList(m, sqlArgs);
        out.line(m.guarded(udf + "." + m.method().getName() + "(" + acc + (list.isEmpty() ? "" : ", " + list) + ");"));
        if (skip.length() > 0) {
            out.close();
        }
    }

    private static String vectorDeclarations(ExprGenerator gen, List<LogicalType> argTypes) {
        StringBuilder sb = new StringBuilder();
        for (int idx : gen.usedInputs()) {
            String vc = JavaTypes.vectorClass(argTypes.get(idx));
            sb.append("        final ").append(vc).append(" in").append(idx).append(" = (").append(vc)
                    .append(") args[").append(idx).append("];\n");
        }
        return sb.toString();
    }
}
