package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's JSON functions: the SQL/JSON path queries JSON_VALUE, JSON_QUERY, JSON_EXISTS and IS [NOT] JSON,
 * the constructors JSON_OBJECT, JSON_ARRAY and JSON_STRING, and JSON_QUOTE / JSON_UNQUOTE.
 */
public final class JsonFunctions implements BuiltInFunction {
    /** Flink's JSON_STRING(value): the value serialized as JSON text, NULL for NULL. */
    public static final SqlFunction JSON_STRING = new SqlFunction("JSON_STRING", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE), null, OperandTypes.ANY,
            SqlFunctionCategory.SYSTEM);
    /** Flink's JSON_QUOTE(string): string as a JSON string literal. */
    public static final SqlFunction JSON_QUOTE = new SqlFunction("JSON_QUOTE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    /** Flink's JSON_UNQUOTE(string): the content of a JSON string literal. */
    public static final SqlFunction JSON_UNQUOTE = new SqlFunction("JSON_UNQUOTE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);

    /**
     * Flink's JSON(value): a JSON text that JSON_OBJECT and JSON_ARRAY insert as JSON instead of as a string; NULL
     * for NULL or empty text. Anywhere else it fails, as in Flink.
     */
    public static final SqlFunction JSON = new SqlFunction("JSON", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.SYSTEM);

    /** Flink's error for JSON(...) outside the value of a JSON_OBJECT or an element of a JSON_ARRAY. */
    static final String JSON_MISPLACED = "The JSON() function is currently only supported inside a JSON_OBJECT() or"
            + " JSON_ARRAY() function (as a value of JSON_OBJECT, or an element of JSON_ARRAY).";

    private static final String JR = "io.sluice.codegen.runtime.JsonRuntime";
    private static final String JPR = "io.sluice.codegen.runtime.JsonPathRuntime";
    private static final String CALCITE_SQL = "org.apache.calcite.sql.";
    private static final String NODE = "com.fasterxml.jackson.databind.JsonNode";

    @Override
    public List<String> names() {
        return List.of("JSON_VALUE", "JSON_QUERY", "JSON_EXISTS", "IS JSON", "JSON_OBJECT", "JSON_ARRAY",
                "JSON_STRING", "JSON_QUOTE", "JSON_UNQUOTE", "JSON");
    }

    @Override
    public String description() {
        return "JSON_VALUE(json, path [RETURNING type] [{NULL | ERROR | DEFAULT x} ON EMPTY] [{NULL | ERROR | DEFAULT x} "
                + "ON ERROR]) returns the scalar at the SQL/JSON path ('lax' by default, or 'strict') as STRING, or "
                + "as BOOLEAN, INT, BIGINT, DOUBLE or DECIMAL with RETURNING; NULL ON EMPTY and NULL ON ERROR are the "
                + "defaults. JSON_QUERY(json, path [{WITHOUT | WITH [CONDITIONAL | UNCONDITIONAL]} [ARRAY] WRAPPER] "
                + "[{NULL | EMPTY ARRAY | EMPTY OBJECT | ERROR} ON EMPTY] [... ON ERROR]) returns the JSON text of "
                + "the selected object or array. JSON_EXISTS(json, path [{TRUE | FALSE | UNKNOWN | ERROR} ON ERROR]) "
                + "tells whether the path selects something (FALSE ON ERROR by default). These return NULL when json "
                + "or path is NULL. s IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT] tells whether s parses as "
                + "that kind of JSON (NULL IS JSON is FALSE). JSON_OBJECT([KEY] k VALUE v, ... [{NULL | ABSENT} ON "
                + "NULL]) (NULL ON NULL by default) and JSON_ARRAY(v, ... [{NULL | ABSENT} ON NULL]) (ABSENT ON "
                + "NULL by default) build compact JSON text; values made by a nested JSON_OBJECT or JSON_ARRAY nest "
                + "as JSON. JSON_STRING(v) serializes one value as JSON (NULL for NULL). JSON_QUOTE(s) makes s a "
                + "JSON string literal (escaping \", \\, /, control characters); JSON_UNQUOTE(s) reverses it and "
                + "returns s unchanged when it is not a valid JSON string literal. NULL in, NULL out. JSON(s), only "
                + "as a value of JSON_OBJECT or an element of JSON_ARRAY, inserts the JSON text s as JSON rather "
                + "than as a string (NULL or empty s is NULL; text that is not JSON fails the query).";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.JSON_VALUE, SqlStdOperatorTable.JSON_QUERY, SqlStdOperatorTable.JSON_EXISTS,
                SqlStdOperatorTable.IS_JSON_VALUE, SqlStdOperatorTable.IS_NOT_JSON_VALUE,
                SqlStdOperatorTable.IS_JSON_OBJECT, SqlStdOperatorTable.IS_NOT_JSON_OBJECT,
                SqlStdOperatorTable.IS_JSON_ARRAY, SqlStdOperatorTable.IS_NOT_JSON_ARRAY,
                SqlStdOperatorTable.IS_JSON_SCALAR, SqlStdOperatorTable.IS_NOT_JSON_SCALAR,
                SqlStdOperatorTable.JSON_OBJECT, SqlStdOperatorTable.JSON_ARRAY,
                JSON_STRING, JSON_QUOTE, JSON_UNQUOTE, JSON);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        if (op == SqlStdOperatorTable.JSON_VALUE) {
            return jsonValue(gen, call, out);
        }
        if (op == SqlStdOperatorTable.JSON_QUERY) {
            return jsonQuery(gen, call, out);
        }
        if (op == SqlStdOperatorTable.JSON_EXISTS) {
            return jsonExists(gen, call, out);
        }
        if (op == SqlStdOperatorTable.JSON_OBJECT || op == SqlStdOperatorTable.JSON_ARRAY) {
            return construct(gen, call, out);
        }
        if (op == JSON_STRING) {
            return jsonString(gen, call, out);
        }
        if (op == JSON) {
            throw new io.sluice.table.api.ValidationException(JSON_MISPLACED);
        }
        if (op == JSON_QUOTE) {
            return gen.callStrict(call, out, v -> JR + ".quote(" + v.get(0) + ")");
        }
        if (op == JSON_UNQUOTE) {
            return gen.callStrict(call, out, v -> JR + ".unquote(" + v.get(0) + ")");
        }
        return isJson(gen, call, out);
    }

    private static String pathRuntime(ExprGenerator gen) {
        return gen.addMember(JPR, "new " + JPR + "()");
    }

    private static String enumConstant(Enum<?> e) {
        return CALCITE_SQL + e.getDeclaringClass().getSimpleName() + "." + e.name();
    }

    private static GenExpr jsonValue(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<RexNode> ops = call.getOperands();
        SqlJsonValueEmptyOrErrorBehavior onEmpty = SqlJsonValueEmptyOrErrorBehavior.NULL;
        SqlJsonValueEmptyOrErrorBehavior onError = SqlJsonValueEmptyOrErrorBehavior.NULL;
        RexNode emptyDefault = null;
        RexNode errorDefault = null;
        int i = 2;
        while (i < ops.size()) {
            SqlJsonValueEmptyOrErrorBehavior behavior =
                    ((RexLiteral) ops.get(i++)).getValueAs(SqlJsonValueEmptyOrErrorBehavior.class);
            RexNode dflt = behavior == SqlJsonValueEmptyOrErrorBehavior.DEFAULT ? ops.get(i++) : null;
            SqlJsonEmptyOrError which = ((RexLiteral) ops.get(i++)).getValueAs(SqlJsonEmptyOrError.class);
            if (which == SqlJsonEmptyOrError.EMPTY) {
                onEmpty = behavior;
                emptyDefault = dflt;
            } else {
                onError = behavior;
                errorDefault = dflt;
            }
        }
        LogicalType type = ExprGenerator.typeOf(call);
        String convert = returningConverter(type);
        List<GenExpr> args = List.of(gen.gen(ops.get(0), out), gen.gen(ops.get(1), out));
        String emptyValue = defaultValue(gen, emptyDefault, out);
        String errorValue = defaultValue(gen, errorDefault, out);
        String runtime = pathRuntime(gen);
        GenExpr r = gen.declare(type, "true", out);
        out.open("if (!(" + args.get(0).isNull() + " || " + args.get(1).isNull() + "))");
        String json = gen.value(args.get(0), out);
        String path = gen.value(args.get(1), out);
        String raw = gen.newName("jsonValue");
        out.line("Object " + raw + " = " + runtime + ".value(" + json + ", " + path + ", " + enumConstant(onEmpty)
                + ", " + emptyValue + ", " + enumConstant(onError) + ", " + errorValue + ");");
        out.open("try");
        assignConverted(r, convert + "(" + raw + ")", type, gen, out);
        out.close();
        out.open("catch (RuntimeException e)");
        if (onError == SqlJsonValueEmptyOrErrorBehavior.ERROR) {
            out.line("throw e;");
        } else if (onError == SqlJsonValueEmptyOrErrorBehavior.DEFAULT) {
            assignConverted(r, convert + "(" + errorValue + ")", type, gen, out);
        }
        out.close();
        out.close();
        return r;
    }

    /** {@code r = unbox(converted)} unless the converted value is null. */
    private static void assignConverted(GenExpr r, String converted, LogicalType type, ExprGenerator gen,
            CodeBuilder out) {
        String conv = gen.newName("conv");
        out.line("Object " + conv + " = " + converted + ";");
        out.open("if (" + conv + " != null)");
        out.line(r.value() + " = " + unbox(conv, type) + ";");
        out.line(r.isNull() + " = false;");
        out.close();
    }

    /** The Java expression of a DEFAULT operand as an Object (null for NULL), or "null" without DEFAULT. */
    private static String defaultValue(ExprGenerator gen, RexNode node, CodeBuilder out) {
        if (node == null) {
            return "null";
        }
        GenExpr e = gen.gen(node, out);
        String v = gen.value(e, out);
        String boxed = gen.newName("dflt");
        String box = JavaTypes.isReference(e.type()) ? v : boxType(e.type()) + ".valueOf(" + v + ")";
        out.line("Object " + boxed + " = " + e.isNull() + " ? null : (Object) " + box + ";");
        return boxed;
    }

    private static String boxType(LogicalType t) {
        switch (JavaTypes.javaType(t)) {
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
            default:
                return "Double";
        }
    }

    private static String returningConverter(LogicalType type) {
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                return JPR + ".asString";
            case BOOLEAN:
                return JPR + ".asBoolean";
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DECIMAL:
                return JPR + ".asDecimal";
            case FLOAT:
            case DOUBLE:
                return JPR + ".asDouble";
            default:
                throw new UnsupportedFeatureException("JSON_VALUE ... RETURNING " + type);
        }
    }

    private static String unbox(String conv, LogicalType type) {
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                return "(String) " + conv;
            case BOOLEAN:
                return "((Boolean) " + conv + ").booleanValue()";
            case TINYINT:
                return "((java.math.BigDecimal) " + conv + ").byteValueExact()";
            case SMALLINT:
                return "((java.math.BigDecimal) " + conv + ").shortValueExact()";
            case INTEGER:
                return "((java.math.BigDecimal) " + conv + ").intValueExact()";
            case BIGINT:
                return "((java.math.BigDecimal) " + conv + ").longValueExact()";
            case DECIMAL:
                return "((java.math.BigDecimal) " + conv + ").setScale(" + type.scale()
                        + ", java.math.RoundingMode.HALF_UP)";
            case FLOAT:
                return "((Double) " + conv + ").floatValue()";
            default:
                return "((Double) " + conv + ").doubleValue()";
        }
    }

    private static GenExpr jsonQuery(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<RexNode> ops = call.getOperands();
        if (ops.size() != 5 || !Functions.isSymbol(ops.get(2))) {
            throw new UnsupportedFeatureException("this form of JSON_QUERY: " + call);
        }
        LogicalType type = ExprGenerator.typeOf(call);
        boolean stringArray = type.root() == io.sluice.runtime.types.TypeRoot.ARRAY
                && type.elementType().root().isCharacterString();
        if (!type.root().isCharacterString() && !stringArray) {
            throw new UnsupportedFeatureException("JSON_QUERY ... RETURNING " + type.typeName()
                    + " (STRING and ARRAY<STRING> are supported)");
        }
        String wrapper = enumConstant(Functions.symbol(call, 2, SqlJsonQueryWrapperBehavior.class));
        String onEmpty = enumConstant(Functions.symbol(call, 3, SqlJsonQueryEmptyOrErrorBehavior.class));
        String onError = enumConstant(Functions.symbol(call, 4, SqlJsonQueryEmptyOrErrorBehavior.class));
        String runtime = pathRuntime(gen);
        List<GenExpr> args = List.of(gen.gen(ops.get(0), out), gen.gen(ops.get(1), out));
        if (stringArray) {
            GenExpr text = gen.strict(args, io.sluice.runtime.types.LogicalType.string(), out, v -> runtime + ".query("
                    + v.get(0) + ", " + v.get(1) + ", " + wrapper + ", " + onEmpty + ", " + onError + ")");
            GenExpr r = gen.declare(type, "true", out);
            out.open("if (!" + text.isNull() + ")");
            out.line(r.value() + " = " + JPR + ".asStringArray(" + gen.value(text, out) + ");");
            out.line(r.isNull() + " = " + r.value() + " == null;");
            out.close();
            return r;
        }
        return gen.strict(args, type, out, v -> runtime + ".query(" + v.get(0) + ", " + v.get(1) + ", " + wrapper
                + ", " + onEmpty + ", " + onError + ")");
    }

    private static GenExpr jsonExists(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<RexNode> ops = call.getOperands();
        SqlJsonExistsErrorBehavior onError = ops.size() > 2
                ? Functions.symbol(call, 2, SqlJsonExistsErrorBehavior.class) : SqlJsonExistsErrorBehavior.FALSE;
        String runtime = pathRuntime(gen);
        List<GenExpr> args = List.of(gen.gen(ops.get(0), out), gen.gen(ops.get(1), out));
        LogicalType type = ExprGenerator.typeOf(call);
        String exists = gen.newName("exists");
        out.line("Boolean " + exists + " = null;");
        GenExpr r = gen.strict(args, type, out, v -> {
            out.line(exists + " = " + runtime + ".exists(" + v.get(0) + ", " + v.get(1) + ", "
                    + enumConstant(onError) + ");");
            return exists + " != null && " + exists + ".booleanValue()";
        });
        out.line("if (" + exists + " == null) " + r.isNull() + " = true;");
        return r;
    }

    private static GenExpr isJson(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        boolean negated = op == SqlStdOperatorTable.IS_NOT_JSON_VALUE || op == SqlStdOperatorTable.IS_NOT_JSON_OBJECT
                || op == SqlStdOperatorTable.IS_NOT_JSON_ARRAY || op == SqlStdOperatorTable.IS_NOT_JSON_SCALAR;
        String kind = op == SqlStdOperatorTable.IS_JSON_OBJECT || op == SqlStdOperatorTable.IS_NOT_JSON_OBJECT
                ? "OBJECT" : op == SqlStdOperatorTable.IS_JSON_ARRAY || op == SqlStdOperatorTable.IS_NOT_JSON_ARRAY
                ? "ARRAY" : op == SqlStdOperatorTable.IS_JSON_SCALAR || op == SqlStdOperatorTable.IS_NOT_JSON_SCALAR
                ? "SCALAR" : "VALUE";
        GenExpr arg = gen.gen(call.getOperands().get(0), out);
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), "false", out);
        out.line(r.value() + " = " + negated + ";");
        out.open("if (!" + arg.isNull() + ")");
        String s = gen.value(arg, out);
        out.line(r.value() + " = " + (negated ? "!" : "") + JPR + ".isJson(" + s + ", \"" + kind + "\");");
        out.close();
        return r;
    }

    private static GenExpr construct(ExprGenerator gen, RexCall call, CodeBuilder out) {
        boolean object = call.getOperator() == SqlStdOperatorTable.JSON_OBJECT;
        SqlJsonConstructorNullClause nullClause = Functions.symbol(call, 0, SqlJsonConstructorNullClause.class);
        boolean absentOnNull = nullClause == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
        List<RexNode> ops = call.getOperands();
        String container = gen.newName("json");
        String containerType = "com.fasterxml.jackson.databind.node." + (object ? "ObjectNode" : "ArrayNode");
        out.line(containerType + " " + container + " = " + JR + "." + (object ? "object" : "array") + "();");
        for (int i = 1; i < ops.size(); i += object ? 2 : 1) {
            String key = null;
            if (object) {
                GenExpr k = gen.gen(ops.get(i), out);
                key = JR + ".key(" + k.isNull() + " ? null : " + gen.value(k, out) + ")";
            }
            RexNode valueNode = ops.get(object ? i + 1 : i);
            String node = gen.newName("node");
            out.line(NODE + " " + node + " = " + nodeOf(gen, valueNode, out) + ";");
            String add = object ? container + ".set(" + key + ", " + (absentOnNull ? node : "NODE_OR_NULL") + ")"
                    : container + ".add(" + (absentOnNull ? node : "NODE_OR_NULL") + ")";
            if (absentOnNull) {
                out.line("if (" + node + " != null) " + add + ";");
            } else {
                out.line(add.replace("NODE_OR_NULL", node + " == null ? " + JR + ".nullNode() : " + node) + ";");
            }
        }
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), "false", out);
        out.line(r.value() + " = " + JR + ".write(" + container + ");");
        return r;
    }

    private static GenExpr jsonString(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String node = gen.newName("node");
        out.line(NODE + " " + node + " = " + nodeOf(gen, call.getOperands().get(0), out) + ";");
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), node + " == null", out);
        out.line("if (" + node + " != null) " + r.value() + " = " + JR + ".write(" + node + ");");
        return r;
    }

    /** A Java expression of the Jackson node of {@code value}, null when the value is NULL. */
    private static String nodeOf(ExprGenerator gen, RexNode value, CodeBuilder out) {
        // Calcite marks every JSON function argument of a constructor with JSON_TYPE; as in Flink, only the
        // result of a nested JSON_OBJECT or JSON_ARRAY is inserted as JSON, any other value as itself.
        if (value instanceof RexCall && ((RexCall) value).getOperator() == SqlStdOperatorTable.JSON_TYPE_OPERATOR) {
            value = ((RexCall) value).getOperands().get(0);
        }
        boolean rawJson = value instanceof RexCall
                && (((RexCall) value).getOperator() == SqlStdOperatorTable.JSON_OBJECT
                || ((RexCall) value).getOperator() == SqlStdOperatorTable.JSON_ARRAY);
        if (value instanceof RexCall && ((RexCall) value).getOperator() == JSON) {
            // JSON(text): the parsed text, or null (NULL or empty text) for ON NULL to handle
            GenExpr text = gen.gen(((RexCall) value).getOperands().get(0), out);
            if (text.type().root() == io.sluice.runtime.types.TypeRoot.NULL || "true".equals(text.isNull())) {
                return "(" + NODE + ") null";
            }
            return text.isNull() + " ? (" + NODE + ") null : " + JR + ".rawOrNull(" + gen.value(text, out) + ")";
        }
        GenExpr e = gen.gen(value, out);
        LogicalType t = e.type();
        if (t.root() == io.sluice.runtime.types.TypeRoot.NULL || "true".equals(e.isNull())) {
            return "(" + NODE + ") null";
        }
        String v = gen.value(e, out);
        String node;
        if (rawJson) {
            node = JR + ".raw((String) " + v + ")";
        } else {
            switch (t.root()) {
                case BOOLEAN:
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                case BIGINT:
                case FLOAT:
                case DOUBLE:
                case DECIMAL:
                case CHAR:
                case VARCHAR:
                    node = JR + ".node((" + JavaTypes.javaType(t) + ") " + v + ")";
                    break;
                default:
                    io.sluice.codegen.runtime.JsonRuntime.checkJsonType(t);
                    node = JR + ".valueNode(" + gen.external(e, out) + ", " + gen.typeReference(t) + ")";
            }
        }
        return e.isNull() + " ? (" + NODE + ") null : " + node;
    }
}
