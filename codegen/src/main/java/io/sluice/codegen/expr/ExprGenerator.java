package io.sluice.codegen.expr;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.functions.BuiltInFunction;
import io.sluice.codegen.functions.BuiltInFunctions;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Generates per-row Java statements for expressions over one input batch. One instance generates
 * one class: it numbers variables deterministically ({@code isNull3}, {@code val3}), collects the
 * constructor references and class fields the expressions need, and records which input columns
 * are read. The row index variable is {@link #ROW}.
 */
public final class ExprGenerator {
    /** Name of the row index variable in generated loops. */
    public static final String ROW = "i";
    /** Name of the per-batch "current time" local (epoch millis) when {@link #nowMillis()} was used. */
    public static final String NOW = "nowMillis";
    private static final String DEC = "io.sluice.codegen.runtime.DecimalRuntime";

    private final List<LogicalType> inputTypes;
    private final RexBuilder rexBuilder;
    private final ZoneId zone;
    private final List<Object> references = new ArrayList<>();
    private final List<String> fieldDeclarations = new ArrayList<>();
    private final List<String> fieldInitializers = new ArrayList<>();
    private final SortedSet<Integer> usedInputs = new TreeSet<>();
    private final java.util.Map<Object, String> userFunctionFields = new java.util.LinkedHashMap<>();
    private final java.util.Map<RexCall, String> batchedCalls = new java.util.IdentityHashMap<>();
    private final List<Class<?>> userFunctionClasses = new ArrayList<>();
    private final java.util.Map<String, String> typeFields = new java.util.HashMap<>();
    private final java.util.Map<String, String> sharedMembers = new java.util.HashMap<>();
    private int counter;
    private boolean usesNow;
    /** Name of the current-watermark field when {@link #currentWatermark()} was used. */
    public static final String WATERMARK = "currentWatermark";
    private boolean usesWatermark;
    private String zoneField;

    public ExprGenerator(List<LogicalType> inputTypes, RexBuilder rexBuilder, ZoneId zone) {
        this.inputTypes = inputTypes;
        this.rexBuilder = rexBuilder;
        this.zone = zone;
    }

    public RexBuilder rexBuilder() {
        return rexBuilder;
    }

    /** A fresh deterministic identifier {@code prefix<n>}. */
    public String newName(String prefix) {
        return prefix + (counter++);
    }

    /** Adds a constructor reference and a typed final field holding it; returns the field name. */
    public String addReference(Object value, String javaType) {
        int k = references.size();
        references.add(value);
        String name = "ref" + k;
        fieldDeclarations.add("private final " + javaType + " " + name + ";");
        fieldInitializers.add(name + " = (" + javaType + ") references[" + k + "];");
        return name;
    }

    /** Adds a class field initialized in the constructor by a Java expression; returns its name. */
    public String addMember(String javaType, String initializer) {
        String name = newName("member");
        fieldDeclarations.add("private final " + javaType + " " + name + ";");
        fieldInitializers.add(name + " = " + initializer + ";");
        return name;
    }

    /**
     * {@link #addMember} once per {@code key}: equal calls in one generated class get the same field (e.g. one view
     * and matcher for every {@code REGEXP_EXTRACT} of the same column and regex).
     */
    public String sharedMember(String key, String javaType, String initializer) {
        String existing = sharedMembers.get(key);
        if (existing == null) {
            existing = addMember(javaType, initializer);
            sharedMembers.put(key, existing);
        }
        return existing;
    }

    /**
     * A field holding this kernel's own instance of a user-defined function (one per function per generated
     * class, created by {@code factory.newInstance()} in the constructor); returns the field name.
     */
    public String addUserFunction(io.sluice.codegen.udf.UserFunction function) {
        String existing = userFunctionFields.get(function);
        if (existing != null) {
            return existing;
        }
        String type = io.sluice.codegen.udf.ExternalTypes.sourceName(function.functionClass());
        int k = references.size();
        references.add(function);
        String name = "udf" + userFunctionFields.size();
        fieldDeclarations.add("private final " + type + " " + name + ";");
        fieldInitializers.add(name + " = (" + type + ") ((io.sluice.codegen.udf.UserFunction) references[" + k
                + "]).newInstance();");
        userFunctionFields.put(function, name);
        userFunctionClasses.add(function.functionClass());
        return name;
    }

    /** Fields holding user-defined function instances, in creation order. */
    public List<String> userFunctionFields() {
        return new ArrayList<>(userFunctionFields.values());
    }

    /** Classes of the user-defined functions the generated class calls. */
    public List<Class<?>> userFunctionClasses() {
        return Collections.unmodifiableList(userFunctionClasses);
    }

    /** The field holding the session time zone ({@code table.local-time-zone}). */
    public String zone() {
        if (zoneField == null) {
            zoneField = addReference(zone, "java.time.ZoneId");
        }
        return zoneField;
    }

    /** The Java expression for the statement time (epoch millis), fixed per batch. */
    public String nowMillis() {
        usesNow = true;
        return NOW;
    }

    public boolean usesNow() {
        return usesNow;
    }

    /**
     * The Java expression for the operator's current watermark (epoch millis; {@link Long#MIN_VALUE} before the
     * first one), a field of the generated class that its operator updates through {@code setCurrentWatermark}.
     */
    public String currentWatermark() {
        usesWatermark = true;
        return WATERMARK;
    }

    /** Whether the generated class needs the current-watermark field. */
    public boolean usesWatermark() {
        return usesWatermark;
    }

    public Object[] references() {
        return references.toArray();
    }

    public List<String> fieldDeclarations() {
        return Collections.unmodifiableList(fieldDeclarations);
    }

    public List<String> fieldInitializers() {
        return Collections.unmodifiableList(fieldInitializers);
    }

    public SortedSet<Integer> usedInputs() {
        return Collections.unmodifiableSortedSet(usedInputs);
    }

    public List<LogicalType> inputTypes() {
        return inputTypes;
    }

    /** The variable holding input column {@code index}'s vector (declared before the loop). */
    public String inputVector(int index) {
        usedInputs.add(index);
        return "in" + index;
    }

    public static LogicalType typeOf(RexNode node) {
        return RelTypes.toLogicalType(node.getType());
    }

    /** Generates statements computing {@code node} into {@code out}. */
    public GenExpr gen(RexNode node, CodeBuilder out) {
        if (node instanceof RexInputRef) {
            return inputRef(((RexInputRef) node).getIndex(), out);
        }
        if (node instanceof RexLiteral) {
            return literal((RexLiteral) node);
        }
        if (node instanceof org.apache.calcite.rex.RexFieldAccess) {
            org.apache.calcite.rex.RexFieldAccess access = (org.apache.calcite.rex.RexFieldAccess) node;
            GenExpr row = gen(access.getReferenceExpr(), out);
            String r = value(row, out);
            return fromExternal((row.neverNull() ? "" : row.isNull() + " ? null : ") + r + ".getField("
                    + access.getField().getIndex() + ")", typeOf(access), out);
        }
        if (node instanceof RexCall) {
            RexCall call = (RexCall) node;
            if (call.getOperator() instanceof io.sluice.codegen.udf.ScalarUserSqlFunction) {
                return io.sluice.codegen.udf.ScalarCallGenerator.generate(this, call, out);
            }
            BuiltInFunction f = BuiltInFunctions.lookup(call.getOperator());
            if (f == null) {
                throw new UnsupportedFeatureException("function " + call.getOperator().getName());
            }
            return f.generate(this, call, out);
        }
        throw new UnsupportedFeatureException("expression " + node.getKind() + " in generated code");
    }

    /**
     * Records that {@code call}'s value for the current output row was computed before the loop and is read by the
     * Java expression {@code access} (see {@link io.sluice.codegen.udf.BatchCallGenerator}).
     */
    public void batched(RexCall call, String access) {
        batchedCalls.put(call, access);
    }

    /** The expression reading {@code call}'s precomputed value, or null when it is computed per row. */
    public String batchedResult(RexCall call) {
        return batchedCalls.get(call);
    }

    /** Generates all operands of a call, in order. */
    public List<GenExpr> genOperands(RexCall call, CodeBuilder out) {
        List<GenExpr> args = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
            args.add(gen(o, out));
        }
        return args;
    }

    private GenExpr inputRef(int index, CodeBuilder out) {
        LogicalType t = inputTypes.get(index);
        String vec = inputVector(index);
        if (t.root() == TypeRoot.NULL) {
            return GenExpr.of("true", "null", t);
        }
        String isNull = newName("isNull");
        out.line("boolean " + isNull + " = " + (t.isNullable() ? vec + ".isNull(" + ROW + ")" : "false") + ";");
        if (t.root().isCharacterString() || t.root().isBinaryString() || t.root().isConstructed()) {
            return new GenExpr(isNull, null, t, vec, null);
        }
        if (JavaTypes.isCompactDecimal(t)) {
            String u = newName("unscaled");
            out.line("long " + u + " = " + isNull + " ? 0L : " + DEC + ".unscaled(" + vec + ", " + ROW + ");");
            return GenExpr.compactDecimal(isNull, u, t, null, null);
        }
        String read;
        switch (t.root()) {
            case BOOLEAN:
                read = vec + ".get(" + ROW + ") != 0";
                break;
            case DECIMAL:
                read = DEC + ".read(" + vec + ", " + ROW + ")";
                break;
            case INTERVAL_DAY_TIME:
                read = "org.apache.arrow.vector.DurationVector.get(" + vec + ".getDataBuffer(), " + ROW + ")";
                break;
            default:
                read = vec + ".get(" + ROW + ")";
        }
        String val = newName("val");
        out.line(JavaTypes.javaType(t) + " " + val + " = " + isNull + " ? " + JavaTypes.defaultValue(t) + " : "
                + read + ";");
        return GenExpr.of(isNull, val, t);
    }

    private GenExpr literal(RexLiteral lit) {
        LogicalType t = typeOf(lit);
        if (lit.isNull()) {
            return GenExpr.of("true", JavaTypes.defaultValue(t), t);
        }
        switch (t.root()) {
            case BOOLEAN: {
                Boolean b = lit.getValueAs(Boolean.class);
                return new GenExpr("false", String.valueOf(b), t, null, b);
            }
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT: {
                long v = lit.getValueAs(BigDecimal.class).longValue();
                String code = t.root() == TypeRoot.BIGINT ? v + "L"
                        : t.root() == TypeRoot.INTEGER ? String.valueOf(v)
                        : "(" + JavaTypes.javaType(t) + ") " + v;
                if (t.root() == TypeRoot.INTEGER && v == Integer.MIN_VALUE) {
                    code = "Integer.MIN_VALUE";
                } else if (t.root() == TypeRoot.BIGINT && v == Long.MIN_VALUE) {
                    code = "Long.MIN_VALUE";
                }
                return new GenExpr("false", code, t, null, v);
            }
            case FLOAT:
            case DOUBLE: {
                double d = lit.getValueAs(Double.class);
                String code = doubleLiteral(d);
                if (t.root() == TypeRoot.FLOAT) {
                    code = "(float) " + code;
                }
                return new GenExpr("false", code, t, null, d);
            }
            case DECIMAL: {
                BigDecimal v = lit.getValueAs(BigDecimal.class);
                if (v.scale() != t.scale()) {
                    v = v.setScale(t.scale(), java.math.RoundingMode.HALF_UP);
                }
                if (JavaTypes.isCompactDecimal(t) && v.unscaledValue().bitLength() < 64) {
                    return GenExpr.compactDecimal("false", v.unscaledValue().longValueExact() + "L", t,
                            addReference(v, "java.math.BigDecimal"), v);
                }
                return new GenExpr("false", addReference(v, "java.math.BigDecimal"), t, null, v);
            }
            case CHAR:
            case VARCHAR: {
                String s = lit.getValueAs(String.class);
                return new GenExpr("false", JavaTypes.stringLiteral(s), t, null, s);
            }
            case BINARY:
            case VARBINARY: {
                byte[] b = lit.getValueAs(byte[].class);
                return new GenExpr("false", addReference(b, "byte[]"), t, null, b);
            }
            case DATE:
            case TIME:
            case INTERVAL_YEAR_MONTH: {
                long v = t.root() == TypeRoot.INTERVAL_YEAR_MONTH ? lit.getValueAs(BigDecimal.class).longValue()
                        : lit.getValueAs(Integer.class);
                return new GenExpr("false", String.valueOf(v), t, null, v);
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case INTERVAL_DAY_TIME: {
                long v = t.root() == TypeRoot.INTERVAL_DAY_TIME ? lit.getValueAs(BigDecimal.class).longValue()
                        : t.precision() <= 3 ? lit.getValueAs(Long.class)
                        : io.sluice.runtime.types.TimestampUnits.fromLocalDateTime(java.time.LocalDateTime.parse(
                                lit.getValueAs(org.apache.calcite.util.TimestampString.class).toString()
                                        .replace(' ', 'T')), t.precision());
                return new GenExpr("false", v + "L", t, null, v);
            }
            default:
                throw new UnsupportedFeatureException("literal of type " + t);
        }
    }

    private static String doubleLiteral(double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(d) + "d";
    }

    /** A Java expression for the value of {@code e}, decoding an undecoded string/binary column first. */
    public String value(GenExpr e, CodeBuilder out) {
        if (e.value() != null) {
            return e.value();
        }
        if (e.unscaled() != null) {
            String dec = newName("dec");
            out.line("java.math.BigDecimal " + dec + " = " + e.isNull() + " ? null : java.math.BigDecimal.valueOf("
                    + e.unscaled() + ", " + e.type().scale() + ");");
            return dec;
        }
        String name = newName("str");
        if (e.type().root().isConstructed()) {
            String jt = JavaTypes.javaType(e.type());
            out.line(jt + " " + name + " = " + e.isNull() + " ? null : (" + jt + ") "
                    + "io.sluice.runtime.data.VectorValues.get(" + typeReference(e.type()) + ", " + e.vector() + ", "
                    + ROW + ");");
            return name;
        }
        if (e.type().root().isCharacterString()) {
            out.line("String " + name + " = " + e.isNull() + " ? null : io.sluice.codegen.runtime.StringRuntime.read("
                    + e.vector() + ", " + ROW + ");");
        } else {
            out.line("byte[] " + name + " = " + e.isNull() + " ? null : " + e.vector() + ".get(" + ROW + ");");
        }
        return name;
    }

    /** A class field holding {@code type} (for runtime helpers of constructed types); returns its name. */
    public String typeReference(LogicalType type) {
        String key = "type:" + type;
        String existing = typeFields.get(key);
        if (existing == null) {
            existing = addReference(type, "io.sluice.runtime.types.LogicalType");
            typeFields.put(key, existing);
        }
        return existing;
    }

    private static final String COLL = "io.sluice.codegen.runtime.CollectionRuntime";

    /**
     * A Java expression of type {@code Object}: the external value of {@code e} (as ARRAY elements, MAP entries and
     * ROW fields hold it), null when {@code e} is NULL.
     */
    public String external(GenExpr e, CodeBuilder out) {
        if (e.alwaysNull()) {
            return "null";
        }
        String v = value(e, out);
        LogicalType t = e.type();
        String box = boxed(JavaTypes.javaType(t));
        String x = box == null ? "(Object) " + v
                : COLL + ".toExternal(" + typeReference(t) + ", " + box + ".valueOf(" + v + "))";
        return e.neverNull() ? x : "(" + e.isNull() + " ? null : " + x + ")";
    }

    /** The value of {@code type} read from {@code externalExpr} (a Java expression of an external value or null). */
    public GenExpr fromExternal(String externalExpr, LogicalType type, CodeBuilder out) {
        String o = newName("obj");
        out.line("Object " + o + " = " + externalExpr + ";");
        String isNull = newName("isNull");
        String val = newName("val");
        String jt = JavaTypes.javaType(type);
        String box = boxed(jt);
        String internal = COLL + ".toInternal(" + typeReference(type) + ", " + o + ")";
        out.line("boolean " + isNull + " = " + o + " == null;");
        out.line(jt + " " + val + " = " + isNull + " ? " + JavaTypes.defaultValue(type) + " : "
                + (box == null ? "(" + jt + ") " + internal : "((" + box + ") " + internal + ")." + jt + "Value()")
                + ";");
        return GenExpr.of(isNull, val, type);
    }

    /** The wrapper class of a primitive Java type, or null for reference types. */
    private static String boxed(String javaType) {
        switch (javaType) {
            case "boolean":
                return "Boolean";
            case "byte":
                return "Byte";
            case "short":
                return "Short";
            case "int":
                return "Integer";
            case "long":
                return "Long";
            case "float":
                return "Float";
            case "double":
                return "Double";
            default:
                return null;
        }
    }

    /** Declares {@code boolean isNullN = isNullInit; T valN = default;} and returns the variables. */
    public GenExpr declare(LogicalType type, String isNullInit, CodeBuilder out) {
        String isNull = newName("isNull");
        String val = newName("val");
        out.line("boolean " + isNull + " = " + isNullInit + ";");
        out.line(JavaTypes.javaType(type) + " " + val + " = " + JavaTypes.defaultValue(type) + ";");
        return GenExpr.of(isNull, val, type);
    }

    /**
     * A strict function: NULL when any argument is NULL, else {@code body(argument values)} converted to
     * the result type. Argument values are decoded strings for string columns. A body of a reference
     * type may yield null, which becomes SQL NULL.
     */
    public GenExpr strict(List<GenExpr> args, LogicalType resultType, CodeBuilder out,
            Function<List<String>, String> body) {
        StringBuilder anyNull = new StringBuilder();
        for (GenExpr a : args) {
            if (a.neverNull()) {
                continue;
            }
            if (anyNull.length() > 0) {
                anyNull.append(" || ");
            }
            anyNull.append(a.isNull());
        }
        GenExpr r = declare(resultType, anyNull.length() == 0 ? "false" : anyNull.toString(), out);
        out.open("if (!" + r.isNull() + ")");
        List<String> values = new ArrayList<>();
        for (GenExpr a : args) {
            values.add(value(a, out));
        }
        out.line(r.value() + " = " + body.apply(values) + ";");
        if (JavaTypes.isReference(resultType)) {
            out.line(r.isNull() + " = " + r.value() + " == null;");
        }
        out.close();
        return r;
    }

    /**
     * Whether {@code e} is a string column read in place (see {@link #strictOverView}).
     */
    public static boolean isStringColumn(GenExpr e) {
        return e.vector() != null && e.value() == null && e.type().root().isCharacterString();
    }

    /**
     * {@link #strict} for a function whose first argument is a string column ({@link #isStringColumn}) that the body
     * reads through a {@link io.sluice.codegen.runtime.Utf8View} of its own instead of a decoded {@code String}: the
     * body's first value is an expression of the view loaded with the current row, the others are as in strict.
     */
    public GenExpr strictOverView(List<GenExpr> args, LogicalType resultType, CodeBuilder out,
            Function<List<String>, String> body) {
        return strictOverView(args, resultType, out, null, body);
    }

    /**
     * {@link #strictOverView} with a view shared by the calls of the same {@code viewKey} in this class (null: a view
     * of this call's own).
     */
    public GenExpr strictOverView(List<GenExpr> args, LogicalType resultType, CodeBuilder out, String viewKey,
            Function<List<String>, String> body) {
        GenExpr column = args.get(0);
        if (!isStringColumn(column)) {
            throw new IllegalArgumentException("not a string column: " + column.type());
        }
        String type = "io.sluice.codegen.runtime.Utf8View";
        String view = viewKey == null ? addMember(type, "new " + type + "()")
                : sharedMember("view:" + viewKey, type, "new " + type + "()");
        StringBuilder anyNull = new StringBuilder();
        for (GenExpr a : args) {
            if (!a.neverNull()) {
                anyNull.append(anyNull.length() > 0 ? " || " : "").append(a.isNull());
            }
        }
        GenExpr r = declare(resultType, anyNull.length() == 0 ? "false" : anyNull.toString(), out);
        out.open("if (!" + r.isNull() + ")");
        List<String> values = new ArrayList<>();
        values.add(view + ".load(" + column.vector() + ", " + ROW + ")");
        for (GenExpr a : args.subList(1, args.size())) {
            values.add(value(a, out));
        }
        out.line(r.value() + " = " + body.apply(values) + ";");
        if (JavaTypes.isReference(resultType)) {
            out.line(r.isNull() + " = " + r.value() + " == null;");
        }
        out.close();
        return r;
    }

    /**
     * The unscaled {@code long} form of a numeric operand for the compact DECIMAL kernels, with its scale: a
     * DECIMAL that carries {@link GenExpr#unscaled()}, or an integer (scale 0); null for anything else.
     */
    public static UnscaledOperand unscaledOperand(GenExpr e) {
        if (e.unscaled() != null) {
            return new UnscaledOperand(e.unscaled(), e.type().scale());
        }
        if (e.type().root().isIntegral() && e.value() != null) {
            return new UnscaledOperand("(long) (" + e.value() + ")", 0);
        }
        return null;
    }

    /** A Java {@code long} expression and the decimal scale it is held at. */
    public static final class UnscaledOperand {
        private final String code;
        private final int scale;

        UnscaledOperand(String code, int scale) {
            this.code = code;
            this.scale = scale;
        }

        /** The Java {@code long} expression (valid when the operand is not NULL). */
        public String code() {
            return code;
        }

        public int scale() {
            return scale;
        }
    }

    /**
     * A strict function whose result is a DECIMAL of precision &le; 18 computed as an unscaled {@code long}:
     * NULL when any argument is NULL, else {@code body}, where a body result of {@code DecimalRuntime.OVERFLOW}
     * (the value does not fit the result precision) becomes NULL when {@code mayOverflow}.
     */
    public GenExpr strictUnscaled(List<GenExpr> args, LogicalType resultType, boolean mayOverflow, CodeBuilder out,
            String body) {
        StringBuilder anyNull = new StringBuilder();
        for (GenExpr a : args) {
            if (!a.neverNull()) {
                anyNull.append(anyNull.length() > 0 ? " || " : "").append(a.isNull());
            }
        }
        String isNull = newName("isNull");
        String u = newName("unscaled");
        out.line("boolean " + isNull + " = " + (anyNull.length() == 0 ? "false" : anyNull) + ";");
        out.line("long " + u + " = " + isNull + " ? 0L : " + body + ";");
        if (mayOverflow) {
            out.line(isNull + " = " + isNull + " || " + u + " == " + DEC + ".OVERFLOW;");
        }
        return GenExpr.compactDecimal(isNull, u, resultType, null, null);
    }

    /** {@link #strict} over the call's operands, with the call's type as result type. */
    public GenExpr callStrict(RexCall call, CodeBuilder out, Function<List<String>, String> body) {
        return strict(genOperands(call, out), typeOf(call), out, body);
    }

    /**
     * Converts a non-null Java value between representations of numeric (and same-family) types;
     * a DECIMAL result may be null when it overflows the target precision.
     */
    public String convert(String value, LogicalType from, LogicalType to) {
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (t == TypeRoot.DECIMAL) {
            if (f == TypeRoot.DECIMAL) {
                return from.precision() == to.precision() && from.scale() == to.scale() ? value
                        : "io.sluice.codegen.runtime.DecimalRuntime.fit(" + value + ", " + to.precision() + ", "
                        + to.scale() + ")";
            }
            if (f.isIntegral()) {
                return "io.sluice.codegen.runtime.CastRuntime.decimalOf((long) (" + value + "), " + to.precision()
                        + ", " + to.scale() + ")";
            }
            if (f == TypeRoot.FLOAT || f == TypeRoot.DOUBLE) {
                return "io.sluice.codegen.runtime.CastRuntime.decimalOf((double) (" + value + "), " + to.precision()
                        + ", " + to.scale() + ")";
            }
        }
        if (JavaTypes.isTimestamp(from) && JavaTypes.isTimestamp(to) && f == t) {
            return TimestampCode.rescale(value, from, to);
        }
        String jt = JavaTypes.javaType(to);
        String jf = JavaTypes.javaType(from);
        if (jt.equals(jf)) {
            return value;
        }
        if (f == TypeRoot.DECIMAL) {
            switch (jt) {
                case "double":
                    return value + ".doubleValue()";
                case "float":
                    return value + ".floatValue()";
                case "long":
                    return value + ".longValue()";
                case "int":
                    return value + ".intValue()";
                case "short":
                    return "(short) " + value + ".longValue()";
                case "byte":
                    return "(byte) " + value + ".longValue()";
                default:
                    break;
            }
        }
        if (f == TypeRoot.NULL) {
            return JavaTypes.defaultValue(to);
        }
        boolean primitiveFrom = !JavaTypes.isReference(from) && f != TypeRoot.BOOLEAN;
        boolean primitiveTo = !JavaTypes.isReference(to) && t != TypeRoot.BOOLEAN;
        if (primitiveFrom && primitiveTo) {
            return "(" + jt + ") (" + value + ")";
        }
        throw new UnsupportedFeatureException("conversion from " + from + " to " + to + " in generated code");
    }

    /** Reinterprets a value with the same meaning under another type (Calcite's REINTERPRET). */
    public String convertReinterpret(String value, LogicalType from, LogicalType to) {
        String jf = JavaTypes.javaType(from);
        String jt = JavaTypes.javaType(to);
        if (jf.equals(jt)) {
            return value;
        }
        if (to.root() == TypeRoot.DECIMAL || from.root() == TypeRoot.DECIMAL) {
            return convert(value, from, to);
        }
        return "(" + jt + ") (" + value + ")";
    }

    /**
     * Declares {@code boolean isNullN = isNullInit; long unscaledN = 0L;}: an assignable DECIMAL of precision
     * &le; 18 held as its unscaled value (see {@link #assignUnscaled}).
     */
    public GenExpr declareUnscaled(LogicalType type, String isNullInit, CodeBuilder out) {
        String isNull = newName("isNull");
        String u = newName("unscaled");
        out.line("boolean " + isNull + " = " + isNullInit + ";");
        out.line("long " + u + " = 0L;");
        return GenExpr.compactDecimal(isNull, u, type, null, null);
    }

    /**
     * Emits {@code target := src} for a target from {@link #declareUnscaled}, converting to the target's
     * DECIMAL(p, s) (HALF_UP; NULL when it does not fit) as {@link #assign} would. A constant is converted at
     * generation time; a compact DECIMAL of the target's scale is copied; other compact DECIMALs and integers are
     * rescaled as {@code long}s; anything else goes through {@code BigDecimal}.
     */
    public void assignUnscaled(GenExpr target, GenExpr src, CodeBuilder out) {
        LogicalType tt = target.type();
        LogicalType st = src.type();
        if (src.alwaysNull()) {
            out.line(target.isNull() + " = true;");
            return;
        }
        Object lit = src.literal();
        if (lit instanceof BigDecimal || lit instanceof Long) {
            BigDecimal v = lit instanceof Long ? BigDecimal.valueOf((Long) lit) : (BigDecimal) lit;
            long u = io.sluice.codegen.runtime.DecimalRuntime.unscaledOf(
                    io.sluice.codegen.runtime.DecimalRuntime.fit(v, tt.precision(), tt.scale()));
            if (u == io.sluice.codegen.runtime.DecimalRuntime.OVERFLOW) {
                out.line(target.isNull() + " = true;");
            } else {
                out.line(target.isNull() + " = false;");
                out.line(target.unscaled() + " = " + u + "L;");
            }
            return;
        }
        out.line(target.isNull() + " = " + src.isNull() + ";");
        out.open("if (!" + target.isNull() + ")");
        UnscaledOperand operand = st.root() == TypeRoot.DECIMAL || st.root().isIntegral() ? unscaledOperand(src)
                : null;
        if (operand != null && operand.scale() == tt.scale()
                && (st.root().isIntegral() ? tt.precision() - tt.scale() >= 19 : st.precision() <= tt.precision())) {
            out.line(target.unscaled() + " = " + operand.code() + ";");
        } else if (operand != null) {
            out.line(target.unscaled() + " = " + DEC + ".rescale(" + operand.code() + ", " + operand.scale() + ", "
                    + tt.scale() + ", " + tt.precision() + ");");
            out.line(target.isNull() + " = " + target.unscaled() + " == " + DEC + ".OVERFLOW;");
        } else {
            String fitted = newName("dec");
            out.line("java.math.BigDecimal " + fitted + " = " + convert(value(src, out), st, tt) + ";");
            out.line(target.unscaled() + " = " + DEC + ".unscaledOf(" + fitted + ");");
            out.line(target.isNull() + " = " + target.unscaled() + " == " + DEC + ".OVERFLOW;");
        }
        out.close();
    }

    /**
     * Emits {@code target := src} converting the value to the target's type; target variables must be
     * assignable locals from {@link #declare}.
     */
    public void assign(GenExpr target, GenExpr src, CodeBuilder out) {
        if (src.alwaysNull()) {
            out.line(target.isNull() + " = true;");
            return;
        }
        out.line(target.isNull() + " = " + src.isNull() + ";");
        out.open("if (!" + target.isNull() + ")");
        String v = value(src, out);
        LogicalType tt = target.type();
        if (tt.root().isCharacterString() && src.type().root().isCharacterString()) {
            out.line(target.value() + " = " + v + ";");
        } else if (tt.root().isBinaryString() && src.type().root().isBinaryString()) {
            out.line(target.value() + " = " + v + ";");
        } else {
            out.line(target.value() + " = " + convert(v, src.type(), tt) + ";");
        }
        if (JavaTypes.isReference(tt)) {
            out.line(target.isNull() + " = " + target.value() + " == null;");
        }
        out.close();
    }
}
