package io.sluice.python.udf;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.codegen.udf.TypeStrings;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.janino.SimpleCompiler;

/**
 * Registers a Python scalar function (or, with {@code "kind": "table"}, a table function; {@code "aggregate"}, an
 * aggregate function; {@code "table_aggregate"}, a table aggregate function): generates a
 * {@link PythonScalarFunction} (or {@link PythonTableFunction}, ...) subclass whose {@code eval} methods
 * have the SQL types of the function (the declared input types, or, without them, one overload for every
 * combination of BIGINT, DOUBLE, STRING, BOOLEAN, DECIMAL, DATE and TIMESTAMP arguments, up to three arguments),
 * compiles it with Janino and registers a configured instance as a temporary system function.
 */
public final class PythonFunctionRegistrar {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String[] GENERIC = {"Long", "Double", "String", "Boolean", "java.math.BigDecimal",
        "java.time.LocalDate", "java.time.LocalDateTime"};
    private static final int MAX_GENERIC_ARITY = 3;

    private PythonFunctionRegistrar() {
    }

    /**
     * Request fields: {@code name}, {@code result_type} (SQL type text), {@code input_types} (optional list),
     * {@code arity}, {@code python} (interpreter), {@code python_path}, {@code deterministic}, {@code temporary}
     * (a temporary catalog function rather than a system function).
     */
    public static void register(TableEnvironment env, JsonNode r, byte[] payload) throws Exception {
        io.sluice.table.functions.UserDefinedFunction f = create(r, payload);
        String name = r.get("name").asText();
        if (r.path("temporary").asBoolean(false)) {
            env.createTemporaryFunction(name, f);
        } else {
            env.createTemporarySystemFunction(name, f);
        }
    }

    /** A configured instance of a new generated function class, for {@code call(instance, ...)} or registration. */
    public static io.sluice.table.functions.UserDefinedFunction create(JsonNode r, byte[] payload) throws Exception {
        String name = r.get("name").asText();
        boolean table = "table".equals(r.path("kind").asText());
        boolean aggregate = "aggregate".equals(r.path("kind").asText());
        boolean tableAggregate = "table_aggregate".equals(r.path("kind").asText());
        String resultText = r.get("result_type").asText();
        if ((table || tableAggregate) && TypeStrings.parseRow(resultText) == null) {
            throw new ValidationException("The result type of Python " + (table ? "table" : "table aggregate")
                    + " function '" + name + "' must be a ROW type, not " + resultText);
        }
        boolean rows = table || tableAggregate;
        LogicalType result = rows ? null : io.sluice.codegen.udf.TypeStrings.parseType(resultText);
        String resultName = rows ? resultText : result.copy(true).typeName();
        List<List<String>> signatures = new ArrayList<>();
        if (r.hasNonNull("input_types")) {
            List<String> params = new ArrayList<>();
            for (JsonNode t : r.get("input_types")) {
                params.add(hinted(io.sluice.codegen.udf.TypeStrings.parseType(t.asText())));
            }
            signatures.add(params);
        } else {
            int arity = r.get("arity").asInt();
            if (arity < 0 || arity > MAX_GENERIC_ARITY) {
                throw new UnsupportedFeatureException("Python function '" + name + "' with " + (arity < 0
                        ? "variable arguments" : arity + " arguments") + " and no input_types; declare "
                        + "input_types=[DataTypes...] in @udf");
            }
            combinations(arity, new ArrayList<>(), signatures);
        }
        String className = "PythonFunction" + COUNTER.incrementAndGet();
        String source = table ? tableSource(className, resultName, signatures)
                : tableAggregate ? tableAggregateSource(className, resultName, signatures)
                : aggregate ? aggregateSource(className, hinted(result), JavaClasses.of(result), signatures)
                : source(className, hinted(result), JavaClasses.of(result), signatures);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(PythonScalarFunction.class.getClassLoader());
        compiler.cook(source);
        Class<?> cls = compiler.getClassLoader().loadClass("io.sluice.python.udf.generated." + className);
        PythonFunctionSpec spec = new PythonFunctionSpec(name, payload, r.get("python").asText(),
                r.get("python_path").asText(), r.path("deterministic").asBoolean(true), resultName);
        Object f = cls.getConstructor().newInstance();
        if (table) {
            ((PythonTableFunction) f).configure(spec);
        } else if (aggregate) {
            ((PythonAggregateFunction) f).configure(spec, "pandas".equals(r.path("func_type").asText())
                    ? io.sluice.table.functions.python.PythonFunctionKind.PANDAS
                    : io.sluice.table.functions.python.PythonFunctionKind.GENERAL);
        } else if (tableAggregate) {
            ((PythonTableAggregateFunction) f).configure(spec);
        } else {
            ((PythonScalarFunction) f).configure(spec);
        }
        return (io.sluice.table.functions.UserDefinedFunction) f;
    }

