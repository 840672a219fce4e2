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
import io.sluice.runtime.operator.correlate.BatchTableFunction;
import io.sluice.runtime.types.LogicalType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;

/**
 * Generates the {@link BatchTableFunction} of a correlate: for each input row, the arguments of the table
 * function call (expressions over the input row) and a direct call of the chosen {@code eval} method on the
 * class's own function instance. A NULL argument for a primitive parameter skips the call (no rows).
 */
public final class TableFunctionCodeGenerator {
    private final Path dumpDir;
    private final ZoneId zone;
    private final RexBuilder rexBuilder = new RexBuilder(new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE));

    public TableFunctionCodeGenerator(Configuration config) {
        String dir = config.get(ExecutionOptions.CODEGEN_DUMP_DIR);
        this.dumpDir = dir == null || dir.isBlank() ? null : Paths.get(dir);
        this.zone = ZoneId.of(config.get(ExecutionOptions.LOCAL_TIME_ZONE));
    }

    /** The code calling {@code invocation} (a call of a {@link TableUserSqlFunction} over input columns). */
    public GeneratedClass<BatchTableFunction> generate(String description, RelDataType inputType, RexCall invocation) {
        UserFunction function = ((TableUserSqlFunction) invocation.getOperator()).function();
        List<LogicalType> inputTypes = new ArrayList<>();
        for (RelDataTypeField f : inputType.getFieldList()) {
            inputTypes.add(RelTypes.toLogicalType(f.getType()));
        }
        ExprGenerator gen = new ExprGenerator(inputTypes, rexBuilder, zone);
        CodeBuilder loop = new CodeBuilder(3);
        loop.line("collector.startRow(i);");
        List<GenExpr> args = gen.genOperands(invocation, loop);
        List<LogicalType> argTypes = new ArrayList<>();
        args.forEach(a -> argTypes.add(a.type()));
        UdfMethod m = function.resolve(argTypes);
        if (m == null) {
            throw new IllegalStateException("no eval method of " + function + " accepts " + argTypes);
        }
        String udf = gen.addUserFunction(function);
        StringBuilder skip = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (m.argClass(i).isPrimitive() && !args.get(i).neverNull()) {
                skip.append(skip.length() > 0 ? " || " : "").append(args.get(i).isNull());
            }
        }
        loop.open(skip.length() == 0 ? "" : "if (!(" + skip + "))");
        List<String> javaArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            javaArgs.add(ScalarCallGenerator.argument(gen, args.get(i), m.argClass(i), m.argType(i), loop));
        }
        loop.line(m.guarded(udf + "." + m.method().getName() + "(" + ScalarCallGenerator.argumentList(m, javaArgs)
                + ");"));
        loop.close();
        loop.line("collector.endRow();");

        CodeBuilder body = new CodeBuilder(2);
        for (int idx : gen.usedInputs()) {
            String vc = JavaTypes.vectorClass(inputTypes.get(idx));
            body.line("final " + vc + " in" + idx + " = (" + vc + ") input.getVector(" + idx + ");");
        }
        if (gen.usesNow()) {
            body.line("final long " + ExprGenerator.NOW + " = System.currentTimeMillis();");
        }
        String collectorClass = io.sluice.runtime.operator.correlate.CorrelateCollector.class.getName();
        StringBuilder rest = new StringBuilder();
        rest.append(" implements ").append(BatchTableFunction.class.getName()).append(", ")
                .append(UsesUserFunctions.class.getName()).append(" {\n");
        rest.append("    private final Object[] references;\n");
        gen.fieldDeclarations().forEach(f -> rest.append("    ").append(f).append('\n'));
        rest.append("\n    public %CLASS%(Object[] references) {\n        this.references = references;\n");
        gen.fieldInitializers().forEach(f -> rest.append("        ").append(f).append('\n'));
        rest.append("    }\n\n");
        rest.append("    public void setCollector(").append(collectorClass).append(" collector) {\n");
        rest.append("        ").append(udf).append(".setCollector(collector);\n    }\n\n");
        rest.append("    public void process(org.apache.arrow.vector.VectorSchemaRoot input, int rowCount, ")
                .append(collectorClass).append(" collector) {\n");
        rest.append(body);
        rest.append("        for (int i = 0; i < rowCount; i++) {\n").append(loop).append("        }\n    }\n\n");
        rest.append(UdfCodegen.lifecycleMethods(gen.userFunctionFields()));
        rest.append("}\n");
        String header = "/*\n * Generated by Sluice codegen.\n * Correlate: " + comment(description) + "\n * Input: "
                + comment(inputType.getFullTypeString()) + "\n * Call: " + comment(invocation.toString()) + "\n */\n";
        String className = "TableFunction$" + hash(header + rest);
        String source = header + "public final class " + className + rest.toString().replace("%CLASS%", className);
        Class<?> compiled = JaninoCompiler.compile(className, source, dumpDir,
                UdfCodegen.loaderFor(gen.userFunctionClasses()));
        return new GeneratedClass<>(className, source, compiled, gen.references());
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                sb.append(String.format("%02x", d[k]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String comment(String s) {
        return s.replace("*/", "* /").replace("\\u", "\\ u").replace('\n', ' ').replace('\r', ' ');
    }
}
