package io.sluice.codegen;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Entry point of code generation for the planner: turns a filter and/or projection over one input
 * row type into a compiled {@link BatchCalc} or {@link BatchPredicate} that loops over a whole
 * Arrow batch. Expressions may contain {@code RexInputRef} (column of the input batch),
 * {@code RexLiteral} and {@code RexCall} of the operators in
 * {@link io.sluice.codegen.functions.BuiltInFunctions#operatorTable()}.
 *
 * <p>Reads {@code table.exec.codegen.dump-dir} (write every generated source there) and
 * {@code table.local-time-zone} (session zone for TIMESTAMP_LTZ conversions and CURRENT_DATE & co).
 * Instances are cheap and thread-safe; compiled classes are cached process-wide by source text.
 */
public final class CodeGenerator {
    private final Path dumpDir;
    private final ZoneId zone;
    private final RexBuilder rexBuilder = new RexBuilder(new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE));

    public CodeGenerator(Configuration config) {
        String dir = config.get(ExecutionOptions.CODEGEN_DUMP_DIR);
        this.dumpDir = dir == null || dir.isBlank() ? null : Paths.get(dir);
        String zoneId = config.get(ExecutionOptions.LOCAL_TIME_ZONE);
        try {
            this.zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw new ValidationException("Invalid time zone '" + zoneId + "' for 'table.local-time-zone'", e);
        }
    }

    /**
     * A fused filter + projection: rows for which {@code condition} is TRUE (all rows when it is
     * null) are projected through {@code projects}; output vector k must have the Arrow class of
     * {@code RelTypes.toLogicalType(projects.get(k).getType())}.
     */
    public GeneratedClass<BatchCalc> generateCalc(String description, RelDataType inputType, RexNode condition,
            List<RexNode> projects) {
        return generateCalc(description, inputType, condition, projects, false);
    }

    /**
     * As {@link #generateCalc(String, RelDataType, RexNode, List)}; with {@code consumesInput}, the caller gives
     * the input batch up to the kernel (it neither reads nor emits it afterwards), so when there is no condition
     * an output column that is an input column takes that column's buffers after the loop instead of copying
     * each value.
     */
    public GeneratedClass<BatchCalc> generateCalc(String description, RelDataType inputType, RexNode condition,
            List<RexNode> projects, boolean consumesInput) {
        ExprGenerator gen = new ExprGenerator(inputTypes(inputType), rexBuilder, zone);
        CodeBuilder batchPass = new CodeBuilder(0);
        List<org.apache.calcite.rex.RexCall> batched = io.sluice.codegen.udf.BatchCallGenerator.find(projects);
        if (!batched.isEmpty()) {
            io.sluice.codegen.udf.BatchCallGenerator.generate(gen, condition, batched, batchPass);
        }
        CodeBuilder loop = new CodeBuilder(3);
        if (condition != null) {
            GenExpr c = gen.gen(condition, loop);
            loop.open("if (" + (c.neverNull() ? "" : c.isNull() + " || ") + "!" + c.value() + ")");
            loop.line("continue;");
            loop.close();
        }
        List<LogicalType> outTypes = new ArrayList<>();
        CodeBuilder epilogue = new CodeBuilder(2);
        java.util.Set<Integer> transferred = new java.util.HashSet<>();
        for (int k = 0; k < projects.size(); k++) {
            LogicalType t = RelTypes.toLogicalType(projects.get(k).getType());
            outTypes.add(t);
            loop.line("// output " + k + ": " + comment(projects.get(k).toString()));
            GenExpr e = gen.gen(projects.get(k), loop);
            if (consumesInput && condition == null && projects.get(k) instanceof org.apache.calcite.rex.RexInputRef
                    && copiesVector(e, t)
                    && transferred.add(((org.apache.calcite.rex.RexInputRef) projects.get(k)).getIndex())) {
                // every row is kept: the input column becomes the output column after the loop, without a copy
                epilogue.line(e.vector() + ".makeTransferPair(out" + k + ").transfer();");
                continue;
            }
            writeOutput(gen, e, t, "out" + k, loop);
        }
        loop.line("j++;");

        CodeBuilder body = new CodeBuilder(2);
        declareInputs(gen, body);
        for (int k = 0; k < outTypes.size(); k++) {
            if (outTypes.get(k).root() != TypeRoot.NULL) {
                String vc = JavaTypes.vectorClass(outTypes.get(k));
                body.line("final " + vc + " out" + k + " = (" + vc + ") outputs[" + k + "];");
            }
        }
        if (gen.usesNow()) {
            body.line("final long " + ExprGenerator.NOW + " = System.currentTimeMillis();");
        }
        for (String line : batchPass.toString().split("\n")) {
            if (!line.isEmpty()) {
                body.line(line);
            }
        }
        body.line("int j = 0;");
        String method = "public int process(org.apache.arrow.vector.VectorSchemaRoot input, int rowCount, "
                + "org.apache.arrow.vector.ValueVector[] outputs)";
        StringBuilder header = new StringBuilder();
        header.append(" * Calc: ").append(comment(description)).append('\n');
        header.append(" * Input: ").append(comment(inputType.getFullTypeString())).append('\n');
        header.append(" * Condition: ").append(condition == null ? "none" : comment(condition.toString())).append('\n');
        for (int k = 0; k < projects.size(); k++) {
            header.append(" * Output ").append(k).append(": ").append(comment(projects.get(k).toString())).append('\n');
        }
        return build("Calc", BatchCalc.class, header.toString(), method, body.toString(), loop.toString(),
                epilogue.toString(), "j", gen);
    }

    /** A filter writing the indexes of the rows for which {@code condition} is TRUE into the selection. */
    public GeneratedClass<BatchPredicate> generatePredicate(String description, RelDataType inputType,
            RexNode condition) {
        ExprGenerator gen = new ExprGenerator(inputTypes(inputType), rexBuilder, zone);
        CodeBuilder loop = new CodeBuilder(3);
        GenExpr c = gen.gen(condition, loop);
        loop.open("if (" + (c.neverNull() ? "" : "!" + c.isNull() + " && ") + c.value() + ")");
        loop.line("selection[n++] = i;");
        loop.close();
        CodeBuilder body = new CodeBuilder(2);
        declareInputs(gen, body);
        if (gen.usesNow()) {
            body.line("final long " + ExprGenerator.NOW + " = System.currentTimeMillis();");
        }
        body.line("int n = 0;");
        String method = "public int filter(org.apache.arrow.vector.VectorSchemaRoot input, int rowCount, "
                + "int[] selection)";
        String header = " * Predicate: " + comment(description) + "\n * Input: " + comment(inputType.getFullTypeString())
                + "\n * Condition: " + comment(condition.toString()) + "\n";
        return build("Predicate", BatchPredicate.class, header, method, body.toString(), loop.toString(), "n", gen)
                .withInputColumns(gen.usedInputs().stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<LogicalType> inputTypes(RelDataType inputType) {
        List<LogicalType> types = new ArrayList<>();
        for (RelDataTypeField f : inputType.getFieldList()) {
            types.add(RelTypes.toLogicalType(f.getType()));
        }
        return types;
    }

    private static void declareInputs(ExprGenerator gen, CodeBuilder body) {
        for (int idx : gen.usedInputs()) {
            String vc = JavaTypes.vectorClass(gen.inputTypes().get(idx));
            body.line("final " + vc + " in" + idx + " = (" + vc + ") input.getVector(" + idx + ");");
        }
    }

    private static void writeOutput(ExprGenerator gen, GenExpr e, LogicalType t, String out, CodeBuilder code) {
        if (t.root() == TypeRoot.NULL) {
            return;
        }
        if (copiesVector(e, t)) {
            code.line(out + ".copyFromSafe(" + ExprGenerator.ROW + ", j, " + e.vector() + ");");
            return;
        }
        if (e.alwaysNull()) {
            code.line(out + ".setNull(j);");
            return;
        }
        if (!e.neverNull()) {
            code.open("if (" + e.isNull() + ")");
            code.line(out + ".setNull(j);");
            code.reopen("else");
        } else {
            code.open("");
        }
        if (e.unscaled() != null && JavaTypes.isCompactDecimal(t)) {
            writeUnscaled(gen, e, t, out, code);
            code.close();
            return;
        }
        String v = gen.value(e, code);
        switch (t.root()) {
            case BOOLEAN:
                code.line(out + ".set(j, " + v + " ? 1 : 0);");
                break;
            case CHAR:
            case VARCHAR:
                code.line(out + ".setSafe(j, io.sluice.codegen.runtime.StringRuntime.utf8(" + v + "));");
                break;
            case BINARY:
            case VARBINARY:
                code.line(out + ".setSafe(j, " + v + ");");
                break;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
                code.line("io.sluice.runtime.data.VectorValues.set(" + gen.typeReference(t) + ", " + out + ", j, "
                        + v + ");");
                break;
            case DECIMAL:
                if (e.type().precision() != t.precision() || e.type().scale() != t.scale()) {
                    String fitted = gen.newName("dec");
                    code.line("java.math.BigDecimal " + fitted + " = " + gen.convert(v, e.type(), t) + ";");
                    code.open("if (" + fitted + " == null)");
                    code.line(out + ".setNull(j);");
                    code.reopen("else");
                    code.line("io.sluice.codegen.runtime.DecimalRuntime.write(" + out + ", j, " + fitted + ");");
                    code.close();
                } else if (e.wideUnscaled() != null) {
                    code.open("if (" + e.wideBig() + " == null)");
                    code.line(out + ".set(j, " + e.wideUnscaled() + ");");
                    code.reopen("else");
                    code.line("io.sluice.codegen.runtime.DecimalRuntime.write(" + out + ", j, " + e.wideBig() + ");");
                    code.close();
                } else {
                    code.line("io.sluice.codegen.runtime.DecimalRuntime.write(" + out + ", j, " + v + ");");
                }
                break;
            default:
                code.line(out + ".set(j, " + (e.type().sameTypeAs(t) ? v : gen.convert(v, e.type(), t)) + ");");
        }
        code.close();
    }

    /** Whether {@code e} is an input column whose vector holds exactly what an output column of type {@code t} does. */
    private static boolean copiesVector(GenExpr e, LogicalType t) {
        return e.vector() != null && JavaTypes.vectorClass(e.type()).equals(JavaTypes.vectorClass(t))
                && (!t.root().isConstructed() || e.type().copy(true).equals(t.copy(true)));
    }

    /** Writes a non-null DECIMAL held as an unscaled long straight into the output vector's 16-byte slot. */
    private static void writeUnscaled(ExprGenerator gen, GenExpr e, LogicalType t, String out, CodeBuilder code) {
        LogicalType from = e.type();
        if (from.scale() == t.scale() && from.precision() <= t.precision()) {
            code.line(out + ".set(j, " + e.unscaled() + ");");
            return;
        }
        String u = gen.newName("unscaled");
        code.line("long " + u + " = io.sluice.codegen.runtime.DecimalRuntime.rescale(" + e.unscaled() + ", "
                + from.scale() + ", " + t.scale() + ", " + t.precision() + ");");
        code.open("if (" + u + " == io.sluice.codegen.runtime.DecimalRuntime.OVERFLOW)");
        code.line(out + ".setNull(j);");
        code.reopen("else");
        code.line(out + ".set(j, " + u + ");");
        code.close();
    }

    private <T> GeneratedClass<T> build(String kind, Class<T> iface, String header, String method, String body,
            String loop, String resultVar, ExprGenerator gen) {
        return build(kind, iface, header, method, body, loop, "", resultVar, gen);
    }

    /** As above, with {@code epilogue} run after the loop over the rows. */
    private <T> GeneratedClass<T> build(String kind, Class<T> iface, String header, String method, String body,
            String loop, String epilogue, String resultVar, ExprGenerator gen) {
        StringBuilder rest = new StringBuilder();
        boolean udfs = !gen.userFunctionFields().isEmpty();
        rest.append(" implements ").append(iface.getName())
                .append(udfs ? ", " + io.sluice.runtime.generated.UsesUserFunctions.class.getName() : "").append(" {\n");
        rest.append("    private final Object[] references;\n");
        if (gen.usesWatermark()) {
            rest.append("    private long ").append(ExprGenerator.WATERMARK).append(" = Long.MIN_VALUE;\n");
        }
        for (String f : gen.fieldDeclarations()) {
            rest.append("    ").append(f).append('\n');
        }
        rest.append('\n');
        rest.append("    public ").append("%CLASS%").append("(Object[] references) {\n");
        rest.append("        this.references = references;\n");
        for (String f : gen.fieldInitializers()) {
            rest.append("        ").append(f).append('\n');
        }
        rest.append("    }\n\n");
        rest.append("    ").append(method).append(" {\n");
        rest.append(body);
        rest.append("        for (int i = 0; i < rowCount; i++) {\n");
        rest.append(loop);
        rest.append("        }\n");
        rest.append(epilogue);
        rest.append("        return ").append(resultVar).append(";\n");
        rest.append("    }\n");
        if (udfs) {
            rest.append('\n').append(io.sluice.codegen.udf.UdfCodegen.lifecycleMethods(gen.userFunctionFields()));
        }
        if (gen.usesWatermark()) {
            rest.append("\n    public void setCurrentWatermark(long watermark) {\n        ")
                    .append(ExprGenerator.WATERMARK).append(" = watermark;\n    }\n");
        }
        rest.append("}\n");
        String headerText = "/*\n * Generated by Sluice codegen.\n" + header + " */\n";
        String className = kind + "$" + hash(headerText + rest);
        String source = headerText + "public final class " + className + rest.toString().replace("%CLASS%", className);
        Class<?> compiled = JaninoCompiler.compile(className, source, dumpDir,
                io.sluice.codegen.udf.UdfCodegen.loaderFor(gen.userFunctionClasses()));
        return new GeneratedClass<>(className, source, compiled, gen.references());
    }

    private static String hash(String s) {
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

    /** Text safe inside a Java block comment (no comment end, no unicode escapes, one line). */
    private static String comment(String s) {
        return s.replace("*/", "* /").replace("\\u", "\\ u").replace('\n', ' ').replace('\r', ' ');
    }
}