    private static void combinations(int arity, List<String> prefix, List<List<String>> out) {
        if (prefix.size() == arity) {
            out.add(new ArrayList<>(prefix));
            return;
        }
        for (String c : GENERIC) {
            prefix.add(c);
            combinations(arity, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    /** A parameter declaration: the Java class with the exact SQL type as a hint. */
    private static String hinted(LogicalType t) {
        Class<?> c = JavaClasses.of(t);
        if (c == null) {
            throw new ValidationException("not supported yet: Python functions over " + t.typeName());
        }
        return "@io.sluice.table.annotation.DataTypeHint(\"" + t.copy(true).typeName() + "\") " + c.getCanonicalName();
    }

    /**
     * The method annotation repeating the parameters' type hints (Janino keeps method annotations but not parameter
     * ones), or nothing when the parameters have none.
     */
    static String functionHint(List<String> params) {
        String prefix = "@io.sluice.table.annotation.DataTypeHint(";
        List<String> hints = new ArrayList<>();
        for (String p : params) {
            if (!p.startsWith(prefix)) {
                return "";
            }
            hints.add(p.substring(0, p.indexOf(") ") + 1));
        }
        return hints.isEmpty() ? "" : "@io.sluice.table.annotation.FunctionHint(input = {" + String.join(", ", hints)
                + "}) ";
    }

    static String aggregateSource(String className, String resultDecl, Class<?> resultClass,
            List<List<String>> signatures) {
        String acc = PythonAccumulator.class.getName();
        String rc = resultClass.getCanonicalName();
        StringBuilder sb = new StringBuilder("package io.sluice.python.udf.generated;\n");
        sb.append("public class ").append(className).append(" extends io.sluice.python.udf.PythonAggregateFunction {\n");
        sb.append("  public ").append(className).append("() {}\n");
        sb.append("  public ").append(resultDecl).append(" getValue(").append(acc).append(" acc) {\n    return (")
                .append(rc).append(") value(").append(rc).append(".class, acc);\n  }\n");
        sb.append("  public Object getValue(Object acc) {\n    return getValue((").append(acc).append(") acc);\n  }\n");
        return accumulateMethods(sb, signatures);
    }

    /** A {@link PythonTableAggregateFunction} subclass with the ROW result type as its class hint. */
    static String tableAggregateSource(String className, String rowType, List<List<String>> signatures) {
        StringBuilder sb = new StringBuilder("package io.sluice.python.udf.generated;\n");
        sb.append("@io.sluice.table.annotation.DataTypeHint(\"").append(rowType.replace("\"", "\\\""))
                .append("\")\n");
        sb.append("public class ").append(className)
                .append(" extends io.sluice.python.udf.PythonTableAggregateFunction {\n");
        sb.append("  public ").append(className).append("() {}\n");
        return accumulateMethods(sb, signatures);
    }

    /** Typed accumulate and retract methods calling accumulateRow / retractRow; closes the class. */
    private static String accumulateMethods(StringBuilder sb, List<List<String>> signatures) {
        String acc = PythonAccumulator.class.getName();
        for (String method : new String[] {"accumulate", "retract"}) {
            for (List<String> params : signatures) {
                sb.append("  ").append(functionHint(params)).append("public void ").append(method).append("(")
                        .append(acc).append(" acc");
                for (int i = 0; i < params.size(); i++) {
                    sb.append(", ").append(params.get(i)).append(" a").append(i);
                }
                sb.append(") {\n    ").append(method).append("Row(acc, new Object[] {");
                for (int i = 0; i < params.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append("a").append(i);
                }
                sb.append("});\n  }\n");
            }
        }
        return sb.append("}\n").toString();
    }

    static String tableSource(String className, String rowType, List<List<String>> signatures) {
        StringBuilder sb = new StringBuilder("package io.sluice.python.udf.generated;\n");
        sb.append("@io.sluice.table.annotation.DataTypeHint(\"").append(rowType.replace("\"", "\\\""))
                .append("\")\n");
        sb.append("public class ").append(className).append(" extends io.sluice.python.udf.PythonTableFunction {\n");
        sb.append("  public ").append(className).append("() {}\n");
        for (List<String> params : signatures) {
            sb.append("  ").append(functionHint(params)).append("public void eval(");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(params.get(i)).append(" a").append(i);
            }
            sb.append(") {\n    invokeTable(new Object[] {");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i > 0 ? ", " : "").append("a").append(i);
            }
            sb.append("});\n  }\n");
        }
        return sb.append("}\n").toString();
    }

    static String source(String className, String resultDecl, Class<?> resultClass, List<List<String>> signatures) {
        StringBuilder sb = new StringBuilder("package io.sluice.python.udf.generated;\n");
        sb.append("public class ").append(className).append(" extends io.sluice.python.udf.PythonScalarFunction {\n");
        sb.append("  public ").append(className).append("() {}\n");
        for (List<String> params : signatures) {
            sb.append("  ").append(functionHint(params)).append("public ").append(resultDecl).append(" eval(");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(params.get(i)).append(" a").append(i);
            }
            sb.append(") {\n    return (").append(resultClass.getCanonicalName()).append(") invoke(")
                    .append(resultClass.getCanonicalName()).append(".class, new Object[] {");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i > 0 ? ", " : "").append("a").append(i);
            }
            sb.append("});\n  }\n");
        }
        return sb.append("}\n").toString();
    }
}
